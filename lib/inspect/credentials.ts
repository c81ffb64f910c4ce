import type { RuleContext } from '../core/context';
import type { Exchange } from '../model/exchange';
import { hiddenHeaderValueOf, hiddenValueOf } from './hidden';
import { API_KEY_PARAMS, isKeyHeader } from '../model/key-names';

export interface ApiKeyUse {
  in: 'header' | 'query' | 'cookie';
  name: string;
  value: string;
}

/** What the request presented to prove who it is. */
export interface Credentials {
  authorization: string | null;
  proxyAuthorization: string | null;
  apiKeys: ApiKeyUse[];
  /** Cookies sent, parsed from the Cookie header(s). */
  cookies: { name: string; value: string }[];
  /** True when any credential at all was sent (cookies count). */
  any: boolean;
  /** Credentials the capture shows only as a placeholder ("Authorization: [REDACTED]"), for evidence. */
  hidden: string[];
}

export function parseCookieHeader(value: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (name) out.push({ name, value: eq === -1 ? '' : part.slice(eq + 1).trim() });
  }
  return out;
}

/**
 * OAuth's own requests name the client in `client_id` beside `response_type`, `redirect_uri` or
 * `grant_type` (RFC 6749 §4.1.1, §4.4.2); elsewhere a `client_id` in the query is the key an
 * application presents for public access: Unsplash ("pass your Access Key via the client_id
 * query parameter", https://unsplash.com/documentation#public-authentication), SoundCloud
 * (https://developers.soundcloud.com/docs/api/guide#authentication, before 2021).
 */
function isOAuthProtocol(q: URLSearchParams): boolean {
  return q.has('response_type') || q.has('redirect_uri') || q.has('grant_type');
}

export function readCredentials(x: Exchange): Credentials {
  const apiKeys: ApiKeyUse[] = [];
  for (const name of x.req.names()) {
    if (isKeyHeader(name)) apiKeys.push({ in: 'header', name, value: x.req.get(name) ?? '' });
  }
  if (x.url) {
    const q = x.url.searchParams;
    for (const [name, value] of q) {
      if (API_KEY_PARAMS.has(name.toLowerCase()) || (name === 'client_id' && !isOAuthProtocol(q)))
        apiKeys.push({ in: 'query', name, value });
    }
  }
  const cookies = x.req.getAll('cookie').flatMap(parseCookieHeader);
  const authorization = x.req.get('authorization') ?? null;
  const proxyAuthorization = x.req.get('proxy-authorization') ?? null;
  const hidden: string[] = [];
  const note = (label: string, value: string | null) => {
    const h = value === null ? null : hiddenHeaderValueOf(value);
    if (h) hidden.push(`${label}: ${h.slice(0, 40)}`);
  };
  note('Authorization', authorization);
  note('Proxy-Authorization', proxyAuthorization);
  for (const k of apiKeys) note(`${k.name.slice(0, 40)} (${k.in})`, k.value);
  const cookieHeader = x.req.getAll('cookie');
  if (cookieHeader.length > 0 && cookieHeader.every((v) => hiddenHeaderValueOf(v) !== null))
    note('Cookie', cookieHeader[0]!);
  else for (const c of cookies) if (c.value && hiddenValueOf(c.value)) note(`cookie ${c.name.slice(0, 40)}`, c.value);
  return {
    authorization,
    proxyAuthorization,
    apiKeys,
    cookies,
    hidden,
    any: authorization !== null || proxyAuthorization !== null || apiKeys.length > 0 || cookies.length > 0,
  };
}

// A key by its name (x-api-key, ?api_key=, ?key=, Ocp-Apim-Subscription-Key, ?client_id=), not a
// user's session or token travelling in a custom header (X-Parse-Session-Token, ?access_token=).
const KEY_NAME = /key|client_id|app_?id/i;
const SESSION_NAME = /session|token|auth/i;

// A credential field with a value in a JSON or form body ("idToken", "refresh_token", "client_secret",
// "password"). Bounded, so a crafted body costs little.
const BODY_CREDENTIAL =
  /(?:^|&)[\w.-]{0,40}?(?:token|secret|password|assertion)=[^&\s]|"[\w.-]{0,40}?(?:token|secret|password|assertion)"\s*:\s*"[^"\s]/i;

/**
 * The request's only credentials are API keys named as keys: no Authorization, no cookie, no
 * session or token header, no token or password in the body (Firebase's `?key=` beside
 * `{"idToken":…}`: INVALID_ID_TOKEN refuses the token, not the key). Then the key is what the
 * server judged, and "not accepted" means the key (api_key.*), not a user's credential.
 */
export function keyOnly(c: Credentials, x: Exchange): boolean {
  return (
    c.apiKeys.length > 0 &&
    c.authorization === null &&
    c.cookies.length === 0 &&
    c.apiKeys.every((k) => KEY_NAME.test(k.name) && !SESSION_NAME.test(k.name)) &&
    !BODY_CREDENTIAL.test(x.requestBody?.slice(0, 16 * 1024) ?? '')
  );
}

export function credentialsOf(ctx: RuleContext): Credentials {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('credentials', () => readCredentials(ctx.x));
}
