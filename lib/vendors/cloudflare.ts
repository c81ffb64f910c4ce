import { anyOf } from '../core/any-of';
import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Cloudflare's own pages: the 1xxx error codes (HTML "cf-error-code", or "error code: 1020" in
// the plain-text variant non-browser clients get), the WAF block page and the managed
// challenge. Every row needs Cloudflare's headers: an origin 403 merely passing through
// Cloudflare (cf-ray present, no Cloudflare page) is not Cloudflare's doing.
const ERRORS = 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/';
const BLOCK = 'https://developers.cloudflare.com/waf/reference/cloudflare-challenges/';
const CHALLENGE =
  'https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/';
const CF: readonly HeaderMatch[] = [
  { name: 'cf-ray' },
  { name: 'server', value: /cloudflare/i },
  { name: 'cf-mitigated' },
];
const V = 'Cloudflare';
const G = 'cloudflare';

/** "Error 1020", "error code: 1020", or the HTML page's <span class="cf-error-code">1020</span>. */
function cfCode(codes: string): RegExp {
  return new RegExp(`(?:cf-error-code[^>]{0,40}>\\s*|\\berror(?:\\s+code)?\\s*(?::\\s*)?)(?:${codes})\\b`, 'i');
}

export const CLOUDFLARE: readonly Signature[] = [
  {
    id: 'cloudflare.challenge_header',
    vendor: V,
    group: G,
    cause: 'bot.challenge',
    confidence: CONFIDENCE.certain,
    status: [403, 429, 503, 200],
    flags: true,
    header: { name: 'cf-mitigated', value: /challenge/i },
    title: 'Cloudflare is challenging the client (cf-mitigated: challenge)',
    summary:
      'A Cloudflare rule (Bot Fight Mode, managed challenge, Under Attack mode) served a challenge ' +
      'page instead of the resource. fetch/XHR cannot solve it, so API calls fail until the browser ' +
      'passes the challenge.',
    fixes: [
      'Load a page of the site in the browser to pass the challenge (it sets cf_clearance), then retry.',
      'For API routes, skip the challenge for them in the Cloudflare rule (challenges are meant for HTML navigation).',
    ],
    source: CHALLENGE,
  },
  {
    id: 'cloudflare.1015',
    vendor: V,
    group: G,
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    status: [429, 403],
    body: [cfCode('1015')],
    anyHeader: CF,
    title: 'Cloudflare rate limiting (error 1015)',
    summary:
      '"You are being rate limited": a Cloudflare rate limiting rule on the site counted too many requests from this client.',
    fixes: ["Wait for the rule's mitigation timeout (often 1 to 10 minutes) and slow down."],
    source: ERRORS,
  },
  {
    id: 'cloudflare.1009',
    vendor: V,
    group: G,
    cause: 'ip.blocked',
    confidence: CONFIDENCE.certain,
    body: [
      anyOf(
        /cf-error-code[^>]{0,40}>\s*1009\b|\berror(?:\s+code)?\s*(?::\s*)?1009\b/,
        /banned\s+the\s+country\s+or\s+region\s+your\s+IP\s+address\s+is\s+in/,
        'i',
      ),
    ],
    anyHeader: CF,
    title: "Cloudflare: the site bans the client's country (error 1009)",
    summary: "The site owner blocks the country or region Cloudflare locates the client's IP in.",
    fixes: ['Connect from an allowed region, or ask the site owner to allow it.'],
    source: ERRORS,
  },
  {
    id: 'cloudflare.ip_banned',
    vendor: V,
    group: G,
    cause: 'ip.blocked',
    confidence: CONFIDENCE.certain,
    body: [
      /cf-error-code[^>]{0,40}>\s*100[5678]\b|\berror(?:\s+code)?\s*(?::\s*)?100[5678]\b|Your\s+IP\s+address\s+has\s+been\s+banned/i,
    ],
    anyHeader: CF,
    title: "Cloudflare: the site bans the client's IP (errors 1005 to 1008)",
    summary: "The site owner's IP Access Rules (or an ASN rule) ban the client's IP address or network.",
    fixes: ['Ask the site owner to allow the IP, or call from another network.'],
    source: ERRORS,
  },
  {
    id: 'cloudflare.1010',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    body: [cfCode('1010')],
    anyHeader: CF,
    title: "Cloudflare blocked the client's browser signature (error 1010)",
    summary:
      'Browser Integrity Check or a bot rule banned the request based on its browser signature ' +
      '(often a script, headless browser or unusual User-Agent).',
    fixes: [
      'Send a normal User-Agent and headers, or ask the site owner to relax Browser Integrity Check for this path.',
    ],
    source: ERRORS,
  },
  {
    id: 'cloudflare.1020',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.certain,
    body: [cfCode('1020|1012')],
    anyHeader: CF,
    title: 'A Cloudflare firewall rule blocked the request (error 1020)',
    summary: '"Access denied": a WAF custom rule or firewall rule on the site matched the request.',
    fixes: [
      'Site owners: find the Ray ID in Security > Events to see the rule, then adjust it.',
      'Visitors: share the Ray ID with the site owner.',
    ],
    source: ERRORS,
  },
  {
    id: 'cloudflare.challenge_page',
    vendor: V,
    group: G,
    cause: 'bot.challenge',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 429, 503],
    flags: true,
    body: [
      anyOf(
        /Just\s+a\s+moment/,
        /Checking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser\s+before\s+accessing)/,
        /Enable\s+JavaScript\s+and\s+cookies\s+to\s+continue/,
        'i',
      ),
      /challenge-platform|_cf_chl_opt|cf-chl-|cf_chl_/i,
    ],
    anyHeader: CF,
    title: 'Cloudflare served a browser challenge ("Just a moment...")',
    summary:
      "The site's Cloudflare security settings (managed challenge, JS challenge, Under Attack mode) " +
      'asked for a browser check; scripts and fetch calls cannot pass it.',
    fixes: [
      'Open the site in the browser to pass the challenge first, then retry.',
      'Site owners: exempt API paths and known clients from the challenge rule.',
    ],
    source: CHALLENGE,
  },
  {
    id: 'cloudflare.blocked',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    body: [/Sorry,?\s+you\s+have\s+been\s+blocked/i, /Cloudflare/i],
    anyHeader: CF,
    title: 'Cloudflare\'s WAF blocked the request ("Sorry, you have been blocked")',
    summary:
      'A Cloudflare security rule (managed WAF rules, custom rule, or bot management) blocked this ' +
      'request. The page shows a Ray ID that identifies the event.',
    fixes: [
      'Site owners: look up the Ray ID under Security > Events to find the rule, then adjust or skip it for this traffic.',
      'Visitors: send the Ray ID to the site owner.',
    ],
    source: BLOCK,
  },
  {
    id: 'cloudflare.blocked_page_200',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likely,
    status: [200],
    flags: true,
    body: [
      /^[\s\S]{0,3000}?<title>\s*Attention\s+Required!\s*\|\s*Cloudflare\s*<\/title>/i,
      /Sorry,?\s+you\s+have\s+been\s+blocked/i,
    ],
    anyHeader: CF,
    title: 'Cloudflare block page served with 200',
    summary:
      'The body is Cloudflare\'s "Attention Required!" block page even though the status is 200: ' +
      'the request never reached the application.',
    fixes: ['Look up the Ray ID under Security > Events to find the blocking rule.'],
    source: BLOCK,
  },
];
