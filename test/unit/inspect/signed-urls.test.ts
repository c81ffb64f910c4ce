import { describe, expect, it } from 'vitest';
import { readSignedUrl } from '../../../lib/inspect/signed-url';
import { parseAmzDate, readSigV4Header, readSigV4Query } from '../../../lib/inspect/sigv4';

// AWS SigV4 in the Authorization header and in a presigned URL, and the other signed-URL kinds:
// the documented examples, then the one-field-off variants a client really sends.

// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html ("Example: GET Object")
const AWS_HEADER =
  'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
  'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
  'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';
const AWS_DATE = '20130524T000000Z';

describe('readSigV4Header (AWS documented example)', () => {
  it('reads the example without a problem and never shows the access key whole', () => {
    const r = readSigV4Header(AWS_HEADER, AWS_DATE)!;
    expect(r).toMatchObject({
      in: 'header',
      algorithm: 'AWS4-HMAC-SHA256',
      scopeDate: '20130524',
      region: 'us-east-1',
      service: 's3',
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      signatureLength: 64,
      amzDate: Date.UTC(2013, 4, 24),
      amzDateRaw: AWS_DATE,
      problems: [],
    });
    expect(r.accessKey).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(r.accessKey).not.toBe('');
  });

  it('reads parameter names in any case, spaced after commas, and the algorithm in any case', () => {
    const spaced = AWS_HEADER.replace('Credential', 'credential')
      .replace(',SignedHeaders', ', signedheaders')
      .replace(',Signature', ',  SIGNATURE')
      .replace('AWS4-HMAC-SHA256', '  aws4-hmac-sha256');
    expect(readSigV4Header(spaced, AWS_DATE)).toMatchObject({
      algorithm: 'AWS4-HMAC-SHA256',
      problems: [],
      region: 'us-east-1',
    });
  });

  it('is not SigV4 for another scheme', () => {
    expect(readSigV4Header('Bearer abc', AWS_DATE)).toBeNull();
    expect(readSigV4Header('AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=', AWS_DATE)).toBeNull();
  });

  it('takes a signed Date header in place of X-Amz-Date, and says when neither was sent', () => {
    const withDate = readSigV4Header(AWS_HEADER, undefined, 'Fri, 24 May 2013 00:00:00 GMT')!;
    expect(withDate.amzDate).toBe(Date.UTC(2013, 4, 24));
    expect(withDate.problems).toEqual([]);
    expect(readSigV4Header(AWS_HEADER, undefined)!.problems).toEqual(['no X-Amz-Date header (nor a Date header)']);
    expect(readSigV4Header(AWS_HEADER, undefined, 'yesterday')!.problems).toEqual([
      'no X-Amz-Date header (nor a Date header)',
    ]);
  });

  it('names a scope date that is not the X-Amz-Date day (SignatureDoesNotMatch on AWS)', () => {
    expect(readSigV4Header(AWS_HEADER, '20130525T000000Z')!.problems).toEqual([
      'the credential scope date 20130524 differs from the X-Amz-Date day 20130525',
    ]);
    expect(readSigV4Header(AWS_HEADER, ' 20130524T235959Z ')!.problems).toEqual([]);
  });

  it('names an X-Amz-Date in the wrong form', () => {
    expect(readSigV4Header(AWS_HEADER, '2013-05-24T00:00:00Z')!.problems).toEqual([
      'X-Amz-Date "2013-05-24T00:00:00Z" is not in the form 20261121T120000Z',
    ]);
  });

  it.each([
    [
      'a scope without region',
      'Credential=AKIAIOSFODNN7EXAMPLE/20130524/s3/aws4_request',
      /KEY\/DATE\/REGION\/SERVICE\/aws4_request, it has 4 parts/,
    ],
    [
      'a scope not ending in aws4_request',
      'Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4',
      /it has 5 parts/,
    ],
    [
      'a scope date not YYYYMMDD',
      'Credential=AKIAIOSFODNN7EXAMPLE/2013-05-24/us-east-1/s3/aws4_request',
      /scope date is not YYYYMMDD/,
    ],
  ])('names %s', (_, credential, problem) => {
    const r = readSigV4Header(AWS_HEADER.replace(/Credential=[^,]+/, credential), AWS_DATE)!;
    expect(r.problems.join('\n')).toMatch(problem);
  });

  it('names a missing credential, signature or host in SignedHeaders', () => {
    expect(
      readSigV4Header('AWS4-HMAC-SHA256 SignedHeaders=host, Signature=' + 'a'.repeat(64), AWS_DATE)!.problems,
    ).toEqual(['no Credential (access key and scope)']);
    expect(readSigV4Header(AWS_HEADER.replace(/,Signature=.*/, ''), AWS_DATE)!.problems).toEqual(['no Signature']);
    expect(readSigV4Header(AWS_HEADER.replace(/Signature=\w+/, 'Signature=f0e8bdb8'), AWS_DATE)!.problems).toEqual([
      'the Signature is not 64 hex digits',
    ]);
    expect(readSigV4Header(AWS_HEADER.replace('SignedHeaders=host;', 'SignedHeaders='), AWS_DATE)!.problems).toEqual([
      'SignedHeaders does not include host, which SigV4 requires',
    ]);
    expect(readSigV4Header(AWS_HEADER.replace(/SignedHeaders=[^,]+/, 'SignedHeaders= ; '), AWS_DATE)!.problems).toEqual(
      ['no SignedHeaders'],
    );
    expect(
      readSigV4Header(AWS_HEADER.replace('SignedHeaders=host', 'SignedHeaders= HOST '), AWS_DATE)!.problems,
    ).toEqual([]);
  });

  it('reads SigV4a (ECDSA): a scope without region and a DER signature of any length', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html (SigV4a)
    const v4a =
      'AWS4-ECDSA-P256-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/s3/aws4_request, ' +
      'SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045022100e5a1b2';
    const r = readSigV4Header(v4a, AWS_DATE)!;
    expect(r).toMatchObject({ algorithm: 'AWS4-ECDSA-P256-SHA256', service: 's3', problems: [] });
    expect(r.region).toBeUndefined();
    expect(readSigV4Header(v4a.replace('/s3/', '/us-east-1/s3/'), AWS_DATE)!.problems.join()).toMatch(
      /KEY\/DATE\/SERVICE\/aws4_request, it has 5 parts/,
    );
  });
});

describe('parseAmzDate', () => {
  it('reads the basic ISO form with surrounding space, to the second', () => {
    expect(parseAmzDate(' 20261121T120509Z ')).toBe(Date.UTC(2026, 10, 21, 12, 5, 9));
    expect(parseAmzDate('20261121T120509')).toBeNull();
    expect(parseAmzDate(null)).toBeNull();
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
const PRESIGNED =
  'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const presigned = (edit: (u: URL) => void) => {
  const u = new URL(PRESIGNED);
  edit(u);
  return u;
};

describe('readSigV4Query (presigned URL)', () => {
  it('accepts exactly the 7-day maximum and names one second more (S3: X-Amz-Expires ≤ 604800)', () => {
    expect(readSigV4Query(presigned((u) => u.searchParams.set('X-Amz-Expires', '604800')))!.problems).toEqual([]);
    expect(readSigV4Query(presigned((u) => u.searchParams.set('X-Amz-Expires', '604801')))!.problems).toEqual([
      'X-Amz-Expires=604801 is over the 7-day (604800 s) maximum',
    ]);
    expect(readSigV4Query(presigned((u) => u.searchParams.set('X-Amz-Expires', '1h')))!.problems).toEqual([
      'X-Amz-Expires is not a number of seconds',
    ]);
  });

  it('names what is missing: the algorithm, the date', () => {
    const noAlg = readSigV4Query(presigned((u) => u.searchParams.delete('X-Amz-Algorithm')))!;
    expect(noAlg.problems).toEqual(['no X-Amz-Algorithm']);
    expect(readSigV4Query(presigned((u) => u.searchParams.delete('X-Amz-Date')))!.problems).toEqual(['no X-Amz-Date']);
    expect(readSigV4Query(new URL('https://examplebucket.s3.amazonaws.com/test.txt?x=1'))).toBeNull();
  });

  it('reads parameter names in any case (S3 accepts them so)', () => {
    const lower = new URL(PRESIGNED.replace(/X-Amz-/g, 'x-amz-'));
    expect(readSigV4Query(lower)).toMatchObject({ problems: [], expiresSeconds: 86400, signedHeaders: ['host'] });
  });
});

describe('readSignedUrl: the kinds and their expiry', () => {
  it('dates a presigned S3 URL from X-Amz-Date and X-Amz-Expires, and only with both', () => {
    expect(readSignedUrl(new URL(PRESIGNED))).toMatchObject({
      signedAt: Date.UTC(2013, 4, 24),
      expiresAt: Date.UTC(2013, 4, 25),
      quotes: ['x-amz-date=20130524T000000Z', 'x-amz-expires=86400'],
    });
    const noExpiry = readSignedUrl(presigned((u) => u.searchParams.delete('X-Amz-Expires')))!;
    expect(noExpiry.signedAt).toBe(Date.UTC(2013, 4, 24));
    expect(noExpiry.expiresAt).toBeUndefined();
    const noDate = readSignedUrl(presigned((u) => u.searchParams.delete('X-Amz-Date')))!;
    expect(noDate.kind).toBe('aws-sigv4');
    expect(noDate.signedAt).toBeUndefined();
  });

  it('reads the GCS V4 documented example (X-Goog-Date + X-Goog-Expires)', () => {
    // https://cloud.google.com/storage/docs/access-control/signing-urls-manually
    const u = new URL(
      'https://storage.googleapis.com/example-bucket/cat.jpeg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=example%40example-project.iam.gserviceaccount.com%2F20181026%2Fus-central1%2Fstorage%2Fgoog4_request&X-Goog-Date=20181026T181309Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=247a2aa45f169edf4d187d54e7cc46e4731b1e6273242c4f4c39a1d2507a0e58',
    );
    expect(readSignedUrl(u)).toMatchObject({
      kind: 'gcs-v4',
      signedAt: Date.UTC(2018, 9, 26, 18, 13, 9),
      expiresAt: Date.UTC(2018, 9, 26, 18, 28, 9),
      quotes: ['x-goog-date=20181026T181309Z', 'x-goog-expires=900'],
    });
    u.searchParams.set('X-Goog-Expires', '15m');
    expect(readSignedUrl(u)!.expiresAt).toBeUndefined();
    u.searchParams.delete('X-Goog-Date');
    const undated = readSignedUrl(u)!;
    expect(undated.kind).toBe('gcs-v4');
    expect(undated.signedAt).toBeUndefined();
    expect(undated.expiresAt).toBeUndefined();
  });

  it('reads an Azure SAS (the documented service SAS), its start and expiry in UTC', () => {
    // https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
    const u = new URL(
      'https://myaccount.blob.core.windows.net/sascontainer/sasblob.txt?sv=2019-02-02&st=2019-04-29T22%3A18%3A26Z&se=2019-04-30T02%3A23%3A26Z&sr=b&sp=rw&sip=168.1.5.60-168.1.5.70&spr=https&sig=Z%2FRHIX5Xcg0Mq2rqI3OlWTjEg2tYkboXr1P9ZUXDtkk%3D',
    );
    expect(readSignedUrl(u)).toMatchObject({
      kind: 'azure-sas',
      notBefore: Date.UTC(2019, 3, 29, 22, 18, 26),
      expiresAt: Date.UTC(2019, 3, 30, 2, 23, 26),
      quotes: ['st=2019-04-29T22:18:26Z', 'se=2019-04-30T02:23:26Z', 'sv=2019-02-02'],
    });
    // A zone offset is honoured; a date alone is UTC midnight; nonsense is no date.
    const at = (se: string) =>
      readSignedUrl(new URL(`https://a.blob.core.windows.net/c/b?sp=r&se=${encodeURIComponent(se)}&sig=x`))!.expiresAt;
    expect(at('2019-04-30T02:23:26+02:00')).toBe(Date.UTC(2019, 3, 30, 0, 23, 26));
    expect(at('2019-04-30T02:23:26+0200')).toBe(Date.UTC(2019, 3, 30, 0, 23, 26));
    expect(at('2019-04-30')).toBe(Date.UTC(2019, 3, 30));
    expect(at('tomorrow')).toBeUndefined();
    expect(at('2019-99-99')).toBeUndefined();
    // sig alone (any API's "sig" parameter) is not a SAS.
    expect(readSignedUrl(new URL('https://api.example.com/x?sig=abc'))).toBeNull();
    expect(readSignedUrl(new URL('https://a.blob.core.windows.net/c/b?sv=2019-02-02&sig=x'))!.kind).toBe('azure-sas');
  });

  it('reads CloudFront, GCS V2 and S3 SigV2 signed URLs by their key parameter, Expires in epoch seconds', () => {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
    expect(
      readSignedUrl(
        new URL(
          'https://d111111abcdef8.cloudfront.net/image.jpg?color=red&size=medium&Expires=1357034400&Signature=nitfHRCrtziwO2HwPfWw~yYDhUF5EwRunQA-j19DzZrvDh6hQ73lDx~-ar3UocvvRQVw6EkC~GdpGQyyOSKQim-TxAnW7d8F5Kkai9HVx0FIu-5jcQb0UEmatEXAMPLE3ReXySpLSMj0yCd3ZAB4UcBCAqEijkytL6f3fVYNGQI6&Key-Pair-Id=K2JCJMDEHXQW5F',
        ),
      ),
    ).toMatchObject({ kind: 'cloudfront', expiresAt: 1357034400000, quotes: ['expires=1357034400'] });
    // https://cloud.google.com/storage/docs/access-control/signed-urls-v2
    expect(
      readSignedUrl(
        new URL(
          'https://storage.googleapis.com/example-bucket/cat.jpeg?GoogleAccessId=example@example-project.iam.gserviceaccount.com&Expires=1458238630&Signature=VVUgfqviDCov3%2BgM',
        ),
      ),
    ).toMatchObject({ kind: 'gcs-v2', expiresAt: 1458238630000 });
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationQueryStringAuth
    expect(
      readSignedUrl(
        new URL(
          'https://awsexamplebucket1.s3.us-west-1.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620',
        ),
      ),
    ).toMatchObject({ kind: 'aws-sigv2', expiresAt: 1175139620000 });
    // Signature + Expires without a key parameter: no known kind.
    expect(readSignedUrl(new URL('https://a.test/x?Signature=abc&Expires=1357034400'))).toBeNull();
    // An Expires that is not epoch seconds has no date.
    expect(
      readSignedUrl(new URL('https://d1.cloudfront.net/i?Expires=12345&Signature=a&Key-Pair-Id=K'))!.expiresAt,
    ).toBeUndefined();
  });

  it('reads an nginx secure_link URL (md5 + expires), and only with an epoch expiry', () => {
    // https://nginx.org/en/docs/http/ngx_http_secure_link_module.html
    expect(
      readSignedUrl(new URL('https://cdn.example.com/s/link?md5=_e4Nc3iduzkWRm01TBBNYw&expires=2147483647')),
    ).toMatchObject({
      kind: 'secure-link',
      expiresAt: 2147483647000,
      quotes: ['expires=2147483647'],
    });
    expect(readSignedUrl(new URL('https://cdn.example.com/s/link?md5=abc&expires=never'))).toBeNull();
    expect(readSignedUrl(new URL('https://cdn.example.com/s/link?md5=abc'))).toBeNull();
  });

  it('reads the first of a repeated parameter, cuts quoted values, and ignores a bare "?"', () => {
    const u = new URL(`${PRESIGNED}&X-Amz-Date=20990101T000000Z`);
    expect(readSignedUrl(u)!.signedAt).toBe(Date.UTC(2013, 4, 24));
    const long = readSignedUrl(new URL(`https://a.blob.core.windows.net/c/b?sv=${'9'.repeat(60)}&sig=x`))!;
    expect(long.quotes).toEqual([`sv=${'9'.repeat(40)}`]);
    expect(readSignedUrl(new URL('https://a.test/?'))).toBeNull();
  });

  it('reads only the first 200 parameters of a hostile query', () => {
    const junk = Array.from({ length: 300 }, (_, i) => `p${i}=1`).join('&');
    expect(readSignedUrl(new URL(`https://a.test/x?${junk}&X-Amz-Signature=abc`))).toBeNull();
    expect(
      readSignedUrl(new URL(`https://a.test/x?${junk.split('&').slice(0, 150).join('&')}&X-Amz-Signature=abc`))!.kind,
    ).toBe('aws-sigv4');
  });
});
