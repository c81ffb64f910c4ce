// The import worker sends the panel an entry without its body when lib's bodyCanFlag says the
// body cannot make it a refusal (issue 19): those bodies were let go on arrival anyway, and
// copying them across cost a third of an import. The promise behind it: the panel's diagnosis
// of an imported file stays the CLI's. Checked on every real capture of the open corpus and the
// real-server lab (the sealed split is left unread, see SOURCES.md): with the withheld bodies
// gone, every entry gets the same flag, the same causes in the same order, the same evidence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, readHar, type Har } from '../../../lib';
import { withoutBody } from '../../../panel/import/worker-core';
import { makeEntry } from '../../support/har';

function harFiles(dir: string, skip: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.har') && !skip.test(f))
    .map((f) => join(dir, f));
}

const files = [...harFiles('test/fixtures/realworld', /^sealed\//), ...harFiles('test/fixtures/lab', /^$/)];

const reading = (har: Har) =>
  diagnose(har, { all: true }).map((d) => ({
    index: d.index,
    flagged: d.flagged,
    causes: d.causes.map((c) => [c.id, c.evidence]),
  }));

describe('entries imported without the bodies the worker keeps back', () => {
  it('are read as the CLI reads them with their bodies, on every real capture', () => {
    expect(files.length).toBeGreaterThan(100);
    let withheld = 0;
    for (const file of files) {
      const { har } = readHar(readFileSync(file, 'utf8'));
      const lean = { ...har, log: { ...har.log, entries: har.log.entries.map((e, i) => withoutBody(e, i)) } };
      withheld += lean.log.entries.filter((e, i) => e !== har.log.entries[i]).length;
      expect(reading(lean), file).toEqual(reading(har));
    }
    // The check is only worth something if bodies were in fact kept back.
    expect(withheld).toBeGreaterThan(100);
  });

  it('keeps back no body that can flag its entry', () => {
    const entry = (method: string, status: number, mimeType: string, url = 'https://api.example.com/v1/x') =>
      makeEntry({ method, url, status, mimeType, body: '{}' });
    const kept = [
      entry('GET', 403, 'application/json'),
      entry('POST', 200, 'application/json'),
      entry('GET', 200, 'application/json', 'https://api.example.com/graphql?query=x'),
      entry('POST', 200, 'text/xml'),
    ];
    for (const e of kept) expect(withoutBody(e, 0), `${e.request.method} ${e.response.status}`).toBe(e);
    const lean = withoutBody(entry('GET', 200, 'application/json'), 0);
    expect(lean.response.content).toEqual({ size: 2, mimeType: 'application/json' });
    expect(lean.request).toEqual(entry('GET', 200, 'application/json').request);
  });
});
