import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../../lib/core/context';
import { LogIndex } from '../../../../../lib/core/log-index';
import { AUTH_RULES } from '../../../../../lib/diagnose/rules/auth';
import { isCauseId } from '../../../../../lib/core/causes';
import { makeHar, type EntrySpec } from '../../../../support/har';
import { randomString, rng } from '../../../inspect/support';

const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return 'x';
  }
};
const REQ = [
  'Authorization',
  'Proxy-Authorization',
  'Cookie',
  'X-Amz-Date',
  'x-ms-date',
  'Sec-Fetch-Site',
  'Origin',
  'X-XSRF-TOKEN',
];
const RES = [
  'WWW-Authenticate',
  'Proxy-Authenticate',
  'Set-Cookie',
  'Date',
  'Retry-After',
  'RateLimit',
  'RateLimit-Policy',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-OAuth-Scopes',
  'X-Accepted-OAuth-Scopes',
];
const STATUSES = [401, 403, 407, 419, 429, 400];

describe('auth rules on hostile entries', () => {
  it('never throw, and emit only well-formed causes (3000 seeded logs)', () => {
    const next = rng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    for (let i = 0; i < 3000; i++) {
      const headers = (names: string[]) =>
        Object.fromEntries(names.filter(() => next() < 0.4).map((n) => [n, randomString(next)]));
      const entries: EntrySpec[] = [
        {
          url: 'https://app.example.com/login',
          status: 200,
          responseHeaders: { 'Set-Cookie': [randomString(next), 'sid=x; Path=/'] },
        },
        {
          method: pick(['GET', 'POST', 'DELETE']),
          url:
            next() < 0.2
              ? `https://b.s3.amazonaws.com/k?X-Amz-Date=${enc(randomString(next))}&X-Amz-Expires=1&X-Amz-Signature=a`
              : 'https://app.example.com/api',
          status: pick(STATUSES),
          requestHeaders: headers(REQ),
          responseHeaders: headers(RES),
        },
      ];
      const log = new LogIndex(makeHar(entries));
      const ctx = new RuleContext(log.exchanges[1]!, log);
      for (const rule of AUTH_RULES) {
        let out;
        try {
          out = rule.run(ctx);
        } catch (err) {
          throw new Error(`${rule.name} threw on ${JSON.stringify(entries[1])}: ${(err as Error).message}`);
        }
        for (const c of out) {
          if (
            !isCauseId(c.id) ||
            !(c.confidence > 0 && c.confidence < 1) ||
            !c.title ||
            c.evidence.length === 0 ||
            c.fixes.length === 0
          ) {
            throw new Error(`${rule.name} emitted a malformed cause ${JSON.stringify(c)}`);
          }
        }
      }
    }
    expect(true).toBe(true);
  });
});
