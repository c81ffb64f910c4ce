import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// AWS application services with their own error shapes: Cognito user pools and AppSync.
export const AWS_APPS: readonly Signature[] = [
  {
    id: 'aws.cognito.token_expired',
    vendor: 'AWS Cognito',
    group: 'aws.cognito',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    status: [400, 401, 403],
    flags: true,
    body: [/\bNotAuthorizedException\b/i, /(?:Access|Refresh|ID)\s+Token\s+has\s+(?:expired|been\s+revoked)/i],
    title: 'The Cognito token has expired',
    summary:
      'Cognito answers NotAuthorizedException "Access Token has expired" (or "Refresh Token has ' +
      'expired") once the token\'s lifetime is over.',
    fixes: ['Refresh the session with the refresh token; when the refresh token itself expired, sign in again.'],
    source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html',
  },
  {
    id: 'aws.appsync.unauthorized',
    vendor: 'AWS AppSync',
    group: 'aws.appsync',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus20,
    body: [
      /"errorType"\s*:\s*"UnauthorizedException"/i,
      /not\s+authorized\s+to\s+make\s+this\s+call|Valid\s+authorization\s+header\s+not\s+provided|Unable\s+to\s+parse\s+JWT\s+token/i,
    ],
    title: "AppSync rejected the request's authorization",
    summary:
      'AppSync answered UnauthorizedException: the API key, Cognito/OIDC token or IAM signature ' +
      "does not match the API's authorization modes (or the API key expired).",
    fixes: [
      'Check which authorization mode the API (and this field, via @aws_* directives) accepts and ' +
        'send that credential; AppSync API keys expire (7 days by default).',
    ],
    source: 'https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html',
  },
];
