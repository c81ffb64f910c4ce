import { describe, expect, it } from 'vitest';
import { credentialsOf, readCredentials } from '../../../lib/inspect/credentials';
import { readCsrf } from '../../../lib/inspect/csrf';
import { decodeJwt } from '../../../lib/inspect/jwt';
import { clip, maskSecret, printable } from '../../../lib/inspect/mask';
import { readSignedUrl } from '../../../lib/inspect/signed-url';
import { parseAmzDate, readSigV4Query } from '../../../lib/inspect/sigv4';
import { clockLabel, describeDuration, isoSeconds, jwtTiming } from '../../../lib/inspect/token-timing';
import { findJwts } from '../../../lib/inspect/tokens';
import { parseAuthorization } from '../../../lib/inspect/authorization';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';
import { makeJwt, sec } from './support';

const DATE = 'Sat, 21 Nov 2026 12:04:10 GMT';
const ex = (spec: Partial<EntrySpec>) =>
  toExchange(makeEntry({ url: 'https://api.example.com/v1/orders', status: 401, ...spec }), 0);

describe('token timing', () => {
  it('describes durations for titles', () => {
    expect(describeDuration(450)).toBe('450 ms');
    expect(describeDuration(45_000)).toBe('45 s');
    expect(describeDuration(250_000)).toBe('4 min 10 s');
    expect(describeDuration(30 * 60_000)).toBe('30 min');
    expect(describeDuration((2 * 60 + 4) * 60_000 + 10_000)).toBe('2 h 4 min');
    expect(describeDuration(3 * 3_600_000)).toBe('3 h');
    expect(describeDuration(26 * 3_600_000)).toBe('1 d 2 h');
    expect(describeDuration(400 * 86_400_000)).toBe('1 year');
    expect(describeDuration(-45_000)).toBe('45 s');
    expect(describeDuration(NaN)).toBe('an unknown time');
  });

  it('compares exp, nbf and iat with the response Date', () => {
    const x = ex({ responseHeaders: { Date: DATE } });
    const jwt = decodeJwt(
      makeJwt({ iat: sec('2026-11-21T09:00:00Z'), exp: sec('2026-11-21T10:00:00Z'), nbf: sec('2026-11-21T12:05:10Z') }),
    );
    if (!jwt.ok) throw new Error(jwt.error);
    const t = jwtTiming(jwt.jwt, x)!;
    expect(t.clockSource).toBe('response Date');
    expect(t.pastExp).toBe((2 * 3600 + 4 * 60 + 10) * 1000);
    expect(t.untilNbf).toBe(60_000);
    expect(t.lifetime).toBe(3_600_000);
    expect(clockLabel(x)).toBe('Date 2026-11-21T12:04:10Z');
  });

  it('falls back to the request start, and to nothing', () => {
    const x = ex({ startedDateTime: '2026-11-21T12:00:00.000Z' });
    expect(x.clockSource).toBe('request start');
    const jwt = decodeJwt(makeJwt({ exp: 1e20 }));
    if (!jwt.ok) throw new Error(jwt.error);
    expect(jwtTiming(jwt.jwt, x)!.pastExp).toBeUndefined(); // absurd exp is ignored
    expect(jwtTiming(jwt.jwt, { clock: null, clockSource: 'none' })).toBeNull();
    expect(isoSeconds(1e20)).toBe('invalid date (100000000000000000000 s)');
  });
});

describe('SigV4 and signed URLs', () => {
  const presigned = new URL(
    'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  );

  it('parses AWS basic ISO dates strictly', () => {
    expect(parseAmzDate('20130524T000000Z')).toBe(Date.UTC(2013, 4, 24));
    expect(parseAmzDate('2013-05-24T00:00:00Z')).toBeNull();
    expect(parseAmzDate(undefined)).toBeNull();
  });

  it('reads the AWS presigned URL example', () => {
    const r = readSigV4Query(presigned)!;
    expect(r).toMatchObject({
      region: 'us-east-1',
      service: 's3',
      expiresSeconds: 86400,
      signatureLength: 64,
      problems: [],
    });
    const s = readSignedUrl(presigned)!;
    expect(s.kind).toBe('aws-sigv4');
    expect(s.expiresAt).toBe(Date.UTC(2013, 4, 25));
    expect(s.quotes.join('&')).not.toMatch(/Signature|AKIA/);
  });

  it('flags presigned URLs over the 7-day maximum', () => {
    const u = new URL(presigned);
    u.searchParams.set('X-Amz-Expires', '700000');
    expect(readSigV4Query(u)!.problems.join()).toMatch(/7-day/);
  });

  it('reads GCS V4, Azure SAS, CloudFront and S3 SigV2 URLs', () => {
    expect(
      readSignedUrl(
        new URL(
          'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=x&X-Goog-Date=20261121T100000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=ab',
        ),
      ),
    ).toMatchObject({
      kind: 'gcs-v4',
      expiresAt: Date.UTC(2026, 10, 21, 10, 15),
    });
    expect(
      readSignedUrl(
        new URL(
          'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&st=2026-11-21T11:00:00Z&se=2026-11-21T11:30:00Z&sr=b&sp=r&sig=abc%3D',
        ),
      ),
    ).toMatchObject({
      kind: 'azure-sas',
      notBefore: Date.UTC(2026, 10, 21, 11),
      expiresAt: Date.UTC(2026, 10, 21, 11, 30),
    });
    expect(
      readSignedUrl(new URL('https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-11-21T11:30&sp=r&sig=abc'))!
        .expiresAt,
    ).toBe(Date.UTC(2026, 10, 21, 11, 30));
    expect(
      readSignedUrl(new URL('https://d111.cloudfront.net/img.png?Expires=1795000000&Signature=abc&Key-Pair-Id=K2')),
    ).toMatchObject({ kind: 'cloudfront', expiresAt: 1795000000000 });
    expect(
      readSignedUrl(new URL('https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIA&Expires=1795000000&Signature=abc'))!.kind,
    ).toBe('aws-sigv2');
    expect(readSignedUrl(new URL('https://example.com/?q=1'))).toBeNull();
    expect(readSignedUrl(null)).toBeNull();
  });
});

describe('tokens found in the request', () => {
  const jwtA = makeJwt({ sub: 'a' });
  const jwtB = makeJwt({ sub: 'b' });
  it('finds JWTs in Authorization, other headers, cookies and the query, once each', () => {
    const x = ex({
      url: `https://api.example.com/x?id_token=${jwtB}`,
      requestHeaders: {
        Authorization: `Bearer ${jwtA}`,
        'X-Access-Token': jwtA,
        Cookie: `theme=dark; access_token=${encodeURIComponent(jwtB)}`,
      },
    });
    const found = findJwts(x, parseAuthorization(`Bearer ${jwtA}`));
    expect(found.map((f) => [f.where, f.name, f.jwt.sub, f.primary])).toEqual([
      ['request.header', 'authorization', 'a', true],
      ['request.cookie', 'access_token', 'b', false],
    ]);
  });
});

describe('credentials and CSRF', () => {
  it('keeps its shape and knows gateway key names', () => {
    const c = readCredentials(
      ex({
        url: 'https://api.example.com/x?user_key=abc',
        requestHeaders: { 'X-Gravitee-Api-Key': 'k', Cookie: 'a=1; b=2' },
      }),
    );
    expect(c.apiKeys.map((k) => `${k.in}:${k.name}`)).toEqual(['header:x-gravitee-api-key', 'query:user_key']);
    expect(c.cookies).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
    ]);
    expect(c.any).toBe(true);
    expect(typeof credentialsOf).toBe('function');
  });

  it('reads CSRF cookies, headers, body fields and double-submit mismatches', () => {
    const x1 = ex({ method: 'POST', requestHeaders: { Cookie: 'XSRF-TOKEN=abc%3D; laravel_session=s' } });
    expect(readCsrf(x1, readCredentials(x1))).toEqual({ unsafe: true, cookie: 'XSRF-TOKEN' });
    const x2 = ex({ method: 'POST', requestHeaders: { Cookie: 'XSRF-TOKEN=abc%3D', 'X-XSRF-TOKEN': 'abc=' } });
    expect(readCsrf(x2, readCredentials(x2)).mismatch).toBeUndefined();
    const x3 = ex({ method: 'POST', requestHeaders: { Cookie: 'XSRF-TOKEN=abc', 'X-XSRF-TOKEN': 'old' } });
    expect(readCsrf(x3, readCredentials(x3)).mismatch).toBe(true);
    const x4 = ex({
      method: 'POST',
      requestHeaders: { Cookie: 'csrftoken=abc' },
      requestBody: 'csrfmiddlewaretoken=xyz&q=1',
      requestMimeType: 'application/x-www-form-urlencoded',
    });
    expect(readCsrf(x4, readCredentials(x4))).toMatchObject({ cookie: 'csrftoken', bodyField: 'csrfmiddlewaretoken' });
    const x5 = ex({ method: 'GET' });
    expect(readCsrf(x5, readCredentials(x5)).unsafe).toBe(false);
  });
});

describe('masking', () => {
  it('never shows a secret whole', () => {
    expect(maskSecret('sk_live_4eC39HqLyjWDarjtT1zdp7dc')).toBe('sk_l… (32 chars)');
    expect(maskSecret('short')).toBe('•••• (5 chars)');
    expect(maskSecret('')).toBe('(empty)');
  });

  it('makes control characters visible and clips', () => {
    expect(printable('a\nb\u0000')).toBe('a\\nb\\x00');
    expect(clip('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
