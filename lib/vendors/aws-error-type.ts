import type { Signature } from './types';
import { CONFIDENCE, type Confidence } from '../core/confidence';

// x-amzn-ErrorType on AWS answers without a readable body, one row per error family. Part of the
// 'aws' group of aws-services.ts, after its body rows.
const COMMON = 'https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html';
const V = 'AWS';
const G = 'aws';

/**
 * Bodiless answers (HEAD, or a body the capture dropped) still carry x-amzn-ErrorType. These
 * rows come after the body rows of the group, which say more when present.
 */
function errorTypeRows(): Signature[] {
  const table: [string, Signature['cause'], Confidence, string, string][] = [
    [
      'AccessDenied',
      'permission.denied',
      CONFIDENCE.possiblePlus20,
      'AWS denied access (x-amzn-ErrorType: AccessDeniedException)',
      'The principal lacks permission for this action or resource.',
    ],
    [
      'UnrecognizedClient|InvalidClientTokenId',
      'auth.invalid',
      CONFIDENCE.possiblePlus20,
      'AWS does not recognise the credentials (x-amzn-ErrorType)',
      'The access key or session token is unknown to AWS.',
    ],
    [
      'InvalidSignature',
      'signature.mismatch',
      CONFIDENCE.possiblePlus10,
      'AWS rejected the request signature (InvalidSignatureException)',
      'The SigV4 signature did not verify: a wrong secret, a request changed after signing, or a clock more than 5 minutes off.',
    ],
    [
      'Throttling|TooManyRequests',
      'rate_limit.exceeded',
      CONFIDENCE.likely,
      'AWS throttled the request (x-amzn-ErrorType)',
      'The request rate limit for this account or API was exceeded.',
    ],
  ];
  return table.map(([code, cause, confidence, title, summary]) => ({
    id: `aws.errortype.${code.split('|')[0]!.toLowerCase()}`,
    vendor: V,
    group: G,
    cause,
    confidence,
    status: [400, 401, 403, 429],
    header: { name: 'x-amzn-errortype', value: new RegExp(`^\\s*(?:${code})`) },
    title,
    summary,
    fixes: ["Replay the request with a body (GET instead of HEAD) to read AWS's message, then act on it."],
    source: COMMON,
  }));
}

export const AWS_ERROR_TYPE_ROWS: readonly Signature[] = errorTypeRows();
