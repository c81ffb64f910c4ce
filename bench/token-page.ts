// A web page full of tokens through redaction: YouTube's watch page (800 KB of HTML with about
// 680 token-shaped blobs, many inside `\u`-escaped JSON in scripts), as the corpus keeps it in
// adobe/helix-embed's nock recording (hex chunks of gzip), then as plain text and as base64 gzip.
// Each blob is learned with the forms its nesting gives it (lib/redact/forms.ts nestedForms);
// before those were bounded and keyed by longer starts (finder.ts), this page took minutes.
// Figures only, per input size, so growth with size shows: `npx tsx bench/token-page.ts [--json]`
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { recordedContentBytes } from '../lib/model/content-bytes';
import type { Har, HarEntry } from '../lib/har/types';
import { redactHar } from '../lib/redact';

const FILE = 'test/fixtures/realworld/adobe__helix-embed/IFramely-used-for-allowed-IP-addresses_274651565.har';
const har = JSON.parse(readFileSync(FILE, 'utf8')) as Har;
const page = har.log.entries
  .map((e) => recordedContentBytes(String(e.response.content?.text ?? ''), 'hex-chunks', 1 << 26))
  .filter((c) => c !== null)
  .map((c) => new TextDecoder().decode(c.bytes))
  .sort((a, b) => b.length - a.length)[0]!;

function harWith(text: string, gzip: boolean): Har {
  const e = har.log.entries[0]! as HarEntry;
  const content = gzip
    ? {
        size: text.length,
        mimeType: 'text/html',
        encoding: 'base64',
        text: gzipSync(Buffer.from(text)).toString('base64'),
      }
    : { size: text.length, mimeType: 'text/html', text };
  const headers = gzip ? [{ name: 'Content-Encoding', value: 'gzip' }] : [];
  return { log: { ...har.log, entries: [{ ...e, response: { ...e.response, headers, content } }] } };
}

const ms = (f: () => void) => {
  const t = performance.now();
  f();
  return Math.round(performance.now() - t);
};

const rows: Record<string, number> = {};
rows['recorded capture (hex chunks)'] = ms(() => redactHar(JSON.parse(readFileSync(FILE, 'utf8')) as Har));
for (const share of [0.25, 0.5, 1]) {
  const text = page.slice(0, Math.round(page.length * share));
  const kb = Math.round(text.length / 1024);
  rows[`plain ${kb} KB`] = ms(() => redactHar(harWith(text, false)));
  if (share === 1) rows[`base64 gzip ${kb} KB`] = ms(() => redactHar(harWith(text, true)));
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else for (const [k, v] of Object.entries(rows)) console.log(`token-rich page, redaction, ${k}: ${v} ms`);
