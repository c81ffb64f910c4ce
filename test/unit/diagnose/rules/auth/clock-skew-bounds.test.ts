import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { Cause } from '../../../../../lib/core/causes';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import { clockSkewRule } from '../../../../../lib/diagnose/rules/auth/clock-skew';
import { DATE, makeJwt, ruleCauses, answered } from './support';

// clock.skew as the user reads it: which timestamp was far from the server's Date, by how much
// and in which direction, how sure (AWS refuses a SigV4 timestamp more than 15 min off,
// RequestTimeTooSkewed: https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html;
// some HMAC schemes allow 5 min), and where the evidence sits. The rule runs alone, so another
// rule's reading cannot hide a wrong level. DATE is 2026-11-21T12:04:10Z.

const CLOCK = Date.parse(DATE);
const MIN = 60_000;

/** An AWS SigV4 timestamp (YYYYMMDDTHHMMSSZ) `ms` from the server's Date. */
function amz(ms: number): string {
  return new Date(CLOCK + ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

const run = (spec: Partial<EntrySpec>): Cause[] => ruleCauses(clockSkewRule, answered(403, spec));

// The AWS documentation's presigned GET (sigv4-query-string-auth.html), dated at `ms` from the Date.
function presigned(ms: number): string {
  return (
    'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request' +
    `&X-Amz-Date=${amz(ms)}&X-Amz-Expires=86400&X-Amz-SignedHeaders=host` +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
  );
}

const sigv4ByDate = {
  Authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/execute-api/aws4_request, ' +
    `SignedHeaders=date;host, Signature=${'b'.repeat(64)}`,
  Date: 'Sat, 21 Nov 2026 11:30:00 GMT',
};

describe('clock.skew from a signed request header', () => {
  it('names the header, its value and instant, the Date and the status as evidence', () => {
    const [c, ...rest] = run({ requestHeaders: { 'X-Amz-Date': '20261121T093000Z' } });
    expect(rest).toEqual([]);
    expect(c!.id).toBe('clock.skew');
    expect(c!.title).toBe("The request signature time is 2 h 34 min behind the server's clock");
    expect(c!.summary).toBe(
      "The request's own timestamp and the server's Date differ by 2 h 34 min; signed requests are only " +
        'accepted within a few minutes (AWS and Azure: 15 min, some services 5 min).',
    );
    expect(c!.evidence).toEqual([
      { where: 'request.header', name: 'x-amz-date', detail: 'x-amz-date: 20261121T093000Z (2026-11-21T09:30:00Z)' },
      { where: 'response.header', name: 'date', detail: 'Date 2026-11-21T12:04:10Z' },
      { where: 'response.status', detail: '403' },
    ]);
    expect(c!.fixes[0]).toMatch(/^Synchronise the client machine's clock/);
  });

  it('says "ahead of" when the client signed in the server\'s future', () => {
    const [c] = run({ requestHeaders: { 'X-Amz-Date': amz(20 * MIN) } });
    expect(c!.title).toBe("The request signature time is 20 min ahead of the server's clock");
  });

  it("five minutes either way is within every service's window; a second more is skew", () => {
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(5 * MIN) } })).toEqual([]);
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(-5 * MIN) } })).toEqual([]);
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(5 * MIN + 1000) } })[0]!.confidence).toBe(
      CONFIDENCE.possiblePlus10,
    );
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(-5 * MIN - 1000) } })[0]!.confidence).toBe(
      CONFIDENCE.possiblePlus10,
    );
  });

  it('past fifteen minutes (the AWS and Azure limit) it is likely, at fifteen only possible', () => {
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(15 * MIN) } })[0]!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(-15 * MIN) } })[0]!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(15 * MIN + 1000) } })[0]!.confidence).toBe(CONFIDENCE.likelyPlus1);
    expect(run({ requestHeaders: { 'X-Amz-Date': amz(-15 * MIN - 1000) } })[0]!.confidence).toBe(
      CONFIDENCE.likelyPlus1,
    );
  });

  it('reads x-goog-date and Azure x-ms-date (an HTTP-date) as well', () => {
    const [g] = run({ requestHeaders: { 'x-goog-date': amz(-30 * MIN) } });
    expect(g!.evidence[0]).toMatchObject({ where: 'request.header', name: 'x-goog-date' });
    expect(g!.title).toBe("The request signature time is 30 min behind the server's clock");
    const [m] = run({ requestHeaders: { 'x-ms-date': 'Sat, 21 Nov 2026 11:00:00 GMT' } });
    expect(m!.evidence[0]).toEqual({
      where: 'request.header',
      name: 'x-ms-date',
      detail: 'x-ms-date: Sat, 21 Nov 2026 11:00:00 GMT (2026-11-21T11:00:00Z)',
    });
    expect(m!.title).toBe("The request signature time is 1 h 4 min behind the server's clock");
  });

  it('an unreadable timestamp header is passed over for the next one', () => {
    const [c] = run({ requestHeaders: { 'X-Amz-Date': 'yesterday', 'x-goog-date': amz(-30 * MIN) } });
    expect(c!.evidence[0]!.name).toBe('x-goog-date');
    expect(run({ requestHeaders: { 'x-ms-date': 'not a date' } })).toEqual([]);
  });

  it('a SigV4 Authorization dated by the Date request header (no X-Amz-Date) is read too', () => {
    const [c] = run({ requestHeaders: sigv4ByDate });
    expect(c!.id).toBe('clock.skew');
    expect(c!.evidence[0]).toMatchObject({ where: 'request.header', name: 'date' });
    expect(c!.title).toBe("The request signature time is 34 min behind the server's clock");
    // An unreadable x-ms-date beside it does not hide it.
    const [d] = run({ requestHeaders: { ...sigv4ByDate, 'x-ms-date': 'soon' } });
    expect(d!.evidence[0]).toMatchObject({
      name: 'date',
      detail: 'date: Sat, 21 Nov 2026 11:30:00 GMT (2026-11-21T11:30:00Z)',
    });
  });

  it('only refusals a signature check gives (400, 401, 403), and only against a real Date', () => {
    const headers = { 'X-Amz-Date': amz(-30 * MIN) };
    for (const status of [400, 401, 403]) expect(run({ status, requestHeaders: headers })).toHaveLength(1);
    for (const status of [404, 407, 429, 500]) expect(run({ status, requestHeaders: headers })).toEqual([]);
    expect(run({ requestHeaders: headers, responseHeaders: {}, startedDateTime: DATE })).toEqual([]);
  });
});

describe('clock.skew from a presigned URL', () => {
  it("a URL signed more than 15 min in the server's future: the signer's clock is ahead", () => {
    const [c, ...rest] = run({ url: presigned(20 * MIN) });
    expect(rest).toEqual([]);
    expect(c!.title).toBe("The presigned S3/AWS URL (SigV4) signing time is 20 min ahead of the server's clock");
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus20);
    expect(c!.summary).toContain("A URL signed in the future means the signer's clock is ahead.");
    expect(c!.evidence[0]).toEqual({
      where: 'request.query',
      detail: `x-amz-date=${amz(20 * MIN)}&x-amz-expires=86400`,
    });
  });

  it('at 15 min ahead, or signed in the past (a URL used later), it says nothing', () => {
    expect(run({ url: presigned(15 * MIN) })).toEqual([]);
    expect(run({ url: presigned(-20 * MIN) })).toEqual([]);
    expect(run({ url: presigned(-3 * 3600_000) })).toEqual([]);
  });
});

describe('clock.skew from an Azure SAS start time (st)', () => {
  const sas = (st: string) =>
    `https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&st=${st}&se=2026-11-21T13:00:00Z&sr=b&sp=r&sig=abc`;

  it("st after the Date: the SAS is early, with Azure's advice to back-date st", () => {
    const [c] = run({ url: sas('2026-11-21T12:10:00Z') });
    expect(c!.title).toBe("The SAS start time (st) is 5 min 50 s ahead of the server's clock");
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus8);
    expect(c!.summary).toBe(
      "The shared access signature is valid only from 2026-11-21T12:10:00Z, which is after the server's Date: " +
        'the clock of the machine that generated it is ahead, or st was set to "now" and the server\'s clock is slightly behind.',
    );
    expect(c!.evidence[0]).toEqual({
      where: 'request.query',
      name: 'st',
      detail: 'st=2026-11-21T12:10:00Z&se=2026-11-21T13:00:00Z&sv=2022-11-02',
    });
    expect(c!.fixes).toEqual([
      'Omit st, or set it 15 minutes in the past as Azure recommends, to absorb clock skew.',
      "Synchronise the client machine's clock (enable NTP / automatic time), then sign the request again.",
    ]);
  });

  it('a minute or less ahead is a weaker reading (st set to "now" on a slightly fast machine)', () => {
    expect(run({ url: sas('2026-11-21T12:05:10Z') })[0]!.confidence).toBe(CONFIDENCE.possiblePlus15);
    expect(run({ url: sas('2026-11-21T12:05:11Z') })[0]!.confidence).toBe(CONFIDENCE.likelyPlus8);
  });

  it('st at or before the Date is fine', () => {
    expect(run({ url: sas('2026-11-21T12:04:10Z') })).toEqual([]);
    expect(run({ url: sas('2026-11-21T11:00:00Z') })).toEqual([]);
  });
});

describe('clock.skew from a token issued in the future (iat)', () => {
  const bearer = (iat: number) => ({ Authorization: `Bearer ${makeJwt({ iat, exp: iat + 3600 })}` });
  const at = (ms: number) => Math.round((CLOCK + ms) / 1000);

  it("iat more than 5 min after the Date: the issuer's clock runs ahead", () => {
    const [c] = run({ requestHeaders: bearer(at(10 * MIN)) });
    expect(c!.title).toBe("The token issue time (iat) is 10 min ahead of the server's clock");
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(c!.evidence[0]).toEqual({
      where: 'token',
      name: 'authorization',
      detail: 'JWT iat 2026-11-21T12:14:10Z > Date 2026-11-21T12:04:10Z',
    });
    expect(c!.summary).toContain('A token issued "in the future"');
  });

  it('iat up to 5 min ahead, or in the past, is ordinary', () => {
    expect(run({ requestHeaders: bearer(at(5 * MIN)) })).toEqual([]);
    expect(run({ requestHeaders: bearer(at(-60 * MIN)) })).toEqual([]);
    // A token without iat says nothing about its issuer's clock.
    expect(run({ requestHeaders: { Authorization: `Bearer ${makeJwt({ exp: at(60 * MIN) })}` } })).toEqual([]);
  });

  it('speaks once, for the first such token', () => {
    const causes = run({
      requestHeaders: { ...bearer(at(10 * MIN)), Cookie: `id_token=${makeJwt({ iat: at(20 * MIN) })}` },
    });
    expect(causes).toHaveLength(1);
    expect(causes[0]!.title).toContain('10 min ahead');
  });
});
