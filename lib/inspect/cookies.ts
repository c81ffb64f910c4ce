/** A Set-Cookie as a browser stores it (RFC 6265 §5.2/§5.3, SameSite and Partitioned from RFC 6265bis). */
export interface SetCookie {
  name: string;
  /** The value is a secret (a session id): only its length is kept. */
  valueLength: number;
  /** Lower-cased, without the leading dot. */
  domain: string;
  /** No Domain attribute: the cookie goes back to the exact host only. */
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** `default` when absent or unrecognised: Chrome then treats it as Lax. */
  sameSite: 'strict' | 'lax' | 'none' | 'default';
  partitioned: boolean;
  /** When it stops being sent (ms since epoch); null for a session cookie. */
  expiresAt: number | null;
  /** Why the browser refused to store it at all, if it did. */
  rejected?: string;
}

/** RFC 6265 §5.1.4 default-path: the request path up to, not including, its last "/". */
export function defaultPath(pathname: string): string {
  if (!pathname.startsWith('/')) return '/';
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// A URL's IPv6 hostname is bracketed and holds colons: the colon finds it.
const isIp = (host: string) => IPV4.test(host) || host.includes(':');

/** RFC 6265 §5.1.3 domain-match. */
export function domainMatch(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase().replace(/^\./, '');
  if (h === d) return true;
  return !isIp(h) && d !== '' && h.endsWith(`.${d}`);
}

/** RFC 6265 §5.1.4 path-match. */
export function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$|\.localhost$/;
/** Browsers treat http://localhost as a secure context, and store and send Secure cookies there. */
export function isPotentiallyTrustworthy(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:' || LOCAL.test(url.hostname);
}

/**
 * Parses one Set-Cookie value received from `from` at `setAt` (ms; null when unknown).
 * Never throws; refusals the browser would apply at storage time are named in `rejected`.
 */
export function parseSetCookie(value: string, from: URL, setAt: number | null): SetCookie | null {
  const [pair = '', ...attrs] = value.slice(0, 8192).split(';');
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
  const cookieValue = (eq === -1 ? pair : pair.slice(eq + 1)).trim();
  if (name === '' && cookieValue === '') return null;
  const host = from.hostname.toLowerCase();
  const c: SetCookie = {
    name,
    valueLength: cookieValue.length,
    domain: host,
    hostOnly: true,
    path: defaultPath(from.pathname),
    secure: false,
    httpOnly: false,
    sameSite: 'default',
    partitioned: false,
    expiresAt: null,
  };
  let maxAge: number | null = null;
  let expires: number | null = null;
  let domainAttr: string | null = null;
  for (const a of attrs) {
    const i = a.indexOf('=');
    const key = (i === -1 ? a : a.slice(0, i)).trim().toLowerCase();
    const v = i === -1 ? '' : a.slice(i + 1).trim();
    if (key === 'expires') {
      const t = Date.parse(v);
      if (Number.isFinite(t)) expires = t;
    } else if (key === 'max-age') {
      if (/^-?\d+$/.test(v)) maxAge = Number(v);
    } else if (key === 'domain') {
      // RFC 6265 §5.2.3: the leading dot goes first; an empty value (`Domain=`, `Domain=.`) is
      // ignored, so the cookie stays host-only (§5.3 step 6), as Chrome stores it.
      const d = v.replace(/^\./, '').toLowerCase();
      if (d !== '') domainAttr = d;
    } else if (key === 'path') {
      c.path = v.startsWith('/') ? v : defaultPath(from.pathname);
    } else if (key === 'secure') c.secure = true;
    else if (key === 'httponly') c.httpOnly = true;
    else if (key === 'partitioned') c.partitioned = true;
    else if (key === 'samesite') {
      const s = v.toLowerCase();
      c.sameSite = s === 'strict' || s === 'lax' || s === 'none' ? s : 'default';
    }
  }
  // Max-Age wins over Expires (§5.3 step 3); a non-positive Max-Age deletes the cookie.
  if (maxAge !== null) c.expiresAt = maxAge <= 0 ? -Infinity : setAt !== null ? setAt + maxAge * 1000 : null;
  else if (expires !== null) c.expiresAt = expires;
  if (domainAttr !== null) {
    c.domain = domainAttr;
    c.hostOnly = false;
    if (!domainMatch(host, domainAttr))
      c.rejected = `Domain=${domainAttr} does not cover the host that set it (${host})`;
  }
  if (c.secure && !isPotentiallyTrustworthy(from)) c.rejected ??= 'Secure cookie set over plain http';
  if (c.sameSite === 'none' && !c.secure) c.rejected ??= 'SameSite=None without Secure';
  if (c.partitioned && !c.secure) c.rejected ??= 'Partitioned without Secure';
  if (name.startsWith('__Secure-') && !c.secure) c.rejected ??= '__Secure- prefix without Secure';
  if (name.startsWith('__Host-') && (!c.secure || !c.hostOnly || c.path !== '/'))
    c.rejected ??= '__Host- prefix needs Secure, Path=/ and no Domain';
  return c;
}

/** Why this stored cookie would not go with a request to `url` at `at`, or null if it would. */
export function notSentBecause(c: SetCookie, url: URL, at: number | null): string | null {
  const host = url.hostname.toLowerCase();
  if (c.hostOnly ? host !== c.domain : !domainMatch(host, c.domain)) {
    return c.hostOnly
      ? `it is host-only for ${c.domain} (no Domain attribute), the request went to ${host}`
      : `Domain=${c.domain} does not cover ${host}`;
  }
  if (!pathMatch(url.pathname || '/', c.path)) return `Path=${c.path} does not cover ${url.pathname}`;
  if (c.secure && !isPotentiallyTrustworthy(url)) return 'it is Secure and the request went over plain http';
  if (c.expiresAt !== null && at !== null && c.expiresAt <= at)
    return c.expiresAt === -Infinity ? 'it was deleted (Max-Age=0)' : 'it had expired';
  return null;
}
