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

export function readCredentials(x: Exchange): Credentials {
  const apiKeys: ApiKeyUse[] = [];
  for (const name of x.req.names()) {
    if (isKeyHeader(name)) apiKeys.push({ in: 'header', name, value: x.req.get(name) ?? '' });
  }
  if (x.url) {
    for (const [name, value] of x.url.searchParams) {
      if (API_KEY_PARAMS.has(name.toLowerCase())) apiKeys.push({ in: 'query', name, value });
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

export function credentialsOf(ctx: RuleContext): Credentials {
  return ctx.once('credentials', () => readCredentials(ctx.x));
}
