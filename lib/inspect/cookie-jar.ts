import { anyOf } from '../core/any-of';
import type { RuleContext } from '../core/context';
import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';
import { credentialsOf } from './credentials';
import { domainMatch, notSentBecause, parseSetCookie, pathMatch, type SetCookie } from './cookies';
import { registrableDomain, siteRelation, type SiteRelation } from './site';

export type NotSentReason =
  'samesite' | 'secure' | 'domain' | 'path' | 'expired' | 'rejected' | 'credentials-mode' | 'third-party' | 'unknown';

/** A cookie the log shows being set for this host, that this request did not carry. */
export interface MissingCookie {
  cookie: SetCookie;
  from: Exchange;
  kind: NotSentReason;
  /** Why, in words, or a list of possibilities when `kind` is unknown. */
  reason: string;
  sessionLike: boolean;
}

export interface CookieVerdict {
  relation: SiteRelation;
  relationFrom: 'sec-fetch-site' | 'origin' | 'none';
  sent: string[];
  missing: MissingCookie[];
}

// Names frameworks give their session and auth cookies; CSRF cookies are deliberately not here. "AuthCookie" inside
// a product's name: Proxmox VE's PVEAuthCookie (https://pve.proxmox.com/wiki/Proxmox_VE_API#Authentication).
const SESSION = anyOf(
  /sess|^sid$|[._-]sid$|^auth|[._-]auth|authcookie|token|jwt|login|remember|identity|jsessionid|phpsessid/,
  /connect\.sid|aspnet|\.aspxauth|laravel_session|_session$|^session/,
  'i',
);
const NOT_SESSION = anyOf(
  /csrf|xsrf|^_ga|^_gid|^_fbp|^_hj|^ajs_|consent|^optanon|^__cf_bm$|^_cfuvid$|^cf_clearance$/,
  /^__stripe|^amplitude|^mp_|^intercom-(id|device)/,
  'i',
);

export function isSessionLike(name: string, httpOnly = false): boolean {
  if (NOT_SESSION.test(name)) return false;
  return SESSION.test(name) || httpOnly;
}

const order = (e: Exchange) => e.startedAt ?? e.index;

// RFC 6265bis §5.7: a SameSite Lax/Strict cookie from a cross-site response is only stored
// for a top-level navigation. Only trust an explicit verdict here, the browser's or the page's.
function setByCrossSiteSubrequest(from: Exchange): boolean {
  if (from.resourceType === 'document') return false;
  return siteRelation(from.req.get('sec-fetch-site'), from.pageOrigin, from.url).relation === 'cross-site';
}

function sameSiteReason(
  c: SetCookie,
  x: Exchange,
  relation: SiteRelation,
  othersSent: boolean,
): [NotSentReason, string] | null {
  const topLevel = x.resourceType === 'document' && (x.method === 'GET' || x.method === 'HEAD');
  if (relation === 'cross-site') {
    if (c.sameSite === 'strict') return ['samesite', 'it is SameSite=Strict and this request is cross-site'];
    if (c.sameSite !== 'none' && !topLevel) {
      const label =
        c.sameSite === 'lax' ? 'SameSite=Lax' : 'it has no SameSite attribute, so browsers treat it as SameSite=Lax,';
      return [
        'samesite',
        `${c.sameSite === 'lax' ? 'it is ' : ''}${label} and this is a cross-site ` +
          `${x.resourceType ? `${x.resourceType} ` : 'sub'}request, ` +
          `not a top-level navigation`,
      ];
    }
    if (c.sameSite === 'none' && !othersSent) {
      return [
        'third-party',
        "it is a cross-site (third-party) cookie: it goes only with credentials: 'include' (XHR withCredentials) " +
          'and only where the browser still allows third-party cookies',
      ];
    }
  }
  if (relation === 'same-site' && !othersSent && (x.resourceType === 'fetch' || x.resourceType === 'xhr')) {
    return [
      'credentials-mode',
      'the request is cross-origin and carried no cookies at all: fetch() sends cookies to another ' +
        "origin only with credentials: 'include' (XHR: withCredentials = true)",
    ];
  }
  return null;
}

/** Compares the cookies set earlier in the log for this host with what the request carried. */
export function readCookieVerdict(x: Exchange, log: LogIndex, sentNames: readonly string[]): CookieVerdict {
  const rel = siteRelation(x.req.get('sec-fetch-site'), x.pageOrigin, x.url);
  const verdict: CookieVerdict = { relation: rel.relation, relationFrom: rel.from, sent: [...sentNames], missing: [] };
  const url = x.url;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return verdict;
  const site = registrableDomain(url.hostname);
  const received: { c: SetCookie; from: Exchange }[] = [];
  for (const host of log.cookieHosts()) {
    if (registrableDomain(host) !== site) continue;
    for (const { from, value: joined } of log.setCookiesBefore(x, host)) {
      if (!from.url) continue;
      // Some HAR writers join repeated Set-Cookie headers with a newline.
      for (const value of joined.split('\n')) {
        // Browsers judge Max-Age and Expires by their own clock, the one startedDateTime records.
        const c = parseSetCookie(value, from.url, from.startedAt ?? from.clock);
        if (!c || !c.name) continue;
        if (!c.rejected && c.sameSite !== 'none' && setByCrossSiteSubrequest(from)) {
          c.rejected =
            `it was set by a cross-site ${from.resourceType ? `${from.resourceType} ` : 'sub'}request, ` +
            `and browsers do not store ` +
            `${c.sameSite === 'default' ? 'cookies without SameSite=None (Lax by default)' : `SameSite=${c.sameSite === 'lax' ? 'Lax' : 'Strict'} cookies`} ` +
            `from cross-site responses`;
        }
        received.push({ c, from });
      }
    }
  }
  received.sort((a, b) => order(a.from) - order(b.from) || a.from.index - b.from.index);
  // The jar: the latest Set-Cookie per (name, domain, path) wins, deletions included.
  const jar = new Map<string, { c: SetCookie; from: Exchange }>();
  for (const r of received) jar.set(`${r.c.name}\u0000${r.c.domain}\u0000${r.c.path}`, r);
  const sent = new Set(sentNames);
  const at = x.startedAt ?? x.clock;
  for (const { c, from } of jar.values()) {
    if (sent.has(c.name) || c.expiresAt === -Infinity) continue;
    const setAt = from.startedAt ?? from.clock;
    if (c.expiresAt !== null && setAt !== null && c.expiresAt <= setAt) continue; // a deletion
    const sessionLike = isSessionLike(c.name, c.httpOnly);
    const push = (kind: NotSentReason, reason: string) =>
      verdict.missing.push({ cookie: c, from, kind, reason, sessionLike });
    const covers =
      (c.hostOnly ? url.hostname.toLowerCase() === c.domain : domainMatch(url.hostname, c.domain)) &&
      pathMatch(url.pathname || '/', c.path);
    if (c.rejected) {
      if (covers || sessionLike) push('rejected', `the browser refused to store it: ${c.rejected}`);
      continue;
    }
    const why = notSentBecause(c, url, at);
    if (why) {
      const kind: NotSentReason = why.startsWith('Path')
        ? 'path'
        : why.includes('Secure')
          ? 'secure'
          : why.includes('expired') || why.includes('deleted')
            ? 'expired'
            : 'domain';
      if (sessionLike || kind === 'secure' || kind === 'expired') push(kind, why);
      continue;
    }
    const ss = sameSiteReason(c, x, rel.relation, sentNames.length > 0);
    if (ss) push(ss[0], ss[1]);
    else
      push(
        'unknown',
        'nothing in its attributes explains it: it may have been cleared or overwritten by script, ' +
          'blocked by a browser setting or extension, or the request came from a context without this ' +
          'cookie jar (service worker, extension, another profile)',
      );
  }
  verdict.missing.sort(
    (a, b) =>
      Number(b.sessionLike) - Number(a.sessionLike) || (a.kind === 'unknown' ? 1 : 0) - (b.kind === 'unknown' ? 1 : 0),
  );
  return verdict;
}

export function cookieVerdictOf(ctx: RuleContext): CookieVerdict {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); '' is no other call's key, so the value is made and reused alike
  return ctx.once('inspect:cookie-verdict', () =>
    readCookieVerdict(
      ctx.x,
      ctx.log,
      credentialsOf(ctx).cookies.map((c) => c.name),
    ),
  );
}
