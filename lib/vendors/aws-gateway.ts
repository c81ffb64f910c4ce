import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Amazon API Gateway's own refusals (gateway responses), as opposed to the AWS service
// errors in aws-services.ts. Its bodies are terse ({"message":"Forbidden"}), so generic
// words only count next to API Gateway's headers.
const GATEWAY_RESPONSES =
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html';
const MISSING_TOKEN = 'https://repost.aws/knowledge-center/api-gateway-authentication-token-errors';
const TROUBLESHOOT_403 = 'https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden';
const APIGW: readonly HeaderMatch[] = [
  { name: 'x-amzn-errortype' },
  { name: 'x-amz-apigw-id' },
  { name: 'x-amzn-requestid' },
];
const MISSING_TOKEN_BODY = /Missing\s+Authentication\s+Token|\bMissingAuthenticationToken(?:Exception)?\b/i;

export const AWS_GATEWAY: readonly Signature[] = [
  {
    id: 'aws.apigw.missing_auth_token.signed',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'route.not_found',
    confidence: CONFIDENCE.likely,
    body: MISSING_TOKEN_BODY,
    requires: 'authorization',
    title: 'API Gateway has no such route (it says "Missing Authentication Token")',
    summary:
      'API Gateway answers 403 "Missing Authentication Token" for any path or method that is not ' +
      'deployed on the stage. The request did carry credentials, so the likeliest reading is a ' +
      'wrong URL, stage, method or a trailing slash, not a missing token.',
    fixes: [
      'Check the invoke URL: stage name, resource path (case-sensitive, trailing slash) and HTTP method must exist in the deployed API.',
      'Redeploy the API to the stage after adding the resource or method.',
    ],
    source: MISSING_TOKEN,
  },
  {
    id: 'aws.apigw.missing_auth_token.header',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'route.not_found',
    confidence: CONFIDENCE.possiblePlus20,
    header: { name: 'x-amzn-errortype', value: /MissingAuthenticationToken/i },
    requires: 'authorization',
    title: 'API Gateway has no such route (MissingAuthenticationTokenException)',
    summary:
      'API Gateway reports MissingAuthenticationTokenException for undeployed paths and methods; ' +
      'the request was signed, so the route is the likelier problem.',
    fixes: ['Check the stage, resource path and method against the deployed API, then redeploy.'],
    source: MISSING_TOKEN,
  },
  {
    id: 'aws.apigw.missing_auth_token',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus10,
    body: MISSING_TOKEN_BODY,
    requires: 'no-authorization',
    title: 'API Gateway wants a signed request ("Missing Authentication Token")',
    summary:
      'The method uses IAM authorization and the request carried no SigV4 signature. API Gateway ' +
      'gives the same answer for a path or method that does not exist, so check the URL too.',
    fixes: [
      'Sign the request with AWS SigV4 (AWS SDK, aws-sigv4 libraries, or Amplify) using credentials allowed to execute-api:Invoke.',
      'If the method is meant to be public, check the URL, stage and method: undeployed routes give the same error.',
    ],
    source: MISSING_TOKEN,
  },
  {
    id: 'aws.apigw.missing_auth_token.route',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw.route',
    cause: 'route.not_found',
    confidence: CONFIDENCE.weakPlus25,
    body: MISSING_TOKEN_BODY,
    requires: 'no-authorization',
    title: 'Or: the route does not exist on this API Gateway stage',
    summary:
      'API Gateway answers "Missing Authentication Token" for undeployed paths and methods as well as for unsigned IAM calls.',
    fixes: ['Compare the path, stage and method with the deployed API (a typo or a trailing slash is enough).'],
    source: MISSING_TOKEN,
  },
  {
    id: 'aws.apigw.authorizer_deny',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    body: /User\s+is\s+not\s+authorized\s+to\s+access\s+this\s+resource/i,
    title: 'The API Gateway authorizer or resource policy denied the call',
    summary:
      '"User is not authorized to access this resource" comes from a Lambda authorizer returning ' +
      'Deny (or an explicit deny in the resource policy). The caller was identified and refused.',
    fixes: [
      "Check the authorizer's policy for this caller: the Resource ARN must cover this method and " +
        'path (authorizer results are cached per token).',
      "Check the API resource policy for an explicit Deny matching the caller's IP, VPC or principal.",
    ],
    source: TROUBLESHOOT_403,
  },
  {
    id: 'aws.apigw.unauthorized.missing',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus15,
    body: /^\s*\{\s*"message"\s*:\s*"Unauthorized"\s*\}/i,
    anyHeader: APIGW,
    requires: 'no-authorization',
    title: "API Gateway's authorizer found no token",
    summary:
      'A Cognito or Lambda authorizer answers 401 "Unauthorized" when the identity source (usually the Authorization header) is absent.',
    fixes: ["Send the token in the header the authorizer's identity source names (Authorization by default)."],
    source: GATEWAY_RESPONSES,
  },
  {
    id: 'aws.apigw.unauthorized',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus5,
    body: /^\s*\{\s*"message"\s*:\s*"Unauthorized"\s*\}/i,
    anyHeader: APIGW,
    title: "API Gateway's authorizer rejected the token",
    summary:
      'A Cognito or Lambda authorizer answered 401 "Unauthorized": the token is invalid, expired, or from another user pool or audience.',
    fixes: [
      'Decode the token and check issuer, audience (client id), token type (Cognito wants the ID ' +
        'or access token the authorizer is set for) and expiry.',
    ],
    source: GATEWAY_RESPONSES,
  },
  {
    id: 'aws.apigw.invalid_api_key',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.possiblePlus15,
    body: /^\s*\{\s*"message"\s*:\s*"Forbidden"\s*\}/i,
    anyHeader: APIGW,
    requires: 'api-key',
    title: 'API Gateway refused the API key',
    summary:
      'API Gateway answers 403 {"message":"Forbidden"} (INVALID_API_KEY) when the x-api-key is ' +
      'unknown, disabled, or not in a usage plan attached to this stage.',
    fixes: [
      'Check that the key is enabled and that its usage plan includes this API and stage.',
      'Send it in the x-api-key header exactly (no Bearer prefix).',
    ],
    source: GATEWAY_RESPONSES,
  },
  {
    id: 'aws.apigw.forbidden_no_key',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'api_key.missing',
    confidence: CONFIDENCE.weakPlus20,
    body: /^\s*\{\s*"message"\s*:\s*"Forbidden"\s*\}/i,
    anyHeader: APIGW,
    requires: 'no-api-key',
    title: 'API Gateway answered "Forbidden" and no API key was sent',
    summary:
      'For a method that requires an API key, API Gateway answers 403 {"message":"Forbidden"} when ' +
      'x-api-key is absent. The same body comes from a resource policy or AWS WAF, so check those ' +
      'if no key is needed.',
    fixes: [
      'Send the key in the x-api-key header.',
      'If the method needs no key, check the resource policy, private API endpoint settings and the web ACL.',
    ],
    source: TROUBLESHOOT_403,
  },
  {
    id: 'aws.apigw.quota_exceeded',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'quota.exceeded',
    confidence: CONFIDENCE.possiblePlus20,
    status: [429, 403],
    body: /"message"\s*:\s*"Limit\s+Exceeded"/i,
    anyHeader: APIGW,
    title: "The API key's usage plan quota is used up",
    summary:
      'API Gateway answers 429 "Limit Exceeded" (QUOTA_EXCEEDED) when the usage plan\'s daily, ' +
      'weekly or monthly quota for this key is spent.',
    fixes: ['Wait for the quota period to reset, or raise the quota in the usage plan.'],
    source: GATEWAY_RESPONSES,
  },
  {
    id: 'aws.apigw.throttled',
    vendor: 'AWS API Gateway',
    group: 'aws.apigw',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likely,
    body: /"message"\s*:\s*"Too\s+Many\s+Requests"/i,
    anyHeader: APIGW,
    title: 'API Gateway throttled the request',
    summary:
      'API Gateway answers 429 "Too Many Requests" (THROTTLED) when the stage, method, usage plan ' +
      'or account rate or burst limit is exceeded.',
    fixes: [
      'Retry with exponential backoff and jitter.',
      'Raise the throttling limits on the stage or usage plan if the traffic is legitimate.',
    ],
    source: GATEWAY_RESPONSES,
  },
];
