import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// SaaS APIs whose documented refusal a shared reading gets wrong: the status says one thing and a field of the body
// says which refusal it is. Adyen states a missing permission as errorCode "010" with errorType "security"; Strava
// names the scope a token lacks in a 401 "Authorization Error"; ElevenLabs answers used-up credits with 401;
// Notion answers a page or database not shared with the integration with 404 object_not_found; an AT Protocol
// server answers an expired access token with 400 ExpiredToken.
const ADYEN = 'https://docs.adyen.com/development-resources/response-handling/';
const STRAVA = 'https://developers.strava.com/docs/authentication/#detailsaboutrequestingaccess';
const NOTION = 'https://developers.notion.com/reference/status-codes';

export const SAAS_APIS: readonly Signature[] = [
  {
    id: 'adyen.not_allowed',
    vendor: 'Adyen',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403],
    host: /(?:^|\.)adyen(?:payments)?\.com$/,
    body: [/"errorType"\s*:\s*"security"/, /"errorCode"\s*:\s*"010"/],
    title: 'Adyen accepted the API key but its role does not allow this call (010 Not allowed)',
    summary:
      "Adyen's 403 with errorCode 010 means the API credential is valid but lacks the role (or the merchant account " +
      'access) this endpoint needs.',
    fixes: [
      'In the Customer Area, give the API credential the role the endpoint needs, and access to this merchant account.',
    ],
    source: ADYEN,
  },
  {
    // {"message":"Authorization Error","errors":[{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}]}
    id: 'strava.missing_scope',
    vendor: 'Strava',
    cause: 'permission.insufficient_scope',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401, 403],
    host: /(?:^|\.)strava\.com$/,
    body: /"field"\s*:\s*"[a-z_:]+_permission"\s*,\s*"code"\s*:\s*"missing"/,
    title: 'The Strava token lacks the scope this call needs (the error names it)',
    summary:
      'The access token is valid but was granted without the scope the endpoint needs (activity:read or ' +
      'activity:read_all for activities, profile:read_all for the full profile).',
    fixes: ['Send the athlete through authorization again with scope=<the missing scope> and use the new token.'],
    source: STRAVA,
  },
  {
    id: 'elevenlabs.quota_exceeded',
    vendor: 'ElevenLabs',
    cause: 'quota.exceeded',
    confidence: CONFIDENCE.certain,
    status: [401, 429],
    host: /^api\.(?:eu\.|us\.)?elevenlabs\.io$/,
    body: /"status"\s*:\s*"quota_exceeded"/,
    title: "The ElevenLabs account's character credits are used up (quota_exceeded)",
    summary: "The request needs more credits than the key's account (or the key's own limit) has left this period.",
    fixes: ["Wait for the quota to reset, raise the key's credit limit, or upgrade the plan."],
    source: 'https://elevenlabs.io/docs/api-reference/authentication',
  },
  {
    id: 'notion.not_shared',
    vendor: 'Notion',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    status: [404],
    flags: true,
    host: /^api\.notion\.com$/,
    body: [/"code"\s*:\s*"object_not_found"/, /shared with your integration/i],
    title: 'Notion answers 404 for a page or database not shared with the integration',
    summary:
      'Notion does not say whether the object exists: an integration only sees pages and databases shared with it ' +
      '(or their children), and everything else is "object_not_found".',
    fixes: ['Share the page or database with the integration (••• → Connections → add it), or check the id.'],
    source: NOTION,
  },
  {
    id: 'atproto.expired_token',
    vendor: 'AT Protocol',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    status: [400, 401],
    flags: true,
    // The @atproto/api client recognises both wordings ("Token has expired", "Token is expired").
    body: /^\s*\{\s*"error"\s*:\s*"ExpiredToken"\s*,\s*"message"\s*:\s*"Token (?:has|is) expired"/,
    title: 'The AT Protocol server refused an expired access token (ExpiredToken)',
    summary: 'Access JWTs from createSession live minutes; the PDS answers 400 ExpiredToken once one is past its exp.',
    fixes: ['Call com.atproto.server.refreshSession with the refresh JWT and retry with the new access JWT.'],
    source: 'https://docs.bsky.app/docs/api/com-atproto-server-refresh-session',
  },
];
