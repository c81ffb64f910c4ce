import { cookieVerdictOf, isSessionLike } from '../../../inspect/cookie-jar';
import { credentialsOf } from '../../../inspect/credentials';
import { isCsrfCookie } from '../../../inspect/csrf';
import { echoedRequestValue } from '../../../inspect/echoed-value';
import { mayBeSanitized, scrubbedByRecorder } from '../../../inspect/log-traits';
import { rateLimitOf } from '../../../inspect/rate-limit';
import { signedUrlOf } from '../../../inspect/signed-url';
import { signsInWithBody, signsInWithQuery } from '../../../inspect/sign-in';
import { tokenEndpointOf } from '../../../inspect/token-endpoint';
import { challengesOf, proxyChallengesOf } from '../../../inspect/www-authenticate';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { statedReasonOf } from '../../stated-refusal';
import { RECEIVED, statedEvidence } from '../stated-reason';
import { challengeEvidence, statusEvidence } from './common';
import { explains } from './cookie-not-sent';
import { CONFIDENCE, NUDGE } from '../../../core/confidence';

function schemesOf(challenges: { scheme: string }[]): string[] {
  return [...new Set(challenges.map((c) => c.scheme))].slice(0, 4);
}

function fixFor(schemes: string[], proxy: boolean): string[] {
  if (proxy)
    return ['Configure the proxy credentials in the client (Proxy-Authorization), or bypass the proxy for this host.'];
  const s = schemes.map((x) => x.toLowerCase());
  const fixes: string[] = [];
  if (s.includes('bearer'))
    fixes.push(
      'Attach the access token: `Authorization: Bearer <token>`; check that the code path adding ' +
        'it ran for this request (interceptor, base URL, redirect that dropped the header).',
    );
  if (s.includes('basic')) fixes.push('Send `Authorization: Basic base64(user:password)`.');
  if (s.some((x) => x === 'negotiate' || x === 'ntlm'))
    fixes.push(
      'The server wants Windows (Kerberos/NTLM) authentication: allow the browser to send it for ' +
        'this host, or use another authentication method.',
    );
  fixes.push('Send the credential the API expects (see the challenge and the API docs).');
  return fixes;
}

/** auth.missing: a 401/407 challenge and nothing that could answer it. */
export const authMissingRule: Rule = {
  name: 'auth-missing',
  run(ctx) {
    const { x } = ctx;
    // A token endpoint's credentials travel in the body (client_secret, code, refresh_token).
    if (tokenEndpointOf(ctx)) return [];
    if (x.status === 401 || x.status === 407) return challenged(ctx, x.status === 407);
    if (x.status === 403) return forbiddenAnonymous(ctx);
    return [];
  },
};

function challenged(ctx: RuleContext, proxy: boolean): Cause[] {
  const { x } = ctx;
  const creds = credentialsOf(ctx);
  const sent = proxy
    ? creds.proxyAuthorization !== null
    : creds.authorization !== null ||
      creds.apiKeys.length > 0 ||
      signedUrlOf(ctx) !== null ||
      signsInWithBody(x) ||
      signsInWithQuery(x);
  if (sent) return [];
  // The server quotes back a value the request sent (a token in a query parameter no table names):
  // a credential went, and "none was sent" is not a reading.
  const quoting = proxy ? null : statedReasonOf(x);
  if (quoting && echoedRequestValue(x, quoting.error.message ?? '') !== null) return [];
  const challenges = proxy ? proxyChallengesOf(ctx) : challengesOf(ctx);
  const sessionCookies = proxy ? [] : creds.cookies.filter((c) => isSessionLike(c.name));
  const header = proxy ? 'Proxy-Authorization header' : 'Authorization header or API key';
  const evidence: Evidence[] = [statusEvidence(x)];
  let confidence: number;
  let title: string;
  let summary: string;
  const schemes = schemesOf(challenges);
  if (challenges.length > 0) {
    // A cookie-session app may still challenge; the cookies then were the credential.
    confidence = sessionCookies.length > 0 ? CONFIDENCE.possiblePlus8 : CONFIDENCE.possiblePlus20;
    title = `${proxy ? 'The proxy' : 'The server'} asks for ${schemes.join(' or ')} credentials and the request sent none`;
    summary =
      `The ${x.status} carries a ${proxy ? 'Proxy-Authenticate' : 'WWW-Authenticate'} challenge ` +
      `for ${schemes.join(', ')}, and the request had no ${header}${proxy ? '' : ' or signed URL'}.`;
    for (const ch of challenges.slice(0, 3))
      evidence.push(challengeEvidence(ch, proxy ? 'proxy-authenticate' : 'www-authenticate'));
  } else {
    if (sessionCookies.length > 0) return []; // the session cookie was the credential: auth.invalid speaks
    confidence = creds.cookies.length > 0 ? CONFIDENCE.possiblePlus2 : CONFIDENCE.possiblePlus5;
    title = `${proxy ? 'The proxy' : 'The server'} wants credentials and the request carried none`;
    summary = `${x.status} means "authenticate first", and the request had no ${header}${proxy ? '' : ', signed URL or session cookie'}.`;
  }
  evidence.push({
    where: 'request.header',
    name: proxy ? 'proxy-authorization' : 'authorization',
    detail: `no ${header}${
      creds.cookies.length
        ? `; cookies sent: ${creds.cookies
            .map((c) => c.name)
            .slice(0, 6)
            .join(', ')}`
        : '; no cookies'
    }`,
  });
  if (sessionCookies.length > 0)
    summary += ` Session cookies were sent (${sessionCookies
      .map((c) => c.name)
      .slice(0, 3)
      .join(', ')}), but this challenge asks for something else.`;
  // When the log shows a session cookie that should have gone with this request, that is the
  // better explanation (auth.cookie_not_sent); stay below it.
  if (!proxy && cookieVerdictOf(ctx).missing.some((m) => m.sessionLike && explains(m)))
    confidence = Math.min(confidence, CONFIDENCE.weakPlus20);
  const fixes = fixFor(schemes, proxy);
  // The server's own words speak of a credential it received ("Invalid access token"): the
  // capture dropped the header (a recorder's filter, a sanitized export), so its absence here
  // proves nothing and the server's reading stands.
  const stated = proxy ? null : statedReasonOf(x);
  if (stated && RECEIVED.has(stated.row.cause)) {
    confidence = Math.min(confidence, CONFIDENCE.weakPlus20);
    summary +=
      ` Yet the server's message speaks of a credential it received (${statedEvidence(stated.error).detail}): ` +
      `the capture probably left the header out.`;
  }
  if (!proxy && mayBeSanitized(ctx.log)) {
    confidence -= NUDGE.mayBeDropped;
    summary +=
      ` No request in this capture carries Cookie or Authorization and no response sets a cookie: ` +
      `if it was saved with "Export HAR (sanitized)", those headers were removed and their absence ` +
      `proves nothing.`;
    fixes.push(
      'Re-export the HAR with sensitive data included (DevTools: "Export HAR (with sensitive data)"), ' +
        'or capture in the Why403 panel, then diagnose again.',
    );
  }
  // No challenge, and the server's words name the key it looked for ("'X-API-Key' header required", "query parameter
  // 'api_key' required": express-openapi-validator's apiKey security check, dist/middlewares/openapi.security.js):
  // the credential that is missing is that key, so say so rather than a credential in general.
  const keyNamed = challenges.length === 0 && stated?.row.cause === 'api_key.missing' ? stated : null;
  const out: Cause[] = [
    keyNamed
      ? {
          id: 'api_key.missing',
          confidence,
          title: 'The server wants an API key and the request carried none',
          summary: `${summary} The server's message names the key it looks for.`,
          evidence: [...evidence, statedEvidence(keyNamed.error)],
          fixes: [...keyNamed.row.fixes, ...fixes],
        }
      : { id: 'auth.missing', confidence, title, summary, evidence, fixes },
  ];
  if (!proxy && scrubbedByRecorder(ctx.log)) {
    // A test recorder's fixture: the client under test sent its credential and the recorder
    // removed it before the file was committed, so "refused" is the better reading.
    out.push({
      id: 'auth.invalid',
      confidence: Math.min(CONFIDENCE.weakPlus25, confidence + NUDGE.outrank),
      title: 'The credential the client sent was refused (the recorder removed it from the capture)',
      summary:
        `This HAR was written by ${ctx.log.creator}, a test recorder whose users remove credential headers ` +
        'before committing; no entry in it keeps one. The client most likely authenticated and the server ' +
        `answered ${x.status}.`,
      evidence: [statusEvidence(x), { where: 'log', name: 'creator', detail: `HAR creator: ${ctx.log.creator}` }],
      fixes: ['Check that the credential belongs to this environment and service, then replay with a fresh one.'],
    });
  }
  return out;
}

/**
 * A fetch() or XHR: DevTools' `_resourceType`, or, from a writer without it (Playwright's recordHar), the browser's
 * own `Sec-Fetch-Dest: empty`, the destination Fetch Metadata gives fetch(), XHR and beacons and never a page, an
 * image or a script (https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-dest-header).
 */
function apiCall(x: RuleContext['x']): boolean {
  if (x.resourceType === 'fetch' || x.resourceType === 'xhr') return true;
  return x.resourceType === '' && x.req.get('sec-fetch-dest')?.toLowerCase() === 'empty';
}

/** 403 to an API call that carried nothing at all: many stacks answer 403 for anonymous users. */
function forbiddenAnonymous(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  const creds = credentialsOf(ctx);
  // An anti-CSRF cookie (Tornado's _xsrf, Django's csrftoken) proves no identity: a request holding only those holds
  // no credential (Tornado's @authenticated answers such a POST 403, test/fixtures/lab/tornado/authenticated-post).
  const held = creds.authorization !== null || creds.proxyAuthorization !== null || creds.apiKeys.length > 0;
  if (held || creds.cookies.some((c) => !isCsrfCookie(c.name))) return [];
  if (signedUrlOf(ctx) !== null || mayBeSanitized(ctx.log)) return [];
  // A rate limit answered with 403 (GitHub) is not a missing credential.
  const limits = rateLimitOf(ctx);
  if (limits.exhausted.length > 0 || limits.retryAfter) return [];
  if (!apiCall(x)) return [];
  const challenges = challengesOf(ctx);
  const csrf = creds.cookies.map((c) => c.name).join(', ');
  const none = `no Authorization header, API key or ${csrf ? `cookie but the anti-CSRF ${csrf}` : 'cookie'}`;
  const evidence: Evidence[] = [statusEvidence(x), { where: 'request.header', name: 'authorization', detail: none }];
  for (const ch of challenges.slice(0, 2)) evidence.push(challengeEvidence(ch));
  return [
    {
      id: 'auth.missing',
      confidence:
        challenges.length > 0
          ? CONFIDENCE.possiblePlus10
          : cookieVerdictOf(ctx).missing.some((m) => m.sessionLike && explains(m))
            ? CONFIDENCE.weakPlus5
            : CONFIDENCE.weakPlus12,
      title: 'The API refused an anonymous request (403, no credentials at all)',
      summary:
        `The call carried ${none}. Many frameworks answer 403 ` +
        'rather than 401 to anonymous users, so the likeliest reading is that the client did not ' +
        'authenticate.',
      evidence,
      fixes: ['Check that the client attaches its credential (token, key or session cookie) to this call.'],
    },
  ];
}
