import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';

// A V4 signed URL past its window: Cloud Storage answers 400 <Code>ExpiredToken</Code> with
// <Details>Request has expired: …</Details> (https://cloud.google.com/storage/docs/access-control/signed-urls,
// "the signed URL expired"), S3 answers 403 AccessDenied "Request has expired". The URL is the only
// credential, so the server's "expired" is the URL's window: signed_url.expired, ahead of the same code
// read as an expired session token.
const GCS =
  'https://storage.googleapis.com/bucket/report.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256' +
  '&X-Goog-Credential=svc%40proj.iam.gserviceaccount.com%2F20261121%2Fauto%2Fstorage%2Fgoog4_request' +
  '&X-Goog-Date=20261121T100000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=ab12';

function gcs(date: string | null, body: string): EntrySpec {
  return {
    url: GCS,
    status: 400,
    responseHeaders: { 'content-type': 'application/xml; charset=UTF-8', ...(date ? { date } : {}) },
    body,
    mimeType: 'application/xml',
  };
}
const EXPIRED =
  "<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code><Message>Invalid argument.</Message>" +
  '<Details>Request has expired: 1795255200</Details></Error>';

describe("a signed URL past its window, and the server's own word", () => {
  it('ExpiredToken to a signed URL → signed_url.expired first, quoting the code', () => {
    const [d] = diagnose(makeHar([gcs('Sat, 21 Nov 2026 12:00:00 GMT', EXPIRED)]), { all: true });
    expect(d!.causes[0]!.id).toBe('signed_url.expired');
    expect(d!.causes[0]!.evidence.map((e) => e.detail).join('\n')).toContain('ExpiredToken');
    expect(d!.causes.findIndex((c) => c.id === 'auth.token_expired')).toBeGreaterThan(0);
  });

  it('S3\'s AccessDenied "Request has expired" to a presigned URL is the URL\'s window, said by the server', () => {
    const url =
      'https://bucket.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
      '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20261121T100000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=ab12';
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message>' +
      '<X-Amz-Expires>900</X-Amz-Expires><Expires>2026-11-21T10:15:00Z</Expires>' +
      '<ServerTime>2026-11-21T12:00:00Z</ServerTime></Error>';
    const [d] = diagnose(
      makeHar([
        {
          url,
          status: 403,
          responseHeaders: { 'content-type': 'application/xml', date: 'Sat, 21 Nov 2026 12:00:00 GMT' },
          body,
          mimeType: 'application/xml',
        },
      ]),
      { all: true },
    );
    expect(d!.causes[0]!.id).toBe('signed_url.expired');
    expect(d!.causes[0]!.evidence.map((e) => e.detail).join('\n')).toContain('Request has expired');
    // The URL's own clock and the server's word agree: above any one reading's certainty.
    expect(d!.causes[0]!.confidence).toBeGreaterThan(0.95);
  });

  it('the URL past its window with nothing said about expiry stays a likely reading, not a certain one', () => {
    const other =
      "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access denied.</Message></Error>";
    const [d] = diagnose(makeHar([{ ...gcs('Sat, 21 Nov 2026 12:00:00 GMT', other), status: 403 }]), { all: true });
    const c = d!.causes.find((x) => x.id === 'signed_url.expired')!;
    expect(c.confidence).toBeLessThan(0.95);
  });

  it('an expiry the URL has not reached is not confirmed by the word alone', () => {
    const [d] = diagnose(makeHar([gcs('Sat, 21 Nov 2026 10:05:00 GMT', EXPIRED)]), { all: true });
    expect(d!.causes.some((c) => c.id === 'signed_url.expired')).toBe(false);
  });
});
