import type { RuleContext } from '../core/context';
import type { Exchange } from '../model/exchange';

/**
 * A call to an OAuth 2.0 token endpoint (RFC 6749 §3.2). Its credentials travel in the body
 * (client_secret, code, refresh_token, password, client_assertion) or as HTTP Basic client
 * authentication, so "no Authorization header" never means "no credentials were sent": a
 * refusal here is about the client's credentials or the grant.
 */
export interface TokenEndpointCall {
  /** The grant_type sent, when the body could be read. */
  grantType: string | null;
  /** How the client authenticated, as far as the request shows. */
  clientAuth: 'basic' | 'secret-in-body' | 'assertion' | 'none-seen';
  /** What made it a token endpoint, for evidence. */
  why: string;
}

// Well-known token paths: /token, /oauth/token, /oauth2/token, /oauth2/v2.0/token (Entra ID),
// /connect/token (IdentityServer), /protocol/openid-connect/token (Keycloak), /v1/token (Okta),
// /login/oauth/access_token (GitHub), /oauth2/v4/token and /o/oauth2/token (Google, older).
const TOKEN_PATH = /\/(?:access_)?token\/?$/i;

function formOrJson(body: string, name: string): string | null {
  const form = new RegExp(`(?:^|&)${name}=([^&]{0,200})`).exec(body);
  if (form) {
    try {
      return decodeURIComponent(form[1]!.replace(/\+/g, ' '));
    } catch {
      return form[1]!;
    }
  }
  const json = new RegExp(`"${name}"\\s*:\\s*"([^"]{0,200})"`).exec(body);
  return json ? json[1]! : null;
}

export function readTokenEndpoint(x: Exchange): TokenEndpointCall | null {
  if (x.method !== 'POST' || x.isPreflight) return null;
  const body = x.requestBody?.slice(0, 16 * 1024) ?? '';
  const grantType = body ? formOrJson(body, 'grant_type') : null;
  const path = x.url?.pathname ?? '';
  if (grantType === null && !TOKEN_PATH.test(path)) return null;
  const basic = /^\s*basic\s/i.test(x.req.get('authorization') ?? '');
  const clientAuth = basic
    ? 'basic'
    : body && formOrJson(body, 'client_assertion') !== null
      ? 'assertion'
      : body && formOrJson(body, 'client_secret') !== null
        ? 'secret-in-body'
        : 'none-seen';
  return {
    grantType,
    clientAuth,
    why: grantType !== null ? `grant_type=${grantType.slice(0, 40)} in the request body` : `POST to ${path.slice(-60)}`,
  };
}

export function tokenEndpointOf(ctx: RuleContext): TokenEndpointCall | null {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:token-endpoint', () => readTokenEndpoint(ctx.x));
}
