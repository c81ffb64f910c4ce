// What the tolerant reader must keep (issue 22): repairing one field of a hostile capture never
// touches another. Every field is generated hostile — method, URL, header *names* (prototype keys
// included) and values, bodies — and a random few are damaged the ways real writers damage them.
// The properties: no entry is lost or shifted; the input is never mutated; an entry that needed no
// repair comes back as it was; in a repaired entry, every pair and field that was not damaged is
// identical and in its place, and each damaged one is read as its one obvious meaning.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHarValue } from '../../../lib/har/read';
import type { HarNameValue } from '../../../lib/har/types';

const RUNS = Number(process.env.WHY403_PROPERTY_RUNS ?? 150);

// Text an attacker controls: any code point, control and bidi characters, and the names that
// break plain-object lookups.
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '\u0000'),
  fc.constantFrom('Authorization', 'Access-Control-Allow-Origin', 'Set-Cookie', 'WWW-Authenticate'),
);
const pair = fc.record({ name: hostile, value: hostile });
const pairs = fc.array(pair, { maxLength: 6 });

const entry = fc.record({
  startedDateTime: fc.constant('2026-01-01T00:00:00.000Z'),
  request: fc.record({
    method: hostile,
    url: hostile,
    headers: pairs,
    queryString: pairs,
    postData: fc.option(fc.record({ mimeType: hostile, text: hostile }), { nil: undefined }),
  }),
  response: fc.record({
    status: fc.integer({ min: 0, max: 999 }),
    statusText: hostile,
    headers: pairs,
    content: fc.record({ size: fc.nat(), mimeType: hostile, text: hostile }),
  }),
});

// One way a real writer gets a field wrong, with what the reader must read it as.
type Damage =
  | { kind: 'status-as-string' }
  | { kind: 'header-value-array'; side: 'request' | 'response'; at: number; extra: string }
  | { kind: 'header-value-number'; side: 'request' | 'response'; at: number; n: number }
  | { kind: 'header-not-object'; side: 'request' | 'response'; at: number }
  | { kind: 'method-number'; n: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: 'status-as-string' as const }),
  fc.record({
    kind: fc.constant('header-value-array' as const),
    side: fc.constantFrom('request' as const, 'response' as const),
    at: fc.nat(),
    extra: hostile,
  }),
  fc.record({
    kind: fc.constant('header-value-number' as const),
    side: fc.constantFrom('request' as const, 'response' as const),
    at: fc.nat(),
    n: fc.integer({ min: -1e6, max: 1e6 }),
  }),
  fc.record({
    kind: fc.constant('header-not-object' as const),
    side: fc.constantFrom('request' as const, 'response' as const),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constant('method-number' as const), n: fc.integer({ min: 0, max: 999 }) }),
);

type Raw = { request: Record<string, unknown>; response: Record<string, unknown> };

/** Applies a damage to a copy of the entry; returns the damaged entry and the headers the reader must produce. */
function apply(e: Raw, d: Damage): { raw: Raw; want: Raw } {
  const raw = structuredClone(e);
  const want = structuredClone(e);
  const headersOf = (o: Raw, side: 'request' | 'response') => o[side].headers as unknown[];
  switch (d.kind) {
    case 'status-as-string':
      raw.response.status = String(e.response.status);
      break;
    case 'method-number':
      raw.request.method = d.n;
      want.request.method = String(d.n);
      break;
    default: {
      const list = headersOf(raw, d.side);
      if (list.length === 0) return { raw, want };
      const i = d.at % list.length;
      const original = list[i] as HarNameValue;
      const wanted = headersOf(want, d.side);
      if (d.kind === 'header-value-array') {
        list[i] = { name: original.name, value: [original.value, d.extra] };
        // One pair per value, in order: two ACAO headers stay two.
        wanted.splice(i, 1, { name: original.name, value: original.value }, { name: original.name, value: d.extra });
      } else if (d.kind === 'header-value-number') {
        list[i] = { name: original.name, value: d.n };
        wanted.splice(i, 1, { name: original.name, value: String(d.n) });
      } else {
        list[i] = 'not a pair';
        wanted.splice(i, 1);
      }
    }
  }
  return { raw, want };
}

describe('the HAR reader keeps what it did not repair', () => {
  it('keeps every entry in place, never mutates its input, and passes well-formed entries through', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (entries) => {
        const value = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries } };
        const before = structuredClone(value);
        const { har, warnings } = readHarValue(value);
        expect(value).toEqual(before);
        expect(har.log.entries).toHaveLength(entries.length);
        har.log.entries.forEach((e, i) => expect(e).toBe(entries[i]));
        expect(warnings).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('repairs a damaged field to its one meaning and leaves every other field and pair as it was', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(entry, fc.option(damage, { nil: undefined })), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const applied = rows.map(([e, d]) => (d ? apply(e as unknown as Raw, d) : { raw: e, want: e }));
          const value = { log: { entries: applied.map((a) => a.raw) } };
          const before = structuredClone(value);
          const { har } = readHarValue(value);
          expect(value).toEqual(before);
          expect(har.log.entries).toHaveLength(rows.length);
          har.log.entries.forEach((got, i) => {
            const want = applied[i]!.want as unknown as Raw;
            // Everything the reader reads, field by field: nothing dropped, nothing invented.
            expect(got.request.method).toBe(want.request.method);
            expect(got.request.url).toBe(want.request.url);
            expect(got.request.headers).toEqual(want.request.headers);
            expect(got.request.queryString).toEqual(want.request.queryString);
            expect(got.request.postData).toEqual(want.request.postData);
            expect(got.response.status).toBe(want.response.status);
            expect(got.response.statusText).toBe(want.response.statusText);
            expect(got.response.headers).toEqual(want.response.headers);
            expect(got.response.content).toEqual(want.response.content);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
