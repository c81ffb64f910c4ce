import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Self-hosted data services whose refusal reads as another cause without their own row: RabbitMQ's management API
// answers a known user without the management tag with the 401 of a failed login; Typesense answers a wrong key
// with "Forbidden" (which a shared table reads as a permission) at 401; Meilisearch calls an Authorization header
// without "Bearer" a missing one; Synology DSM answers every Web API error with HTTP 200 and a bare numeric code.
const RABBITMQ = 'https://www.rabbitmq.com/docs/management#permissions';
const TYPESENSE = 'https://typesense.org/docs/latest/api/api-errors.html';
const MEILISEARCH = 'https://www.meilisearch.com/docs/reference/errors/error_codes#missing_authorization_header';
const SYNOLOGY =
  'https://global.download.synology.com/download/Document/Software/DeveloperGuide/Os/DSM/All/enu/DSM_Login_Web_API_Guide_enu.pdf';
const TYPESENSE_WORDS = /a valid `x-typesense-api-key` header must be sent/i;
// DSM's error answer is exactly {"error":{"code":N},"success":false} (either key first): the shape, not a host,
// identifies it, since every NAS has its own address.
const dsm = (code: number) =>
  new RegExp(
    `^\\s*\\{\\s*(?:"error"\\s*:\\s*\\{\\s*"code"\\s*:\\s*${code}\\s*\\}\\s*,\\s*"success"\\s*:\\s*false|"success"\\s*:\\s*false\\s*,\\s*"error"\\s*:\\s*\\{\\s*"code"\\s*:\\s*${code}\\s*\\})\\s*\\}\\s*$`,
  );

export const SELF_HOSTED_DATA: readonly Signature[] = [
  {
    id: 'rabbitmq.not_management_user',
    vendor: 'RabbitMQ',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401, 403],
    body: /"error"\s*:\s*"not_authori[sz]ed"\s*,\s*"reason"\s*:\s*"Not (?:management|monitor|administrator) user"/i,
    title: 'RabbitMQ knows the user but its tags do not allow the management API (Not management user)',
    summary:
      'The username and password were accepted; the user lacks the management (or monitoring / administrator) tag ' +
      'the HTTP API requires for this endpoint, so RabbitMQ answers 401 as if the login had failed.',
    fixes: ['Give the user the tag: rabbitmqctl set_user_tags <user> management (or monitoring / administrator).'],
    source: RABBITMQ,
  },
  {
    id: 'typesense.invalid_key',
    vendor: 'Typesense',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401],
    body: TYPESENSE_WORDS,
    requires: 'api-key',
    title: 'Typesense did not accept the X-TYPESENSE-API-KEY sent',
    summary:
      'A key was sent and Typesense refused it: unknown, expired, or a scoped/search-only key used for an action or ' +
      'collection it does not cover. ("Forbidden" in the message is Typesense\'s wording for any key refusal.)',
    fixes: [
      'Use the admin or bootstrap key for collection and key management; search-only keys only for documents:search.',
    ],
    source: TYPESENSE,
  },
  {
    id: 'typesense.missing_key',
    vendor: 'Typesense',
    cause: 'api_key.missing',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401],
    body: TYPESENSE_WORDS,
    requires: 'no-api-key',
    title: 'Typesense wants an X-TYPESENSE-API-KEY and none was sent',
    summary: 'Every Typesense endpoint except /health needs the key in the X-TYPESENSE-API-KEY header (or query).',
    fixes: ['Send the key in the X-TYPESENSE-API-KEY header.'],
    source: TYPESENSE,
  },
  {
    id: 'meilisearch.authorization_not_bearer',
    vendor: 'Meilisearch',
    cause: 'auth.malformed',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401],
    body: /"code"\s*:\s*"missing_authorization_header"/,
    requires: 'authorization',
    title: 'Meilisearch did not read the Authorization header: it must be "Bearer <key>"',
    summary:
      'An Authorization header was sent, yet Meilisearch calls it missing: it reads only the Bearer scheme, so a ' +
      'bare key (or another scheme) counts as no header at all.',
    fixes: ['Send Authorization: Bearer <API key>.'],
    source: MEILISEARCH,
  },
  {
    id: 'synology.sid_not_found',
    vendor: 'Synology DSM',
    group: 'synology',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    status: [200],
    flags: true,
    body: dsm(119),
    title: 'Synology DSM does not know the session id (error 119: SID not found)',
    summary: 'The _sid (or id cookie) is not a session of this NAS: logged out, from another NAS, or mistyped.',
    fixes: ['Log in again with SYNO.API.Auth (method=login) and send the new sid with each call.'],
    source: SYNOLOGY,
  },
  {
    id: 'synology.no_permission',
    vendor: 'Synology DSM',
    group: 'synology',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    status: [200],
    flags: true,
    body: dsm(105),
    title: 'Synology DSM: the logged-in session may not call this API (error 105)',
    summary: "The session is valid, but its user's rights (or the application privileges) do not cover this API.",
    fixes: ["Use an administrator's session, or grant the user the application privilege in DSM's Control Panel."],
    source: SYNOLOGY,
  },
  {
    id: 'synology.session_timeout',
    vendor: 'Synology DSM',
    group: 'synology',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likely,
    status: [200],
    flags: true,
    body: dsm(106),
    title: 'Synology DSM: the session timed out (error 106)',
    summary: 'The sid was valid but its session has expired.',
    fixes: ['Log in again (SYNO.API.Auth, method=login) and retry with the new sid.'],
    source: SYNOLOGY,
  },
];
