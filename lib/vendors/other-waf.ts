import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Smaller WAFs and edge firewalls with a documented block page or header: ModSecurity's
// default Apache page, Sucuri, Wordfence, Vercel Firewall, DDoS-Guard.
const MODSEC = 'https://github.com/SpiderLabs/ModSecurity/wiki/Reference-Manual-(v2.x)#secdefaultaction';
const SUCURI = 'https://docs.sucuri.net/website-firewall/troubleshooting/access-denied-sucuri-website-firewall/';
const WORDFENCE = 'https://www.wordfence.com/help/blocking/';
// DDoS-Guard documents no page of its own; its JS check is recorded answering 403 with Server: ddos-guard and a page
// that names it (germondai/trawl#66, measured on a DDoS-Guard site; SecH0us3/waf-checker#57's signature).
const DDOS_GUARD = 'https://github.com/germondai/trawl/pull/66';
const VERCEL = 'https://vercel.com/docs/vercel-firewall/vercel-waf/custom-rules';
// Fastly's Next-Gen WAF (Signal Sciences): "By default, all block actions return the 406 custom agent response code";
// the page itself is not documented. At Fastly's edge the answer carries its cache headers (X-Served-By: cache-…).
const FASTLY_NGWAF = 'https://docs.fastly.com/en/ngwaf/using-custom-agent-response-codes';
const FASTLY_H: readonly HeaderMatch[] = [
  { name: 'x-served-by', value: /\bcache-[a-z]{3}/i },
  { name: 'x-fastly-request-id' },
  { name: 'fastly-debug-digest' },
];
const SUCURI_H: readonly HeaderMatch[] = [
  { name: 'x-sucuri-id' },
  { name: 'x-sucuri-block' },
  { name: 'server', value: /sucuri|cloudproxy/i },
];
const SUCURI_PAGE = /Sucuri\s+Web\s*Site\s+Firewall/i;

export const OTHER_WAF: readonly Signature[] = [
  {
    id: 'vercel.challenge',
    vendor: 'Vercel Firewall',
    group: 'vercel',
    cause: 'bot.challenge',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 429, 200],
    flags: true,
    header: { name: 'x-vercel-mitigated', value: /challenge/i },
    title: 'Vercel Firewall is challenging the client',
    summary:
      "A Vercel Firewall rule (or Attack Challenge Mode) answered with its security checkpoint instead of the deployment's response.",
    fixes: [
      'Open the site in a browser to pass the checkpoint, or exclude API paths and trusted clients from the challenge rule.',
    ],
    source: VERCEL,
  },
  {
    id: 'vercel.deny',
    vendor: 'Vercel Firewall',
    group: 'vercel',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    header: { name: 'x-vercel-mitigated', value: /deny/i },
    title: 'Vercel Firewall denied the request',
    summary:
      'A Vercel Firewall custom rule, IP block or managed rule denied the request before it reached the deployment.',
    fixes: ["Check the project's Firewall tab (traffic and rules) for the matching rule."],
    source: VERCEL,
  },
  {
    id: 'modsecurity.not_acceptable',
    vendor: 'ModSecurity',
    group: 'modsecurity',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 406, 501, 400],
    flags: true,
    body: /This\s+error\s+was\s+generated\s+by\s+Mod_?Security/i,
    title: 'ModSecurity blocked the request',
    summary:
      'A ModSecurity rule (often the OWASP Core Rule Set on shared hosting) matched the request ' +
      'and the server answered with its "Not Acceptable!" page.',
    fixes: [
      'Ask the host for the ModSecurity audit log entry (rule id) for this request, then change ' +
        'the payload or have the rule excluded for this path.',
    ],
    source: MODSEC,
  },
  {
    // A 406 is otherwise content negotiation (Rails answers an unknown format with an empty 406): only a page that
    // says "Not Acceptable", from Fastly's edge, reads as the firewall's default block, and only as a possibility.
    id: 'fastly.ngwaf.default_block',
    vendor: 'Fastly Next-Gen WAF',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.possiblePlus15,
    status: [406],
    flags: true,
    anyHeader: FASTLY_H,
    // A page (or the bare status text), not an API's JSON error that happens to say "Not Acceptable".
    body: /^\s*(?:<[\s\S]{0,2000}?\bNot\s+Acceptable\b|(?:406\s+)?Not\s+Acceptable\.?\s*$)/i,
    title: "Fastly's Next-Gen WAF probably blocked the request (its default 406)",
    summary:
      "The answer came from Fastly's edge with 406 Not Acceptable, the status the Next-Gen WAF (Signal Sciences) " +
      'returns for every block action unless the site sets another code.',
    fixes: [
      'Ask the site owner to look the request up in the Next-Gen WAF console (the signal and rule that blocked it).',
      'If the input is legitimate, change the payload that looks like an attack, or have the rule excluded for this path.',
    ],
    source: FASTLY_NGWAF,
  },
  {
    id: 'sucuri.country',
    vendor: 'Sucuri',
    group: 'sucuri',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 200],
    flags: true,
    body: [SUCURI_PAGE, /Access\s+from\s+your\s+Country\s+was\s+disabled/i],
    title: "Sucuri blocks the client's country",
    summary: "The Sucuri Website Firewall's geo-blocking denies the country of the client's IP.",
    fixes: ['Ask the site owner to allow the country, or connect from an allowed one.'],
    source: SUCURI,
  },
  {
    id: 'sucuri.ip',
    vendor: 'Sucuri',
    group: 'sucuri',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.likely,
    status: [403, 200],
    flags: true,
    body: [
      SUCURI_PAGE,
      /Block\s+reason\s*:?[^<]{0,80}?IP\s+(?:address\s+)?(?:was\s+|has\s+been\s+)?(?:blocked|blacklisted|blocklisted|denied)/i,
    ],
    title: "Sucuri blocks the client's IP",
    summary: "The site owner blocked the client's IP address in the Sucuri Website Firewall.",
    fixes: ['Ask the site owner to remove the IP from the Sucuri blocklist.'],
    source: SUCURI,
  },
  {
    id: 'sucuri.blocked',
    vendor: 'Sucuri',
    group: 'sucuri',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 200],
    flags: true,
    body: /Access\s+Denied\s*-\s*Sucuri\s+Website\s+Firewall|Sucuri\s+WebSite\s+Firewall\s*-\s*Access\s+Denied/i,
    anyHeader: SUCURI_H,
    title: 'The Sucuri Website Firewall blocked the request',
    summary: "Sucuri's firewall matched the request (the page shows a Block ID and reason).",
    fixes: [
      'Send the Block ID to the site owner; they can whitelist the request pattern or IP in the Sucuri dashboard.',
    ],
    source: SUCURI,
  },
  {
    id: 'wordfence.blocked',
    vendor: 'Wordfence',
    group: 'wordfence',
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likely,
    status: [403, 503],
    flags: true,
    body: [/Your\s+access\s+to\s+this\s+(?:site|service)\s+has\s+been\s+(?:temporarily\s+)?limited/i, /Wordfence/i],
    title: 'Wordfence limited access to the WordPress site',
    summary: "The Wordfence plugin's firewall (a rule, rate limiting, country block or IP block) refused the request.",
    fixes: [
      'Site owners: check Wordfence > Tools > Live Traffic for the block reason; visitors: contact ' +
        'the site owner with the time of the block.',
    ],
    source: WORDFENCE,
  },
  {
    id: 'ddos_guard.challenge',
    vendor: 'DDoS-Guard',
    cause: 'bot.challenge',
    confidence: CONFIDENCE.likely,
    status: [403, 429],
    requires: 'no-token',
    header: { name: 'server', value: /^ddos-guard$/i },
    body: /ddos-guard/i,
    title: "DDoS-Guard answered with its browser check instead of the site's response",
    summary:
      "DDoS-Guard's edge serves a JavaScript check (a 403 page naming DDoS-Guard) to clients without its clearance " +
      'cookies (__ddg1_, __ddg2_…); a browser that runs the script passes after a few seconds, while fetch/XHR, curl ' +
      'and headless scripts stay on it.',
    fixes: [
      'Open the site in a browser first so it passes the check and stores the __ddg cookies, then retry with them.',
      "For an API, ask the site's operator to exempt its paths from the check.",
    ],
    source: DDOS_GUARD,
  },
];
