import type { Exchange } from '../model/exchange';
import { parseJsonBody, type Json } from './json-body';
import { isObj, MAX_ITEMS, str } from './json-fields';

// OAuth's `state` is the client's CSRF protection for the redirect back from the authorization
// server (RFC 6749 §10.12, https://www.rfc-editor.org/rfc/rfc6749#section-10.12): the client binds
// it to the browser that started the sign-in and refuses a callback whose state it did not issue
// or cannot verify. That refusal is csrf.invalid, whatever the HTTP status: Saleor's OpenID Connect
// plugin answers a GraphQL 200, {"code":"INVALID","field":"state","message":"Bad signature"}
// (test/fixtures/realworld/saleor__saleor-sdk).

/**
 * How libraries word it: openid-client "state mismatch, expected %s, got: %s"
 * (https://github.com/panva/node-openid-client/blob/v5.6.5/lib/client.js), passport-oauth2
 * "Unable to verify authorization request state." (lib/state/session.js), Auth.js "State cookie
 * was missing." / "state value could not be parsed" (https://authjs.dev/reference/core/errors#invalidcheck).
 */
const STATE_REFUSED =
  /\bstate\b[^.\n]{0,40}?\b(?:mismatch|invalid|does\s+not\s+match|could\s+not\s+be\s+(?:parsed|verified)|was\s+missing|expired)\b|\b(?:verify|invalid|bad|missing|unknown)\b[^.\n]{0,40}?\b(?:authorization\s+request\s+)?state\b/i;
const MESSAGE_KEYS = ['message', 'error_description', 'error', 'detail', 'msg'];

/** `name: value` or `name=value` with a value of 8+ characters, quoted, JSON-escaped or bare. */
const bodyField = (name: string) => new RegExp(`\\b${name}\\\\?["']?\\s*[:=]\\s*\\\\?["']?[^"'\\\\&\\s,}]{8,}`);
// Built once: flagging asks every entry of a log (lib/diagnose/hidden-refusal.ts).
const CODE_FIELD = bodyField('code');
const STATE_FIELD = bodyField('state');

/**
 * The request hands an authorization response back: a `code` and a `state`, each a value of 8+
 * characters (random, as RFC 6749 §10.10 and §10.12 ask; a 2-letter "CA" is an address's state),
 * in the query or anywhere in the body (JSON escaped inside a GraphQL variable too).
 */
function carriesCallback(x: Exchange): boolean {
  const q = x.url?.searchParams;
  if ((q?.get('code')?.length ?? 0) >= 8 && (q?.get('state')?.length ?? 0) >= 8) return true;
  const body = x.requestBody?.slice(0, 16 * 1024) ?? '';
  return STATE_FIELD.test(body) && CODE_FIELD.test(body);
}

export interface StateRefusal {
  /** Where the words sat ("/data/externalObtainAccessTokens/errors/0", "status text"). */
  at: string;
  said: string;
}

/** Error objects of a JSON body, a few levels down: those naming the `state` field, or saying so. */
function fromJson(v: Json, at: string, depth: number): StateRefusal | null {
  if (depth > 5) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < Math.min(v.length, MAX_ITEMS); i++) {
      const found = fromJson(v[i]!, `${at}/${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObj(v)) return null;
  const message = MESSAGE_KEYS.map((k) => str(v[k])).find((m) => m !== undefined);
  const field = str(v.field) ?? str(v.param) ?? str(v.parameter);
  // An error on the `state` field of a call that hands back a random state is about that state.
  if (field?.toLowerCase() === 'state' && message?.trim()) return { at, said: `field state: ${message}` };
  if (message !== undefined && STATE_REFUSED.test(message)) return { at, said: message };
  for (const k of Object.keys(v).slice(0, MAX_ITEMS)) {
    const child = v[k]!;
    if (typeof child === 'object' && child !== null) {
      const found = fromJson(child, `${at}/${k}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** The server's refusal of the OAuth state a sign-in callback carried, or null. */
export function stateRefusalOf(x: Exchange): StateRefusal | null {
  if (x.isPreflight || x.status >= 500 || (x.status >= 300 && x.status < 400) || !carriesCallback(x)) return null;
  const json = parseJsonBody(x.body.text);
  const found = json === undefined ? null : fromJson(json, '', 0);
  if (found) return found;
  const text = x.body.text?.trim() ?? '';
  if (json === undefined && text.length <= 300 && STATE_REFUSED.test(text)) return { at: 'body', said: text };
  return STATE_REFUSED.test(x.statusText) ? { at: 'status text', said: x.statusText } : null;
}
