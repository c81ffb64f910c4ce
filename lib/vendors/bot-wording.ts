import { anyOf } from '../core/any-of';
import { CONFIDENCE } from '../core/confidence';
import type { Signature } from './types';

// Bot checks in their own words (issue 17): a page that asks the visitor to prove it is a human
// is a challenge to solve, not a missing permission, whoever serves it. Wording from the
// documented pages: Google's "unusual traffic" interstitial
// (https://support.google.com/websearch/answer/86640), HUMAN/PerimeterX's "Press & Hold"
// block page (https://docs.humansecurity.com/applications-and-accounts/docs/customizing-the-block-page),
// Cloudflare Turnstile's "Verify you are human"
// (https://developers.cloudflare.com/turnstile/), DataDome's "unusual activity" captcha page
// (https://docs.datadome.co/docs/captcha-page). Shared wording: it speaks only when no vendor's
// own signature did, and only in the head of a body.
const HEAD = 6000;
const WORDING = anyOf(
  /unusual\s+(?:traffic|activity)\s+from\s+your\s+(?:computer|device|network|ip)/,
  /(?:detected|noticed|seeing)\s+(?:some\s+)?unusual\s+(?:traffic|activity)/,
  /verify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human/,
  /(?:confirm|prove)\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human/,
  /are\s+you\s+a\s+robot\??|not\s+a\s+robot/,
  /press\s+(?:&|and)\s+hold/,
  'i',
);

export const BOT_WORDING: readonly Signature[] = [
  {
    id: 'wording.bot_check',
    vendor: 'bot-check wording',
    group: 'bot-wording',
    generic: true,
    cause: 'bot.challenge',
    confidence: CONFIDENCE.likely,
    body: new RegExp(`^[\\s\\S]{0,${HEAD}}?(?:${WORDING.source})`, 'i'),
    title: 'A bot check stopped the request: the page asks to prove a human is there',
    summary:
      'The response is a bot-detection page (it speaks of unusual traffic or asks the visitor to verify ' +
      'they are human), served instead of the resource. The server did not judge the credential; its ' +
      'bot defence judged the client.',
    fixes: [
      'Open the URL in a normal browser session and solve the check, then retry from that session.',
      'For automated clients: slow down, use the official API with a key, or ask the site owner to allow-list the client.',
    ],
    source: 'https://support.google.com/websearch/answer/86640',
  },
];
