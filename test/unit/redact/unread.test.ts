// A text whose nested encodings cost more than the decoding closure's work budget (closure.ts:
// 1 Mi characters plus 16 per character of the entry and 48 more per character of each text's first
// 64 Ki, dealt out per text) is not read to the end, so redaction
// cannot vouch for it: it leaves whole, as one placeholder of kind `unread`, from every artefact.
// Only crafted nestings get there; no real capture does (test/unit/realworld/read-whole.test.ts).
import { describe, expect, it } from 'vitest';
import { redactHar } from '../../../lib/redact';
import { buildReport, diagnose, renderReport, LogIndex, diagnoseExchange } from '../../../lib';
import { exportEntry } from '../../../lib/export';
import type { Har, HarEntry } from '../../../lib/har/types';
import { makeEntry } from '../../support/har';

const harOf = (e: HarEntry): Har => ({
  log: { version: '1.2', creator: { name: 'why403-test', version: '1' }, entries: [e] },
});

/** `layers` escapings of `s`, each applying `escape` to the one before. */
const nest = (s: string, layers: number, escape: (s: string) => string) =>
  Array.from({ length: layers }).reduce<string>((t) => escape(t), s);

// Three encodings nested 20 deep, side by side: the closure reads every mix of their decodings
// (21 × 21 × … texts), about a thousand times the text's own size.
const MARK = 'mk-Crafted-4812';
const crafted = [
  nest(`<b>${MARK}</b>`, 20, (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')),
  nest('z', 20, (t) => encodeURIComponent(`${t}%`)),
  nest('q', 6, (t) => JSON.stringify(t).slice(1, -1).replace(/q/g, '\\u0071')),
]
  .join(' ')
  .repeat(3);

function craftedEntry() {
  const e = makeEntry({ method: 'POST', url: 'https://api.example.com/notes', status: 401 }, 0);
  e.request.headers.push({ name: 'X-Note', value: 'plain-note-value' });
  e.request.postData = { mimeType: 'text/plain', text: crafted };
  e.response.content = { size: crafted.length, mimeType: 'text/plain', text: `echo: ${crafted}` };
  return e;
}

describe('a text the closure cannot read whole', () => {
  it('leaves the redacted HAR as one placeholder, said to be withheld whole', () => {
    const { har, secrets } = redactHar(harOf(craftedEntry()));
    const e = har.log.entries[0]!;
    expect(e.request.postData?.text).toMatch(/^\$\{WHY403_UNREAD(_\d+)?\}$/);
    expect(e.response.content?.text).toMatch(/^\$\{WHY403_UNREAD(_\d+)?\}$/);
    expect(JSON.stringify(har)).not.toContain(MARK);
    const unread = secrets.filter((s) => s.kind === 'unread');
    expect(unread.map((s) => s.places[0])).toEqual(
      expect.arrayContaining(['request body, not read whole', 'response body, not read whole']),
    );
    expect(unread[0]!.note).toMatch(
      /^text withheld whole: its nested encodings cost more than redaction reads, \d+ chars$/,
    );
    // What was read whole is kept as it was.
    expect(e.request.headers).toContainEqual({ name: 'X-Note', value: 'plain-note-value' });
  });

  it('does not starve the fields read after it: each is read whole and kept', () => {
    // The entry's texts share one budget. A body that spends it must not leave a header or a URL
    // that comes after it (in HAR order) unread: those would go out withheld for no reason of theirs.
    const e = craftedEntry();
    const words = 'plain trace words of no secret at all '.repeat(100);
    e.request.headers.push({ name: 'X-Trace', value: words });
    e.response.headers.push({ name: 'X-Served-By', value: words.toUpperCase() });
    e.request.url = `https://api.example.com/notes?comment=${encodeURIComponent(words)}`;
    const { har, secrets } = redactHar(harOf(e));
    const out = har.log.entries[0]!;
    expect(out.request.headers).toContainEqual({ name: 'X-Trace', value: words });
    expect(out.response.headers).toContainEqual({ name: 'X-Served-By', value: words.toUpperCase() });
    expect(out.request.url).toBe(e.request.url);
    const places = secrets.filter((s) => s.kind === 'unread').flatMap((s) => s.places);
    expect(
      places.every((p) => /^(request|response) body\b/.test(p)),
      places.join('; '),
    ).toBe(true);
  });

  it('is withheld from an export and from a report, which name the same placeholder', () => {
    const entry = craftedEntry();
    const curl = exportEntry(entry, 'curl', { redact: true });
    expect(curl).not.toContain(MARK);
    expect(curl).toMatch(/WHY403_UNREAD/);
    const log = new LogIndex(harOf(entry));
    const md = renderReport(buildReport(log, [diagnoseExchange(log, log.at(0)!)]), 'md');
    expect(md).not.toContain(MARK);
    expect(md).toMatch(/WHY403_UNREAD/);
  });

  it('is still diagnosed: withholding is redaction’s, not the engine’s', () => {
    expect(diagnose(harOf(craftedEntry()))[0]?.causes[0]?.id).toBe('auth.missing');
  });
});
