/**
 * A sample response for one signature row: what the documented refusal looks like, as data. The
 * signature-samples test replays each sample and asserts that its row is the one that speaks for
 * its group, so a row shadowed by an earlier one (or by a vendor row, for shared wording) fails.
 */
export interface SignatureSample {
  status: number;
  /** Response headers. */
  headers?: Readonly<Record<string, string>>;
  /** Response body excerpt. */
  body?: string;
  /** Request URL (default https://api.example.com/v1/resource). */
  url?: string;
  /** Request headers: the credentials the row requires, or none. */
  request?: Readonly<Record<string, string>>;
}

export type SampleTable = Readonly<Record<string, SignatureSample>>;

/** Request headers the samples reuse. */
export const SIGNED = {
  Authorization:
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261121/us-east-1/execute-api/aws4_request, ' +
    'SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
};
export const BEARER = { Authorization: 'Bearer 9f8c2e1a7b6d5c4e3f2a1b0c9d8e7f6a' };
export const API_KEY = { 'x-api-key': 'k3y0123456789abcdefEXAMPLE' };
