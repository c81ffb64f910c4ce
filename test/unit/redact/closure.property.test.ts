// Issue 16 item 7: random secrets under random names in random nestings of the encodings
// captures carry, at random places of an entry; every artefact Why403 makes from the log (all
// export formats, all report formats, the redacted HAR, every `diagnose` format) must hold no
// planted secret in any form the oracle (nesting.ts) can decode. Redacted exports must still
// parse, and the redacted HAR must diagnose the same. Runs are bounded here;
// WHY403_REDACT_PROPERTY_RUNS=N (or `npm run bench`, bench/redact-property.ts) runs more.
import { spawnSync } from 'node:child_process';
import { Script } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { exportEntry } from '../../../lib/export';
import type { Har } from '../../../lib/har/types';
import { redactHar } from '../../../lib/redact';
import { makeEntry } from '../../support/har';
import { artefacts, leaksOf, logOf } from './artefacts';
import { plantedArb, plantedEntry, plantedText, secretArb, survives, type Planted } from './nesting';

const RUNS = Number(process.env.WHY403_REDACT_PROPERTY_RUNS ?? 8);

const describePlanted = (p: Planted) =>
  `${p.core} named ${p.name} in [${p.layers.join(' > ')}] at ${p.place}${p.place === 'deepExtra' ? ` depth ${p.depth}` : ''}`;

describe('redaction is a decoding closure (property-based)', () => {
  it('the generator really hides each secret (the oracle finds it in the raw log)', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        expect(survives(JSON.stringify(logOf([plantedEntry(p)])), p.secret), describePlanted(p)).toBe(true);
      }),
      { numRuns: RUNS * 4, seed: 16 },
    );
  });

  it('no planted secret survives in any artefact, in any encoding', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const leaks = leaksOf(logOf([plantedEntry(p)]), [p.secret]);
        expect(leaks, describePlanted(p)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 1616 },
    );
  }, 120_000);

  it('identifiers that are keys: URL userinfo and Basic user names', () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom('ghp_', 'sk_live_', 'glpat-', ''), fc.boolean(), (s, prefix, viaUrl) => {
        const key = `${prefix}${s}${'x'.repeat(Math.max(0, 24 - s.length))}`;
        const entry = viaUrl
          ? makeEntry({ url: `https://${key}:x-oauth-basic@api.example.com/repos`, status: 401 })
          : makeEntry({
              url: 'https://api.example.com/v1/charges',
              status: 401,
              requestHeaders: { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
              body: `{"error":"invalid api key ${key.slice(0, 4)}…"}`,
            });
        expect(leaksOf(logOf([entry]), [key])).toEqual([]);
      }),
      { numRuns: Math.max(4, RUNS / 2), seed: 2 },
    );
  }, 120_000);

  it('echoes of named secrets of any length, as whole tokens only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100000, max: 999999 }), (n) => {
        const otp = String(n);
        const entry = makeEntry({
          method: 'POST',
          url: 'https://api.example.com/v1/verify',
          status: 403,
          requestBody: `otp=${otp}`,
          requestMimeType: 'application/x-www-form-urlencoded',
          body: `{"error":"code ${otp} rejected","request_id":"r${otp}0"}`,
          mimeType: 'application/json',
        });
        const har = logOf([entry]);
        const id = `r${otp}0`;
        const found: string[] = [];
        for (const [name, text] of artefacts(har)) {
          // Exact tokens: the request id that merely contains the digits stays readable…
          if (name.startsWith('report') || name === 'redacted HAR') expect(text, name).toContain(id);
          // …and nothing else holds them.
          if (survives(text.replaceAll(id, ''), otp)) found.push(name);
        }
        expect(found).toEqual([]);
      }),
      { numRuns: Math.max(4, RUNS / 2), seed: 3 },
    );
  }, 120_000);

  it('redacted exports still parse, and the redacted HAR diagnoses the same', () => {
    const samples = fc.sample(plantedArb, { numRuns: Math.max(3, Math.round(RUNS / 5)), seed: 77 });
    const shells: string[] = [];
    for (const p of samples) {
      const har = logOf([plantedEntry(p)]);
      const e = har.log.entries[1]!;
      for (const f of ['fetch', 'node'] as const) {
        const code = exportEntry(e, f, { redact: true, log: har.log.entries });
        expect(() => new Script(code), `${f}: ${describePlanted(p)}`).not.toThrow();
      }
      for (const f of ['curl', 'httpie'] as const)
        shells.push(exportEntry(e, f, { redact: true, log: har.log.entries }));
      const top = (h: Har) => diagnose(h, { all: true }).map((d) => d.causes[0]?.id ?? 'none');
      expect(top(redactHar(har).har), describePlanted(p)).toEqual(top(har));
      expect(plantedText(p)).not.toBe('');
    }
    // One bash for every script: `bash -n` parses without running.
    for (const script of shells) {
      const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
      expect(r.status, `${r.stderr}\n${script}`).toBe(0);
    }
  }, 120_000);
});
