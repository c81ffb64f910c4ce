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
/** A cookie that carries an anti-CSRF token (Tornado's `_xsrf`, Django's `csrftoken`, Angular's `XSRF-TOKEN`): no identity. */
export const isCsrfCookie = (name: string): boolean => COOKIE.test(name);
const HEADER =
  /^(x-csrf-token|x-xsrf-token|x-csrftoken|csrf-token|xsrf-token|x-csrf-header|x-requested-csrf|x-csrf|requestverificationtoken|x-xsrftoken)$/i;
const FIELD =
  /(?:^|[&{,"\s])(csrfmiddlewaretoken|_token|_csrf|authenticity_token|csrf_token|__requestverificationtoken|_csrf_token|ci_csrf_token)"?\s*[=:]/i;
/** The methods CSRF protection checks (the rest are safe methods it lets through). */
export const CSRF_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function decode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

export function readCsrf(x: Exchange, creds: Credentials): CsrfReading {
  const r: CsrfReading = { unsafe: CSRF_METHODS.has(x.method) };
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

/** A form-like POST another origin sent: what an origin-checking CSRF defence refuses. */
export interface CrossOriginForm {
  /** The Origin header the browser sent. */
  origin: string;
  /** Sec-Fetch-Site, when the browser sent it (same-site, cross-site). */
  site?: string;
  /** The request's Content-Type: one a plain HTML form can send. */
  type: string;
}

// The content types a cross-site form (or a "simple" fetch) can send without a preflight (Fetch, CORS-safelisted
// request-header Content-Type): the only requests CSRF can forge, so the only ones origin checks refuse.
const FORM_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * An unsafe request with a form's content type whose browser-sent Origin is not the target's origin (or whose
 * Sec-Fetch-Site says so). Origin-checking CSRF defences refuse exactly this, often with a bare 403: Hono's csrf
 * (https://hono.dev/docs/middleware/builtin/csrf), Go's http.CrossOriginProtection
 * (https://pkg.go.dev/net/http#CrossOriginProtection), SvelteKit's csrf.checkOrigin, Rails'
 * forgery_protection_origin_check; OWASP's "verifying origin with standard headers"
 * (https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html).
 */
export function crossOriginForm(x: Exchange): CrossOriginForm | null {
  if (!CSRF_METHODS.has(x.method) || !x.url) return null;
  const type = x.req.get('content-type') ?? '';
  if (!FORM_TYPE.test(type)) return null;
  const origin = x.req.get('origin')?.trim();
  if (!origin || origin === 'null') return null;
  const site = x.req.get('sec-fetch-site')?.trim().toLowerCase();
  if (site === 'same-origin' || origin.toLowerCase() === x.url.origin.toLowerCase()) return null;
  return { origin, type: type.split(';')[0]!.trim(), ...(site ? { site } : {}) };
}
