/**
 * "Site" as SameSite cookies and Sec-Fetch-Site understand it: scheme + registrable domain.
 * Without the full Public Suffix List we know the multi-label suffixes that matter most:
 * country second levels and the shared hosting platforms where two apps are two sites.
 */
const MULTI = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'sch.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'com.br',
  'net.br',
  'org.br',
  'gov.br',
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'com.hk',
  'com.tw',
  'com.sg',
  'com.mx',
  'com.ar',
  'com.tr',
  'co.in',
  'net.in',
  'org.in',
  'co.za',
  'co.il',
  'com.my',
  'com.ph',
  'co.id',
  'com.vn',
  'com.ua',
  'com.pl',
  'co.th',
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  'azurestaticapps.net',
  'cloudfront.net',
  'amplifyapp.com',
  'onrender.com',
  'fly.dev',
  'railway.app',
  'glitch.me',
  'ngrok.io',
  'ngrok-free.app',
  'ngrok.app',
  'repl.co',
  'blogspot.com',
  'surge.sh',
  'run.app',
  'trycloudflare.com',
  'loca.lt',
  'codesandbox.io',
  'csb.app',
  'stackblitz.io',
  'webcontainer.io',
  's3.amazonaws.com',
  'execute-api.us-east-1.amazonaws.com',
  'elasticbeanstalk.com',
  'myshopify.com',
  'azureedge.net',
  'z13.web.core.windows.net',
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The registrable domain ("eTLD+1") of a host; IPs and single labels are their own site. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (IPV4.test(host) || host.includes(':') || host.startsWith('[') || !host.includes('.')) return host;
  const labels = host.split('.');
  for (let take = Math.min(labels.length, 5); take >= 2; take--) {
    const suffix = labels.slice(-take).join('.');
    if (MULTI.has(suffix)) return labels.length > take ? labels.slice(-(take + 1)).join('.') : host;
  }
  // AWS regional endpoints (…execute-api.<region>.amazonaws.com) share a public suffix per region.
  const aws = /(?:^|\.)([^.]+\.(?:execute-api|s3|s3-website)[.-][a-z0-9-]+\.amazonaws\.com)$/.exec(host);
  if (aws) return aws[1]!;
  return labels.slice(-2).join('.');
}

/** Schemeful site of a URL or origin string: "https://example.com". Null when unparseable. */
export function siteOf(urlOrOrigin: string | URL | null): string | null {
  if (urlOrOrigin === null) return null;
  let u: URL;
  try {
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
