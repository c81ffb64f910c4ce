import type { CodeTable } from './types';

/** Slack's Web API answers HTTP 200 with {"ok":false,"error":"<code>"} for every failure. */
export const SLACK_CODES: CodeTable = {
  name: 'Slack Web API',
  families: ['envelope'],
  source: 'https://api.slack.com/web#evaluating_responses',
  rows: [
    {
      codes: ['not_authed'],
      cause: 'auth.missing',
      level: 'certain',
      refusal: true,
      means: 'no token was provided',
      fixes: ['Send the token as "Authorization: Bearer xox…".'],
    },
    {
      codes: ['invalid_auth', 'account_inactive', 'token_revoked', 'not_allowed_token_type'],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'the token is invalid, revoked, of the wrong type, or its user or workspace is inactive',
      fixes: ['Reinstall the app or mint a new token of the type this method accepts (bot, user or app-level).'],
    },
    {
      codes: ['token_expired'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the token expired (token rotation is on)',
      fixes: ['Refresh the token with the refresh token (oauth.v2.access, grant_type=refresh_token).'],
    },
    {
      codes: ['missing_scope'],
      cause: 'permission.insufficient_scope',
      level: 'certain',
      refusal: true,
      means: 'the token lacks a scope this method needs (the "needed" field names it)',
      fixes: ['Add the scope to the app, reinstall it, and use the new token.'],
    },
    {
      codes: ['no_permission', 'ekm_access_denied', 'access_denied'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the workspace or channel does not allow this token to do this',
      fixes: ['Invite the app to the channel or ask an admin to allow the action.'],
    },
    {
      codes: ['ratelimited', 'rate_limited'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: "the method's rate-limit tier was exceeded",
      fixes: ['Honour Retry-After and back off; batch calls.'],
    },
  ],
};
