import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// The MediaWiki Action API (api.php) answers its errors with HTTP 200 and {"error":{"code","info"}}, and states the
// code in a header too: "When erroneous requests are sent to the API, an HTTP header will be sent with the key
// MediaWiki-API-Error and then both the value of the header and the error code sent back will be set to the same
// value" (the API's own help, apihelp-main-extended-description). The header is the machine-readable statement, so
// these rows read it, whatever the body's errorformat; codes from https://www.mediawiki.org/wiki/API:Errors_and_warnings.
const ERRORS = 'https://www.mediawiki.org/wiki/API:Errors_and_warnings';
const STATUSES = [200, 400, 401, 403, 429] as const;
const code = (codes: RegExp) => ({ name: 'mediawiki-api-error', value: codes });

export const MEDIAWIKI: readonly Signature[] = [
  {
    id: 'mediawiki.badtoken',
    vendor: 'MediaWiki',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: STATUSES,
    flags: true,
    header: code(/^\s*(?:badtoken|notoken)\s*$/i),
    title: 'MediaWiki refused the CSRF token (badtoken)',
    summary:
      'A write action (edit, move, delete…) must carry the CSRF token of the same session in its token parameter; ' +
      'the token was missing, stale (from another session or before a login) or mangled (its "+\\" suffix not encoded).',
    fixes: [
      'Fetch a fresh token with action=query&meta=tokens in the same session (same cookies), then send it URL-encoded.',
    ],
    source: ERRORS,
  },
  {
    id: 'mediawiki.not_logged_in',
    vendor: 'MediaWiki',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    status: STATUSES,
    flags: true,
    header: code(/^\s*(?:readapidenied|notloggedin|mustbeloggedin|assertuserfailed|assertbotfailed)\s*$/i),
    title: 'MediaWiki answered as to an anonymous user',
    summary:
      "The wiki needs a logged-in user for this (a private wiki's readapidenied, or assert=user failing because the " +
      'session is no longer logged in).',
    fixes: [
      'Log in (action=clientlogin, or a bot password with action=login, or OAuth) and send the session cookies with every call.',
    ],
    source: ERRORS,
  },
  {
    id: 'mediawiki.oauth_invalid',
    vendor: 'MediaWiki',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    status: STATUSES,
    flags: true,
    header: code(/^\s*mwoauth-invalid-authorization(?:-[a-z-]+)?\s*$/i),
    title: "MediaWiki's OAuth extension refused the Authorization header",
    summary: 'The OAuth consumer or access token in the Authorization header is not valid for this wiki.',
    fixes: [
      'Check the consumer and access token for this wiki (and that the consumer is approved), or register a new one.',
    ],
    source: 'https://www.mediawiki.org/wiki/Extension:OAuth',
  },
  {
    id: 'mediawiki.ratelimited',
    vendor: 'MediaWiki',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    status: STATUSES,
    flags: true,
    header: code(/^\s*ratelimited\s*$/i),
    title: "MediaWiki's rate limit for this action was hit (ratelimited)",
    summary: 'The user or IP performed this action ($wgRateLimits) too many times in a short space of time.',
    fixes: ['Slow down and retry in a few minutes; bots should ask for the bot group, which has higher limits.'],
    source: ERRORS,
  },
  {
    id: 'mediawiki.permission',
    vendor: 'MediaWiki',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    status: STATUSES,
    flags: true,
    header: code(
      /^\s*(?:permissiondenied|writeapidenied|protectedpage|cascadeprotected|protectedtitle|protectednamespace(?:-interface)?|customcssjsprotected|blocked)\s*$/i,
    ),
    title: 'MediaWiki refused the action for this user (no right, a protected page or a block)',
    summary:
      'The logged-in user lacks the right this action needs (the info names the group that has it), the page is ' +
      'protected, or the user is blocked.',
    fixes: [
      'Use an account in the group the message names, or ask an administrator; for protected pages, request an edit.',
    ],
    source: ERRORS,
  },
];
