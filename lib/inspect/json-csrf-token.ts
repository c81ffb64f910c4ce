import type { LogIndex } from '../core/log-index';
import { startedBefore, type Exchange } from '../model/exchange';
import { CSRF_METHODS } from './csrf';
import { parseJsonBody } from './json-body';
import { sentToken, type PageCsrfToken } from './page-csrf-token';

/**
 * The anti-CSRF token a JSON endpoint handed the client (the synchronizer-token pattern for script clients): the
 * server keeps the token in the session and gives it out as a small JSON object, which the client must send back on
 * every unsafe request. Sails' `GET /csrfToken` answers `{"_csrf": "…"}` and takes it back in `X-CSRF-Token` or the
 * `_csrf` field (https://sailsjs.com/documentation/concepts/security/csrf); Auth.js's `GET /api/auth/csrf` answers
 * `{"csrfToken": "…"}` for its sign-in and sign-out POSTs (https://authjs.dev/reference/core/types#authaction).
 * When the capture holds that answer (an earlier 2xx GET to the same origin), an unsafe request refused without the
 * token, or with another value, is the request the check refuses, as with a page's hidden field (page-csrf-token.ts).
 */

const FIELD = /^(?:_csrf|csrfToken|csrf_token|csrf|xsrfToken|_token)$/;
/** A token object is small; a larger JSON body is data that happens to carry a field of that name. */
const TOKEN_BODY_MAX = 2048;
/** How far back the log is read (a token is fetched shortly before it is used). */
const LOOK_BACK = 500;

/**
 * Whether a body may be such a token object, cheaply (no parse): the panel's import keeps such bodies back from
 * being let go (lib/diagnose/stated-refusal.ts bodyCanFlag), since a later refusal is read with them.
 */
export function mayBeCsrfTokenBody(x: Exchange): boolean {
  const text = x.body.text;
  return (
    x.method === 'GET' &&
    x.status >= 200 &&
    x.status < 300 &&
    !!text &&
    text.length <= TOKEN_BODY_MAX &&
    /^\s*\{/.test(text) &&
    /csrf|xsrf|_token/i.test(text)
  );
}

function tokenIn(y: Exchange): { field: string; value: string } | null {
  const text = y.body.text;
  if (!text || text.length > TOKEN_BODY_MAX) return null;
  // Only an object's keys can name the field (an array's are indices); unparsable text has none.
  const entries = Object.entries(parseJsonBody(text) ?? {});
  if (entries.length > 3) return null;
  const hit = entries.find(([k, v]) => FIELD.test(k) && typeof v === 'string' && v.length >= 8);
  return hit ? { field: hit[0], value: hit[1] as string } : null;
}

export function jsonCsrfToken(x: Exchange, log: LogIndex): PageCsrfToken | null {
  if (!CSRF_METHODS.has(x.method) || !x.url) return null;
  const list = log.exchanges;
  let seen = 0;
  for (let i = list.length - 1; i >= 0 && seen < LOOK_BACK; i--) {
    const y = list[i]!;
    // x itself is never a GET (CSRF_METHODS), so the loop needs no check against it.
    if (y.method !== 'GET' || y.status < 200 || y.status > 299) continue;
    if (y.url?.origin !== x.url.origin || !startedBefore(y, x)) continue;
    seen++;
    const token = tokenIn(y);
    if (!token) continue;
    const sent = sentToken(x, token.field);
    if (sent && sent.value === token.value) return null;
    return {
      page: y,
      field: token.field,
      value: token.value,
      sent: sent ? 'other' : 'none',
      ...(sent ? { sentIn: sent.where } : {}),
    };
  }
  return null;
}
