import type { Exchange } from '../model/exchange';
import type { Credentials } from './credentials';

/**
 * Where a CSRF token travelled. Frameworks pair a cookie with a header or form field:
 * Laravel/Angular/axios XSRF-TOKEN → X-XSRF-TOKEN, Django csrftoken → X-CSRFToken,
 * Express csurf _csrf → CSRF-Token/X-CSRF-Token, Rails authenticity_token → X-CSRF-Token.
 */
export interface CsrfReading {
  /** The CSRF cookie the request carried, if any. */
  cookie?: string;
  /** The CSRF header the request carried, if any. */
  header?: string;
  /** A CSRF field in the (form or JSON) body. */
  bodyField?: string;
  /** Double-submit pair (XSRF-TOKEN cookie ↔ X-XSRF-TOKEN header) with different values. */
  mismatch?: boolean;
  /** POST, PUT, PATCH, DELETE: the methods CSRF protection checks. */
  unsafe: boolean;
}

const COOKIE =
  /^(xsrf-token|csrftoken|csrf_token|csrf-token|_csrf|csrf|_xsrf|__host-csrf[\w-]*|__secure-csrf[\w-]*|x-csrf-token|csrf_cookie_name|ci_csrf_token|_csrf_token)$/i;
const HEADER =
  /^(x-csrf-token|x-xsrf-token|x-csrftoken|csrf-token|xsrf-token|x-csrf-header|x-requested-csrf|x-csrf|requestverificationtoken|x-xsrftoken)$/i;
const FIELD =
  /(?:^|[&{,"\s])(csrfmiddlewaretoken|_token|_csrf|authenticity_token|csrf_token|__requestverificationtoken|_csrf_token|ci_csrf_token)"?\s*[=:]/i;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function decode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function readCsrf(x: Exchange, creds: Credentials): CsrfReading {
  const r: CsrfReading = { unsafe: UNSAFE.has(x.method) };
  const cookie = creds.cookies.find((c) => COOKIE.test(c.name));
  if (cookie) r.cookie = cookie.name;
  const header = x.req.names().find((n) => HEADER.test(n));
  if (header) r.header = header;
  const body = x.requestBody?.slice(0, 64 * 1024);
  const field = body ? FIELD.exec(body) : null;
  if (field) r.bodyField = field[1];
  if (cookie && /^xsrf-token$/i.test(cookie.name)) {
    const h = x.req.get('x-xsrf-token');
    if (h !== undefined && decode(h.trim()) !== decode(cookie.value.trim())) r.mismatch = true;
  }
  return r;
}
