import { getDomain } from 'tldts';

/**
 * "Site" as SameSite cookies and Sec-Fetch-Site understand it: scheme + registrable domain, by the
 * Public Suffix List (https://publicsuffix.org/list/), which browsers use for exactly this. The
 * list comes with `tldts` and is bundled (no fetch at run time; it is as fresh as the package).
 * Its private section counts: two apps on github.io, vercel.app or an AWS regional endpoint are two
 * sites to a browser, so they are to us.
 */
const PSL = {
  allowPrivateDomains: true,
  // Callers pass a URL's hostname: already extracted, lower-cased and punycoded by the URL parser.
  extractHostname: false,
  validateHostname: false,
  // IPs are handled before the list is consulted.
  detectIp: false,
} as const;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The registrable domain ("eTLD+1") of a host; IPs, single labels and public suffixes are their own site. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  // A URL's IPv6 hostname is bracketed and holds colons: the colon finds it.
  if (IPV4.test(host) || host.includes(':') || !host.includes('.')) return host;
  // null: the host is itself a public suffix (github.io, co.uk), which a browser treats as its own site.
  return getDomain(host, PSL) ?? host;
}

/** Schemeful site of a URL or origin string: "https://example.com". Null when unparseable. */
export function siteOf(urlOrOrigin: string | URL | null): string | null {
  if (urlOrOrigin === null) return null;
  let u: URL;
  try {
    // Stryker disable next-line ConditionalExpression: new URL() of a URL object parses its href to the same URL; the test only saves that parse
    u = typeof urlOrOrigin === 'string' ? new URL(urlOrOrigin) : urlOrOrigin;
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${registrableDomain(u.hostname)}`;
}

export type SiteRelation = 'same-origin' | 'same-site' | 'cross-site' | 'unknown';

/**
 * How the request relates to the page that made it. Sec-Fetch-Site is the browser's own
 * verdict and wins; otherwise compare the page origin (Origin / Referer) with the URL.
 */
export function siteRelation(
  secFetchSite: string | undefined,
  pageOrigin: string | null,
  url: URL | null,
): { relation: SiteRelation; from: 'sec-fetch-site' | 'origin' | 'none' } {
  const s = secFetchSite?.trim().toLowerCase();
  if (s === 'same-origin' || s === 'same-site' || s === 'cross-site') return { relation: s, from: 'sec-fetch-site' };
  if (s === 'none') return { relation: 'same-origin', from: 'sec-fetch-site' };
  if (!pageOrigin || !url) return { relation: 'unknown', from: 'none' };
  if (url.origin === pageOrigin) return { relation: 'same-origin', from: 'origin' };
  return { relation: siteOf(pageOrigin) === siteOf(url) ? 'same-site' : 'cross-site', from: 'origin' };
}
