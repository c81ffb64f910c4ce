import { describe, expect, it } from 'vitest';
import { parseAuthorization } from '../../../lib/inspect/authorization';
import { readBasic } from '../../../lib/inspect/basic';
import { parseSetCookie, notSentBecause } from '../../../lib/inspect/cookies';
import { decodeJwt } from '../../../lib/inspect/jwt';
import { readRateLimit } from '../../../lib/inspect/rate-limit';
import { parseReset, parseRetryAfter, parseSfList } from '../../../lib/inspect/rate-limit-fields';
import { readSignedUrl } from '../../../lib/inspect/signed-url';
import { readSigV4Header } from '../../../lib/inspect/sigv4';
import { registrableDomain } from '../../../lib/inspect/site';
import { parseChallenges } from '../../../lib/inspect/www-authenticate';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';
import { randomString, rng } from './support';

const CASES = 12_000;
const NOW = Date.parse('2026-11-21T12:00:00Z');
const base = new URL('https://app.example.com/a/b');

/** Runs `fn` on CASES seeded random strings; a throw fails with the offending input. */
function never(seed: number, fn: (s: string, next: () => number) => void): void {
  const next = rng(seed);
  for (let i = 0; i < CASES; i++) {
    const s = randomString(next);
    try {
      fn(s, next);
    } catch (err) {
      throw new Error(`threw on ${JSON.stringify(s)}: ${(err as Error).message}`);
    }
  }
}

describe('readers never throw on arbitrary strings (seeded fuzz)', () => {
  it('parseAuthorization', () => {
    never(1, (s, next) => {
      const r = parseAuthorization(next() < 0.5 ? s : `Bearer ${s}`, { amzDate: s, httpDate: s });
      if (!Array.isArray(r.issues) || typeof r.display !== 'string') throw new Error('bad reading');
    });
  });

  it('readBasic, decodeJwt, readSigV4Header', () => {
    never(2, (s) => {
      readBasic(s);
      decodeJwt(s);
      decodeJwt(`eyJ${s}.${s}.${s}`);
      readSigV4Header(`AWS4-HMAC-SHA256 ${s}`, s, s);
    });
  });

  it('parseChallenges', () => {
    never(3, (s) => {
      for (const c of parseChallenges(s))
        if (typeof c.scheme !== 'string' || c.scheme === '') throw new Error('bad challenge');
    });
  });

  it('rate-limit fields and whole readings', () => {
    never(4, (s, next) => {
      parseReset(s, NOW);
      parseRetryAfter(s, next() < 0.5 ? NOW : null);
      parseSfList(s);
      const names = [
        'RateLimit',
        'RateLimit-Policy',
        'X-RateLimit-Reset',
        'x-ratelimit-remaining-day',
        'Retry-After',
        'retry-after-ms',
        'anthropic-ratelimit-tokens-reset',
        'Sforce-Limit-Info',
        'X-Shopify-Shop-Api-Call-Limit',
      ];
      const name = names[Math.floor(next() * names.length)]!;
      readRateLimit(
        toExchange(
          makeEntry({
            url: 'https://x.test/',
            status: 429,
            responseHeaders: { Date: 'Sat, 21 Nov 2026 12:00:00 GMT', [name]: s },
          }),
          0,
        ),
      );
    });
  });

  it('Set-Cookie parsing and matching, site computation', () => {
    never(5, (s) => {
      const c = parseSetCookie(s, base, NOW);
      if (c) notSentBecause(c, base, NOW);
      registrableDomain(s);
    });
  });

  it('signed URL readers', () => {
    never(6, (s) => {
      let url: URL;
      try {
        url = new URL(
          `https://b.s3.amazonaws.com/k?X-Amz-Date=${encodeURIComponent(s)}&X-Amz-Expires=${encodeURIComponent(s)}&se=${encodeURIComponent(s)}&sig=1&Expires=${encodeURIComponent(s)}&Signature=1`,
        );
      } catch {
        return;
      }
      readSignedUrl(url);
    });
  });

  // How fast is measured in npm run bench (bench/pathological.ts), never asserted here.
  it('reads huge values without throwing', () => {
    const huge = 'a,'.repeat(200_000);
    expect(parseChallenges(`Bearer ${huge}`)).toBeDefined();
    expect(parseAuthorization(`Bearer ${huge}`)).toBeDefined();
    expect(parseSfList(huge)).toBeDefined();
    expect(parseSetCookie(`a=b;${huge}`, base, NOW)).toBeDefined();
  });
});
