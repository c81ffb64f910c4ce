import type { EvidenceWhere } from '../core/causes';
import type { RuleContext } from '../core/context';
import type { Exchange } from '../model/exchange';
import { authorizationOf, type AuthorizationReading } from './authorization';
import { parseCookieHeader } from './credentials';
import { decodeJwt, looksLikeJwt, type Jwt } from './jwt';

/** A JWT the request carried, and where. */
export interface FoundJwt {
  where: Extract<EvidenceWhere, 'request.header' | 'request.cookie' | 'request.query'>;
  /** Header, cookie or parameter name, lower-cased for headers. */
  name: string;
  jwt: Jwt;
  length: number;
  /** It was the Authorization credential: the one the server surely read. */
  primary: boolean;
}

const SKIP_HEADERS = new Set(['authorization', 'cookie', 'referer', 'user-agent', 'accept', 'content-type']);
const MAX_SCAN = 64;

function safeDecodeURIComponent(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Every decodable JWT in the request: Authorization first, then other headers, cookies, query. */
export function findJwts(x: Exchange, auth: AuthorizationReading | null): FoundJwt[] {
  const out: FoundJwt[] = [];
  const seen = new Set<string>();
  const add = (where: FoundJwt['where'], name: string, raw: string, primary = false) => {
    const token = raw.trim().replace(/^bearer\s+/i, '');
    if (seen.has(token) || !looksLikeJwt(token)) return;
    const d = decodeJwt(token);
    if (!d.ok) return;
    seen.add(token);
    out.push({ where, name, jwt: d.jwt, length: token.length, primary });
  };
  if (auth?.jwt) {
    const v = (x.req.get('authorization') ?? '').trim();
    const token = v.slice(v.lastIndexOf(' ') + 1).replace(/^["']|["']$/g, '');
    seen.add(token);
    out.push({
      where: 'request.header',
      name: 'authorization',
      jwt: auth.jwt,
      length: auth.credentialLength || token.length,
      primary: true,
    });
  }
  for (const name of x.req.names().slice(0, MAX_SCAN)) {
    if (!SKIP_HEADERS.has(name)) add('request.header', name, x.req.get(name) ?? '');
  }
  for (const c of x.req.getAll('cookie').flatMap(parseCookieHeader).slice(0, MAX_SCAN)) {
    add('request.cookie', c.name, safeDecodeURIComponent(c.value));
  }
  if (x.url) {
    let n = 0;
    for (const [name, value] of x.url.searchParams) {
      if (n++ >= MAX_SCAN) break;
      add('request.query', name, value);
    }
  }
  return out;
}

export function jwtsOf(ctx: RuleContext): FoundJwt[] {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:jwts', () => findJwts(ctx.x, authorizationOf(ctx)));
}
