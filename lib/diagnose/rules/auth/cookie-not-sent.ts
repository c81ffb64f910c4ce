import { cookieVerdictOf, type MissingCookie, type NotSentReason } from '../../../inspect/cookie-jar';
import type { SetCookie } from '../../../inspect/cookies';
import { credentialsOf } from '../../../inspect/credentials';
import { clip } from '../../../inspect/mask';
import type { Evidence } from '../../../core/causes';
import type { Rule } from '../../../core/context';
import { statusEvidence } from './common';
import { CONFIDENCE, NUDGE } from '../../../core/confidence';
import { unreachable } from '../../../core/unreachable';

const BY_REASON: Record<NotSentReason, number> = {
  samesite: CONFIDENCE.possiblePlus22,
  secure: CONFIDENCE.possiblePlus22,
  expired: CONFIDENCE.possiblePlus18,
  rejected: CONFIDENCE.possiblePlus20,
  domain: CONFIDENCE.possiblePlus12,
  path: CONFIDENCE.possiblePlus15,
  'credentials-mode': CONFIDENCE.possiblePlus16,
  'third-party': CONFIDENCE.possiblePlus14,
  unknown: CONFIDENCE.possiblePlus2,
};

const FIXES: Record<NotSentReason, string[]> = {
  samesite: [
    "Serve the page and the API from the same site (e.g. app.example.com and api.example.com), or proxy the API through the page's origin.",
    'If the cookie must travel cross-site, set it with SameSite=None; Secure (and expect third-party-cookie restrictions).',
  ],
  secure: ['Call the API over https (the cookie is Secure), or stop marking it Secure in local development only.'],
  expired: [
    'Log in again (the session cookie expired); if it expires too soon, lengthen its Max-Age/Expires or refresh it on activity.',
  ],
  rejected: ['Fix the Set-Cookie attributes so the browser stores it (see the reason), then log in again.'],
  domain: [
    'Set the cookie with Domain=<parent domain> so sibling hosts receive it, or call the API on the host that set it.',
  ],
  path: ['Set the cookie with Path=/ (or a path covering the API), then log in again.'],
  'credentials-mode': [
    "Send cookies on cross-origin calls: fetch(url, { credentials: 'include' }) or axios withCredentials: " +
      'true; the server must answer with Access-Control-Allow-Credentials: true and an explicit ' +
      'Access-Control-Allow-Origin.',
  ],
  'third-party': [
    "Use credentials: 'include' and SameSite=None; Secure; Partitioned where appropriate, or " +
      'avoid third-party cookies: same-site API, or a token in the Authorization header.',
  ],
  unknown: [
    'Check in DevTools (Application → Cookies, and the request\'s Cookies tab "blocked" reasons) why the browser withheld the cookie.',
  ],
};

function attributes(c: SetCookie): string {
  const parts = [`${clip(c.name, 40)}=(${c.valueLength} chars)`];
  if (!c.hostOnly) parts.push(`Domain=${c.domain}`);
  parts.push(`Path=${c.path}`);
  if (c.secure) parts.push('Secure');
  if (c.httpOnly) parts.push('HttpOnly');
  if (c.sameSite !== 'default') parts.push(`SameSite=${c.sameSite[0]!.toUpperCase()}${c.sameSite.slice(1)}`);
  if (c.partitioned) parts.push('Partitioned');
  return parts.join('; ');
}

/** The reason in a few words, for the title; the summary carries the full explanation. */
function shortReason(m: MissingCookie, url: URL | null): string {
  const c = m.cookie;
  switch (m.kind) {
    case 'samesite':
      return (
        `it is ${c.sameSite === 'strict' ? 'SameSite=Strict' : c.sameSite === 'lax' ? 'SameSite=Lax' : 'SameSite=Lax by default'} ` +
        `and the request is cross-site`
      );
    case 'credentials-mode':
      return "the cross-origin call did not use credentials: 'include'";
    case 'third-party':
      return 'it is a third-party cookie on a cross-site request';
    case 'secure':
      return 'it is Secure and the request used plain http';
    case 'expired':
      // A deleted cookie (Max-Age=0) never gets here: the jar drops deletions (cookie-jar.ts).
      return 'it had expired';
    case 'path':
      // Stryker disable next-line OptionalChaining,LogicalOperator,StringLiteral: a missing cookie implies a parsed URL (readCookieVerdict returns none without one), so the fallback never shows
      return `Path=${clip(c.path, 40)} does not cover ${clip(url?.pathname ?? '', 40)}`;
    // Stryker disable all: explains() keeps 'domain' cookies out of the rule, so this wording never shows; the case stays for the exhaustive switch
    case 'domain':
      return c.hostOnly
        ? `it is host-only for ${c.domain}`
        : `Domain=${c.domain} does not cover ${url?.hostname ?? ''}`;
    // Stryker restore all
    case 'rejected':
      return 'the browser refused to store it';
    // Stryker disable all: the title leaves out the reason of an 'unknown' cookie without asking here, and default is the exhaustiveness guard
    case 'unknown':
      return '';
    default:
      return unreachable(m.kind, 'cookie reason');
    // Stryker restore all
  }
}

function setEvidence(m: MissingCookie): Evidence {
  return {
    where: 'log',
    name: 'set-cookie',
    detail: clip(`entry #${m.from.index} ${m.from.method} ${m.from.rawUrl} set: ${attributes(m.cookie)}`, 300),
  };
}

/** Whether a withheld cookie can explain the refusal: not one scoped to another host. */
export function explains(m: MissingCookie): boolean {
  return m.kind !== 'domain';
}

/** auth.cookie_not_sent: the log shows the session cookie being set, this request lacks it. */
export const cookieNotSentRule: Rule = {
  name: 'auth-cookie-not-sent',
  run(ctx) {
    const { x } = ctx;
    if (![401, 403, 419].includes(x.status)) return [];
    const creds = credentialsOf(ctx);
    if (creds.authorization !== null || creds.apiKeys.length > 0) return [];
    const v = cookieVerdictOf(ctx);
    // A cookie scoped to another host (host-only elsewhere, a Domain that does not cover this
    // one) was never meant for this request: the browser was right not to send it, so it cannot
    // be why the server saw no session here (issue 17). Such cookies stay in the verdict only.
    const meant = v.missing.filter(explains);
    const session = meant.filter((m) => m.sessionLike);
    const pick = session[0] ?? (creds.cookies.length === 0 ? meant.find((m) => m.kind !== 'unknown') : undefined);
    if (!pick) return [];
    let confidence: number = BY_REASON[pick.kind];
    // The browser's own word that the request was cross-site makes a SameSite refusal a fact,
    // and the root of whatever "no credentials" message the server sent back.
    if (pick.kind === 'samesite' && v.relationFrom === 'sec-fetch-site') confidence = CONFIDENCE.likelyPlus9;
    if (!pick.sessionLike) confidence -= NUDGE.notSessionCookie;
    const relation: Evidence =
      v.relationFrom === 'sec-fetch-site'
        ? { where: 'request.header', name: 'sec-fetch-site', detail: `Sec-Fetch-Site: ${v.relation}` }
        : {
            where: 'request.header',
            name: 'origin',
            // Stryker disable next-line OptionalChaining: a missing cookie implies a parsed URL (readCookieVerdict), so x.url is set here
            detail: `page ${x.pageOrigin ?? '(unknown)'} → ${x.url?.origin ?? x.rawUrl} (${v.relation})`,
          };
    const sent: Evidence = {
      where: 'request.cookie',
      detail: creds.cookies.length
        ? `cookies sent: ${clip(creds.cookies.map((c) => c.name).join(', '), 160)} (not ${clip(pick.cookie.name, 40)})`
        : 'no Cookie header on this request',
    };
    const others = session.slice(1, 3).map(setEvidence);
    return [
      {
        id: 'auth.cookie_not_sent',
        confidence,
        title:
          `The "${clip(pick.cookie.name, 40)}" cookie was set earlier but not sent` +
          `${pick.kind === 'unknown' ? '' : `: ${shortReason(pick, x.url)}`}`,
        summary:
          `Entry #${pick.from.index} set ${pick.sessionLike ? 'the session cookie' : 'the cookie'} ` +
          `"${clip(pick.cookie.name, 40)}" for this host, and this request went without it, so the ` +
          `server saw an anonymous caller. Why: ${pick.reason}.`,
        evidence: [setEvidence(pick), sent, relation, ...others, statusEvidence(x)],
        fixes: FIXES[pick.kind],
      },
    ];
  },
};
