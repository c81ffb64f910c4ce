// Issue 16 item 5: a log of N SigV4-signed calls (every signature a new secret) through the
// `report` command's engine path (learn the whole log, build, render, seal), against the same
// log where every call carries one signature. Before the fix the vault probed `_2`, `_3`, … for
// every new name and re-sorted its index on each insert, so distinct secrets cost O(n²).
// Figures only. `npx tsx bench/vault.ts [--sizes 8000,16000] [--json]`
import { diagnoseExchange, LogIndex } from '../lib';
import type { Har, HarEntry } from '../lib/har/types';
import { buildReport, renderReport } from '../lib/report';
import { makeEntry } from '../test/support/har';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const SIZES = arg('--sizes', '8000,16000').split(',').map(Number);

function hex(n: number, seed: number): string {
  let s = '';
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += ((x >>> 16) & 15).toString(16);
  }
  return s;
}

function entry(i: number, signature: string, status: number): HarEntry {
  return makeEntry(
    {
      url: `https://bucket.s3.amazonaws.com/object-${i}`,
      status,
      startedDateTime: new Date(Date.UTC(2026, 11, 4, 12, 0, 0, i)).toISOString(),
      requestHeaders: {
        Host: 'bucket.s3.amazonaws.com',
        'X-Amz-Date': '20261204T120000Z',
        Authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/us-east-1/s3/aws4_request, ' +
          `SignedHeaders=host;x-amz-date, Signature=${signature}`,
      },
      mimeType: 'application/xml',
      body:
        status === 200
          ? ''
          : '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message></Error>',
    },
    i,
  );
}

function har(n: number, distinct: boolean): Har {
  const one = hex(64, 7);
  const entries = Array.from({ length: n }, (_, i) =>
    entry(i, distinct ? hex(64, i + 1) : one, i === n - 1 ? 403 : 200),
  );
  return { log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } };
}

function time(h: Har): number {
  const t = performance.now();
  const log = new LogIndex(h);
  const last = log.at(h.log.entries.length - 1)!;
  const report = buildReport(log, [diagnoseExchange(log, last)]);
  renderReport(report, 'md');
  return performance.now() - t;
}

// A first, small run warms the JIT, so the first measured figure is not startup.
time(har(500, true));
const rows: string[] = [];
for (const n of SIZES) {
  const same = time(har(n, false));
  const distinct = time(har(n, true));
  rows.push(
    `report, ${n} SigV4 calls: one signature ${Math.round(same)} ms, ${n} signatures ${Math.round(distinct)} ms (×${(distinct / same).toFixed(1)})`,
  );
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else console.log(rows.join('\n'));
