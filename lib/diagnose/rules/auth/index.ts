import type { Rule } from '../../../core/context';
import { claimRefusedRule } from './claim-refused';
import { clockSkewRule } from './clock-skew';
import { cookieNotSentRule } from './cookie-not-sent';
import { csrfRule } from './csrf';
import { csrfOriginRule } from './csrf-origin';
import { csrfPageTokenRule } from './csrf-page-token';
import { csrfSessionRule } from './csrf-session';
import { insufficientScopeRule } from './insufficient-scope';
import { authInvalidRule } from './invalid';
import { authMalformedRule } from './malformed';
import { authMissingRule } from './missing';
import { rateLimitRule } from './rate-limit';
import { signedUrlExpiredRule } from './signed-url';
import { signedUrlRefusedRule } from './signed-url-refused';
import { tokenEndpointRule } from './token-endpoint';
import { tokenExpiredRule } from './token-expired';
import { tokenNotYetValidRule } from './token-not-yet-valid';
import { loggedOutRule } from './logged-out';
import { unreadCredentialRule } from './unread-credential';
import { loginRedirectRule } from './login-redirect';
import { errorRedirectRule } from './error-redirect';
import { oauthStateRule } from './oauth-state';

/** Rules read from credentials, tokens and auth challenges. */
export const AUTH_RULES: readonly Rule[] = [
  authMissingRule,
  authMalformedRule,
  authInvalidRule,
  tokenExpiredRule,
  tokenNotYetValidRule,
  cookieNotSentRule,
  insufficientScopeRule,
  rateLimitRule,
  clockSkewRule,
  signedUrlExpiredRule,
  signedUrlRefusedRule,
  csrfRule,
  csrfOriginRule,
  csrfPageTokenRule,
  csrfSessionRule,
  tokenEndpointRule,
  loggedOutRule,
  unreadCredentialRule,
  loginRedirectRule,
  errorRedirectRule,
  oauthStateRule,
  claimRefusedRule,
];
