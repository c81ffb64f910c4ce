import { anyOf } from '../core/any-of';
import { AWS_ERROR_TYPE_ROWS } from './aws-error-type';
import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// AWS service errors: SigV4 failures shared by every AWS endpoint (JSON "__type" or XML
// <Code>, plus the x-amzn-ErrorType header) and S3's XML error codes. Cognito and AppSync: aws-apps.ts.
// Order matters: "Signature expired" is an InvalidSignatureException that means clock skew.
const SIGV4 = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html';
const COMMON = 'https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html';
const S3_ERRORS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';
const PRESIGNED = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html';
const V = 'AWS';
const G = 'aws';

export const AWS_SERVICES: readonly Signature[] = [
  {
    id: 'aws.request_time_too_skewed',
    vendor: V,
    group: G,
    cause: 'clock.skew',
    confidence: CONFIDENCE.certain,
    body: /\bRequestTimeTooSkewed\b|difference\s+between\s+the\s+request\s+time\s+and\s+the\s+current\s+time\s+is\s+too\s+large/i,
    title: "The request's clock is too far from AWS's (RequestTimeTooSkewed)",
    summary:
      "AWS rejects signed requests whose X-Amz-Date is more than 15 minutes from its clock. The signing machine's clock is wrong.",
    fixes: [
      "Sync the client clock (NTP); in a browser, the user's system clock is off.",
      'With the AWS SDK, enable clock-skew correction (correctClockSkew / systemClockOffset).',
    ],
    source: S3_ERRORS,
  },
  {
    id: 'aws.sigv4.signature_expired',
    vendor: V,
    group: G,
    cause: 'clock.skew',
    confidence: CONFIDENCE.likelyPlus5,
    body: anyOf(
      /Signature\s+expired\s*:\s*\S+\s+is\s+now\s+earlier\s+than/,
      /Signature\s+not\s+yet\s+current\s*:\s*\S+\s+is\s+still\s+later\s+than/,
      'i',
    ),
    title: "The SigV4 signature time is outside AWS's 5-minute window",
    summary:
      '"Signature expired: <time> is now earlier than <time>" means the X-Amz-Date in the signature ' +
      'is too old for the server clock: the client clock is behind (or the signed request was sent ' +
      'late).',
    fixes: [
      'Sync the client clock (NTP) and sign each request right before sending it.',
      'With the AWS SDK, enable clock-skew correction.',
    ],
    source: SIGV4,
  },
  {
    id: 'aws.s3.request_expired',
    vendor: V,
    group: G,
    cause: 'signed_url.expired',
    confidence: CONFIDENCE.likelyPlus5,
    body: [/<Code>\s*AccessDenied\s*<\/Code>/i, /Request\s+has\s+expired/i],
    title: 'The presigned S3 URL has expired',
    summary:
      'S3 answers AccessDenied "Request has expired" once X-Amz-Expires (or Expires) has passed; ' +
      'the body shows the expiry and the server time.',
    fixes: [
      'Generate a fresh presigned URL right before use, with an X-Amz-Expires long enough for the download or upload.',
      'URLs signed with temporary credentials also die when the session token expires.',
    ],
    source: PRESIGNED,
  },
  {
    id: 'aws.expired_token',
    vendor: V,
    group: G,
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    body: anyOf(
      /\bExpiredToken(?:Exception)?\b/,
      /security\s+token\s+included\s+in\s+the\s+request\s+is\s+expired/,
      /provided\s+token\s+has\s+expired/,
      'i',
    ),
    title: 'The AWS session token has expired (ExpiredToken)',
    summary:
      'The temporary credentials (STS, SSO, Cognito identity pool, instance role) used to sign the request are past their expiration.',
    fixes: [
      'Refresh the temporary credentials (re-assume the role, aws sso login, or let the SDK credential provider refresh) and sign again.',
    ],
    source: COMMON,
  },
  {
    id: 'aws.expired_token.header',
    vendor: V,
    group: G,
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    header: { name: 'x-amzn-errortype', value: /ExpiredToken/i },
    title: 'The AWS session token has expired (ExpiredTokenException)',
    summary: 'The temporary credentials used to sign the request are past their expiration.',
    fixes: ['Refresh the temporary credentials and sign again.'],
    source: COMMON,
  },
  {
    id: 'aws.signature_does_not_match',
    vendor: V,
    group: G,
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.certain,
    body: anyOf(
      /\bSignatureDoesNotMatch\b|request\s+signature\s+we\s+calculated\s+does\s+not\s+match/,
      /\bInvalidSignatureException\b[\s\S]{0,300}?does\s+not\s+match/,
      'i',
    ),
    title: 'The AWS request signature does not match (SignatureDoesNotMatch)',
    summary:
      'AWS computed a different SigV4 signature: the secret key is wrong, or something changed ' +
      'the request after signing (host, path encoding, query order, headers, body, region or service ' +
      'name).',
    fixes: [
      'Check the secret access key and the region/service in the credential scope.',
      'Sign exactly what is sent: same host, path encoding, query string and signed headers (a ' +
        'proxy adding or rewriting headers breaks it).',
      'For presigned URLs, send the same Content-Type and headers that were signed.',
    ],
    source: SIGV4,
  },
  {
    id: 'aws.incomplete_signature',
    vendor: V,
    group: G,
    cause: 'auth.malformed',
    confidence: CONFIDENCE.likely,
    body: /\bIncompleteSignature(?:Exception)?\b|Authorization\s+header\s+requires\s+'?\w+'?\s+parameter/i,
    title: 'The AWS Authorization header is incomplete',
    summary:
      'AWS could not parse the SigV4 Authorization header (missing Credential, SignedHeaders or ' +
      'Signature, or X-Amz-Date absent). Often a non-AWS token sent to an IAM-authorized endpoint.',
    fixes: [
      'Sign with an AWS SDK or SigV4 library instead of building the header by hand.',
      'If you meant to send a bearer token, the route expects IAM auth: change the authorizer or sign the request.',
    ],
    source: COMMON,
  },
  {
    id: 'aws.invalid_token',
    vendor: V,
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    body: anyOf(
      /security\s+token\s+included\s+in\s+the\s+request\s+is\s+invalid/,
      /\bUnrecognizedClient(?:Exception)?\b|\bInvalidClientTokenId\b|\bInvalidAccessKeyId\b/,
      /AWS\s+Access\s+Key\s+Id\s+you\s+provided\s+does\s+not\s+exist/,
      /<Code>\s*InvalidToken\s*<\/Code>/,
      'i',
    ),
    title: 'AWS does not recognise the access key or session token',
    summary:
      'The access key id is unknown (deleted, from another account or partition), or the session ' +
      'token is missing or does not belong to the key.',
    fixes: [
      'Check which credentials the client picked up (profile, environment, role) and that key id, ' +
        'secret and session token come from the same set.',
      'Temporary keys (ASIA…) need their X-Amz-Security-Token.',
    ],
    source: COMMON,
  },
  {
    id: 'aws.opt_in_required',
    vendor: V,
    group: G,
    cause: 'service.disabled',
    confidence: CONFIDENCE.likely,
    body: /\bOptInRequired\b|\bSubscriptionRequired(?:Exception)?\b/i,
    title: 'The AWS account is not subscribed to this service or Region',
    summary:
      'OptInRequired: the account has not enabled this service, or the Region is opt-in and disabled for the account.',
    fixes: ['Enable the Region (Account settings) or subscribe to the service for this account.'],
    source: COMMON,
  },
  {
    id: 'aws.account_problem',
    vendor: V,
    group: G,
    cause: 'billing.disabled',
    confidence: CONFIDENCE.possiblePlus20,
    body: /<Code>\s*AccountProblem\s*<\/Code>|problem\s+with\s+your\s+AWS\s+account\s+that\s+prevents/i,
    title: 'There is a problem with the AWS account (AccountProblem)',
    summary: 'S3 refuses every request because the owning account is suspended or has a billing issue.',
    fixes: ["Check the account's billing and support notices in the AWS console."],
    source: S3_ERRORS,
  },
  {
    id: 'aws.s3.all_access_disabled',
    vendor: V,
    group: G,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    body: /\bAllAccessDisabled\b|All\s+access\s+to\s+this\s+(?:Amazon\s+S3\s+)?(?:object|resource|bucket)\s+has\s+been\s+disabled/i,
    title: 'All access to this S3 resource has been disabled',
    summary:
      'S3 disabled all access to the bucket or object (AllAccessDisabled), typically after an account suspension or an AWS abuse action.',
    fixes: ['Contact AWS Support for the owning account; no request-side change helps.'],
    source: S3_ERRORS,
  },
  {
    id: 'aws.iam.explicit_deny',
    vendor: V,
    group: G,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    body: anyOf(
      /is\s+not\s+authorized\s+to\s+perform\s*(?::\s*)?[\w:*-]+[\s\S]{0,400}?(?:explicit\s+deny|because\s+no\s+(?:identity|resource)-based\s+policy\s+allows)/,
      /with\s+an\s+explicit\s+deny/,
      'i',
    ),
    title: 'An IAM policy denies this action',
    summary:
      'AWS names the principal and the action it may not perform; "explicit deny" means a Deny ' +
      'statement (identity, resource, SCP or permissions boundary) matched, which no Allow can ' +
      'override.',
    fixes: [
      'Read the action and resource in the message and find the Deny (or the missing Allow) with the IAM policy simulator or CloudTrail.',
    ],
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html',
  },
  {
    id: 'aws.access_denied',
    vendor: V,
    group: G,
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    body: /\bAccessDeniedException\b|<Code>\s*AccessDenied\s*<\/Code>|is\s+not\s+authorized\s+to\s+perform\s*:/i,
    title: 'AWS denied access (AccessDenied)',
    summary:
      'The signed-in principal lacks permission for this action or resource. S3 also answers AccessDenied ' +
      '(not 404) for a missing key when the caller lacks s3:ListBucket, and for objects behind ' +
      'CloudFront without OAC/OAI access.',
    fixes: [
      'Check the identity policy, bucket/resource policy, SCPs and KMS key policy for this action and resource.',
      'For S3 behind CloudFront, check the object key exists and that the bucket policy allows the distribution (OAC).',
    ],
    source: S3_ERRORS,
  },
  {
    id: 'aws.throttling',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    status: [400, 429, 403, 503],
    // Case-sensitive: the word "throttling" in someone else's 429 is not AWS's code.
    body: anyOf(
      /\bThrottlingException\b|<Code>\s*Throttling\s*<\/Code>|\bTooManyRequestsException\b/,
      /<Code>\s*SlowDown\s*<\/Code>|"message"\s*:\s*"Rate exceeded"/,
    ),
    title: 'AWS throttled the request',
    summary:
      "The service's request rate limit for this account, API or key was exceeded (ThrottlingException " +
      '/ TooManyRequestsException / SlowDown).',
    fixes: [
      'Retry with exponential backoff and jitter (the AWS SDKs do this when retries are enabled).',
      'Request a quota increase in Service Quotas if the load is expected.',
    ],
    source: COMMON,
  },
  {
    id: 'aws.missing_authentication_token_exception',
    vendor: V,
    group: G,
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus20,
    status: [400, 403],
    header: { name: 'x-amzn-errortype', value: /MissingAuthenticationToken/i },
    requires: 'no-authorization',
    title: 'The AWS service wants a signed request',
    summary: 'MissingAuthenticationTokenException: the request carried no SigV4 signature.',
    fixes: ['Sign the request with the AWS SDK or a SigV4 signer.'],
    source: COMMON,
  },
  // Bodiless answers come after the body rows of the group, which say more when present.
  ...AWS_ERROR_TYPE_ROWS,
];
