import type { HeaderMatch, Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Imperva Cloud WAF (Incapsula). The classic block page is a tiny HTML shell that loads
// /_Incapsula_Resource?CWUDNSAI=… in an iframe with "Request unsuccessful. Incapsula incident
// ID: …"; the bot challenge loads /_Incapsula_Resource?SWJIYLWA=… scripts. Both are often 200.
const ERRORS = 'https://docs.imperva.com/bundle/cloud-application-security/page/more/error-pages.htm';
const BOT = 'https://docs.imperva.com/bundle/cloud-application-security/page/settings/security-settings.htm';
const IMPERVA: readonly HeaderMatch[] = [
  { name: 'x-iinfo' },
  { name: 'x-cdn', value: /imperva|incapsula/i },
  { name: 'set-cookie', value: /incap_ses|visid_incap/i },
];
const V = 'Imperva (Incapsula)';
const G = 'imperva';
// Block pages are small shells: the marker must sit near the top, not deep in an article.
const NEAR_TOP = '^[\\s\\S]{0,4000}?';

export const IMPERVA_SIGNATURES: readonly Signature[] = [
  {
    id: 'imperva.incident',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    status: [200, 403, 400, 406],
    flags: true,
    body: new RegExp(`${NEAR_TOP}(?:Incapsula\\s+incident\\s+ID|_Incapsula_Resource\\?CWUDNSAI=)`, 'i'),
    title: 'Imperva (Incapsula) blocked the request',
    summary:
      "Imperva's cloud WAF answered with its block page and an incident ID: a security rule (WAF, " +
      'bot, IP, geo or ACL) matched. It is often served with status 200.',
    fixes: [
      "Give the incident ID to the site's Imperva administrator; the Security Events page shows the rule by incident ID.",
    ],
    source: ERRORS,
  },
  {
    id: 'imperva.error_page',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likely,
    status: [200, 403, 400, 406],
    flags: true,
    body: [
      new RegExp(
        `${NEAR_TOP}(?:This\\s+request\\s+was\\s+blocked\\s+by\\s+(?:our|the)\\s+security\\s+(?:service|rules))`,
        'i',
      ),
      /Imperva|Incapsula|incident\s+ID/i,
    ],
    title: 'Imperva blocked the request (Error 15/16)',
    summary:
      '"This request was blocked by our security service": an Imperva WAF or security rule stopped the request at the edge.',
    fixes: ["Share the incident ID and time with the site's Imperva administrator to find the rule."],
    source: ERRORS,
  },
  {
    id: 'imperva.challenge',
    vendor: V,
    group: G,
    cause: 'bot.challenge',
    confidence: CONFIDENCE.possiblePlus20,
    status: [200, 403],
    flags: true,
    body: new RegExp(`${NEAR_TOP}_Incapsula_Resource\\?SWJIYLWA=`, 'i'),
    anyHeader: IMPERVA,
    title: 'Imperva served a bot challenge instead of the resource',
    summary:
      "The response is Imperva's JavaScript challenge shell (_Incapsula_Resource scripts) rather " +
      'than the content: Imperva wants a real browser to prove itself first.',
    fixes: [
      'Let the browser load a page of the site first so it gets the incap_ses/visid_incap cookies, then retry with cookies sent.',
      'Site owners: exempt API clients from the bot challenge.',
    ],
    source: BOT,
  },
];
