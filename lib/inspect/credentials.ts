import type { RuleContext } from '../diagnose/context';
import type { Exchange } from '../model/exchange';

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
}

// Header names API gateways document for keys: AWS API Gateway, Azure APIM, Google,
// Kong, Apigee, RapidAPI, plus the common conventions.
const KEY_HEADERS = new Set([
  'x-api-key',
  'api-key',
  'apikey',
  'x-apikey',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'x-functions-key',
  'x-rapidapi-key',
  'x-auth-token',
  'x-access-token',
  'x-app-key',
  'x-application-key',
  'x-client-key',
  'private-token',
  // Gravitee, IBM API Connect, Tyk/3scale conventions and common variants.
  'x-gravitee-api-key',
  'x-ibm-client-id',
  'x-api-token',
  'x-auth-key',
  'x-subscription-key',
  'x-api-secret',
  'x-user-key',
  'x-token',
]);
const KEY_PARAMS = new Set([
  'key',
  'api_key',
  'apikey',
  'api-key',
  'x-api-key',
  'subscription-key',
  'access_token',
  'access-token',
  'auth_token',
  'token',
  'jwt',
  'app_key',
  'appid',
  'client_key',
  'user_key',
  'hapikey',
]);

export function parseCookieHeader(value: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (name) out.push({ name, value: eq === -1 ? '' : part.slice(eq + 1).trim() });
  }
  return out;
}

export function readCredentials(x: Exchange): Credentials {
  const apiKeys: ApiKeyUse[] = [];
  for (const name of x.req.names()) {
    if (KEY_HEADERS.has(name)) apiKeys.push({ in: 'header', name, value: x.req.get(name) ?? '' });
  }
  if (x.url) {
    for (const [name, value] of x.url.searchParams) {
      if (KEY_PARAMS.has(name.toLowerCase())) apiKeys.push({ in: 'query', name, value });
    }
  }
  const cookies = x.req.getAll('cookie').flatMap(parseCookieHeader);
  const authorization = x.req.get('authorization') ?? null;
  const proxyAuthorization = x.req.get('proxy-authorization') ?? null;
  return {
    authorization,
    proxyAuthorization,
    apiKeys,
    cookies,
    any: authorization !== null || proxyAuthorization !== null || apiKeys.length > 0 || cookies.length > 0,
  };
}

export function credentialsOf(ctx: RuleContext): Credentials {
  return ctx.once('credentials', () => readCredentials(ctx.x));
}
