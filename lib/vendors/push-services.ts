import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Apple Push Notification service (HTTP/2 provider API) states each failure as {"reason":"<Name>"} beside the status.
// The provider-token reasons are refusals of the JWT in the authorization header (token-based connections), all
// answered 403, so the status alone reads as a missing permission; the reason names which fault it is. Device-token
// reasons (BadDeviceToken 400, Unregistered 410) are not refusals and match no row.
const APNS = 'https://developer.apple.com/documentation/usernotifications/handling-notification-responses-from-apns';
const HOST = /^api(?:\.sandbox|\.development)?\.push\.apple\.com$/;
const reason = (name: string) => new RegExp(`^\\s*\\{\\s*"reason"\\s*:\\s*"${name}"`);
const G = 'apns';

export const PUSH_SERVICES: readonly Signature[] = [
  {
    id: 'apns.expired_provider_token',
    vendor: 'Apple Push Notification service',
    group: G,
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: HOST,
    body: reason('ExpiredProviderToken'),
    title: 'APNs refused a stale provider token (ExpiredProviderToken)',
    summary:
      'A provider token (the ES256 JWT in authorization: bearer) is accepted for one hour from its iat; this one is ' +
      'older. APNs also asks that a token be refreshed no more often than every 20 minutes.',
    fixes: ['Sign a new provider token every 20-60 minutes (iat = now) and reuse it in between.'],
    source: APNS,
  },
  {
    id: 'apns.invalid_provider_token',
    vendor: 'Apple Push Notification service',
    group: G,
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: HOST,
    body: reason('InvalidProviderToken'),
    title: 'APNs could not verify the provider token (InvalidProviderToken)',
    summary:
      "The token's signature does not verify with the key named by kid, or the key, team id (iss) or topic do not " +
      'belong together (a key of another team, or a revoked key).',
    fixes: ['Sign with the .p8 key whose Key ID is in kid, with your Team ID as iss, for an app of that team.'],
    source: APNS,
  },
  {
    id: 'apns.missing_provider_token',
    vendor: 'Apple Push Notification service',
    group: G,
    cause: 'auth.missing',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: HOST,
    body: reason('MissingProviderToken'),
    title: 'APNs got neither a client certificate nor a provider token (MissingProviderToken)',
    summary: 'The connection used no provider certificate and the request had no authorization: bearer <token> header.',
    fixes: ['Send authorization: bearer <provider token> on every request, or connect with the push certificate.'],
    source: APNS,
  },
  {
    id: 'apns.too_many_token_updates',
    vendor: 'Apple Push Notification service',
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    status: [429],
    host: HOST,
    body: reason('TooManyProviderTokenUpdates'),
    title: 'APNs saw the provider token change too often (TooManyProviderTokenUpdates)',
    summary: 'A new token was sent more often than once every 20 minutes.',
    fixes: ['Cache the signed provider token and reuse it for 20-60 minutes instead of signing one per request.'],
    source: APNS,
  },
];
