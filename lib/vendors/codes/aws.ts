import type { CodeTable } from './types';

/**
 * AWS error codes: JSON `__type`, the x-amzn-ErrorType header and the XML <Error><Code> of S3 and
 * the query APIs. MissingAuthenticationToken and ForbiddenException are left to the API Gateway
 * signatures (lib/vendors/aws-gateway.ts), which tell a missing route from a missing key.
 */
export const AWS_CODES: CodeTable = {
  name: 'AWS',
  families: ['aws'],
  source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html',
  rows: [
    {
      codes: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the session token (STS or SSO credentials) expired',
      fixes: ['Refresh the temporary credentials (aws sso login, assume the role again) and retry.'],
    },
    {
      codes: [
        'UnrecognizedClientException',
        'UnrecognizedClient',
        'InvalidClientTokenId',
        'InvalidAccessKeyId',
        'InvalidToken',
      ],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'the access key or security token is not recognised',
      fixes: ['Use an active access key of this account (and the session token that goes with temporary keys).'],
    },
    {
      codes: ['InvalidSignatureException', 'SignatureDoesNotMatch'],
      message: /expired|earlier\s+than|later\s+than/i,
      cause: 'clock.skew',
      level: 'likely',
      refusal: true,
      means: 'the signature is outside its time window (clock skew)',
      fixes: ["Synchronise the client's clock (NTP) and sign immediately before sending."],
    },
    {
      codes: ['RequestTimeTooSkewed'],
      cause: 'clock.skew',
      level: 'certain',
      refusal: true,
      means: "the request time is more than 15 minutes from AWS's clock",
      fixes: ["Synchronise the client's clock (NTP) and sign immediately before sending."],
    },
    {
      codes: ['InvalidSignatureException', 'SignatureDoesNotMatch'],
      cause: 'signature.mismatch',
      level: 'certain',
      refusal: true,
      means: 'the SigV4 signature did not verify',
      fixes: [
        'Let the SDK sign; check the secret key, region, service name and that nothing changes the request after signing.',
      ],
    },
    {
      codes: ['IncompleteSignature', 'IncompleteSignatureException'],
      cause: 'auth.malformed',
      level: 'likely',
      refusal: true,
      means: 'the Authorization header is not a complete SigV4 signature',
      fixes: [
        'Let the SDK sign the request, or fix the signer so the header has Credential, SignedHeaders and Signature.',
      ],
    },
    {
      codes: ['NotAuthorizedException'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'Cognito refused the credentials or token',
      fixes: ['Sign in again; check the user pool client and the token being sent.'],
    },
    {
      codes: ['UnauthorizedException'],
      cause: 'auth.unauthenticated',
      level: 'likely',
      refusal: true,
      means: 'the request is not authorised for this API (AppSync)',
      fixes: ["Send the credential the API's authorization mode expects (API key, Cognito or OIDC token, IAM)."],
    },
    {
      codes: ['AccessDenied'],
      message: /Request\s+has\s+expired/i,
      cause: 'signed_url.expired',
      level: 'certain',
      refusal: true,
      means: 'the presigned URL is past its expiry',
      fixes: ['Generate a fresh presigned URL right before it is used.'],
    },
    {
      codes: ['AccessDenied', 'AccessDeniedException', 'AuthorizationError', 'UnauthorizedOperation'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the principal lacks permission for this action or resource',
      fixes: [
        'Allow the action on the resource in an IAM policy of the principal (and check SCPs and resource policies).',
      ],
    },
    {
      codes: ['OptInRequired', 'SubscriptionRequiredException'],
      cause: 'service.disabled',
      level: 'likely',
      refusal: true,
      means: 'the account is not subscribed to this service or region',
      fixes: ['Enable the service or opt in to the region for this account.'],
    },
    {
      codes: ['AccountProblem'],
      cause: 'billing.disabled',
      level: 'likely',
      refusal: true,
      means: 'a problem with the AWS account prevents the operation',
      fixes: ['Contact AWS Support about the account status (billing, suspension).'],
    },
    {
      codes: ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'SlowDown', 'RequestLimitExceeded'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: 'the request rate limit was exceeded',
      fixes: ['Retry with exponential backoff and jitter (the SDKs do this); lower the request rate.'],
    },
    {
      codes: ['LimitExceededException'],
      cause: 'quota.exceeded',
      level: 'likely',
      refusal: true,
      means: 'a usage-plan quota or service limit is used up',
      fixes: ['Wait for the quota period to reset or raise the limit (usage plan, Service Quotas).'],
    },
  ],
};
