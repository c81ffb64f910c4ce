import {
  authorizationOf,
  proxyAuthorizationOf,
  type AuthIssue,
  type AuthorizationReading,
} from '../../../inspect/authorization';
import {
  challengedBadRequest,
  challengesOf,
  oauthErrorOf,
  proxyChallengesOf,
  type Challenge,
} from '../../../inspect/www-authenticate';
import type { Cause } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { clip } from '../../../inspect/mask';
import { AUTH_STATUSES, authEvidence, challengeEvidence, statusEvidence } from './common';
import { CONFIDENCE, NUDGE } from '../../../core/confidence';
import { statedReasonOf } from '../../stated-refusal';
import { RECEIVED } from '../stated-reason';

const WEIGHT: Record<AuthIssue['code'], number> = {
  placeholder: CONFIDENCE.likelyPlus7,
  empty: CONFIDENCE.likelyPlus5,
  'doubled-scheme': CONFIDENCE.likelyPlus5,
  'header-name': CONFIDENCE.likelyPlus5,
  'truncated-jwt': CONFIDENCE.likelyPlus3,
  'broken-jwt': CONFIDENCE.likely,
  basic: CONFIDENCE.likelyPlus3,
  quoted: CONFIDENCE.likelyPlus3,
  'control-char': CONFIDENCE.likelyPlus3,
  'scheme-colon': CONFIDENCE.likelyPlus1,
  whitespace: CONFIDENCE.likely,
  sigv4: CONFIDENCE.possiblePlus20,
  'missing-scheme': CONFIDENCE.possiblePlus12,
  'bad-chars': CONFIDENCE.weakPlus25,
  'extra-space': CONFIDENCE.weakPlus20,
};

const FIX: Record<AuthIssue['code'], string> = {
  placeholder:
    'The token variable was empty when the header was built: make sure the token is loaded (login ' +
    'finished, storage read) before the request, and skip the header rather than sending "undefined".',
  empty: 'Do not send an empty Authorization header: attach the token, or omit the header until you have one.',
  'doubled-scheme':
    'The stored token already includes "Bearer ": either store the bare token or stop prefixing it again.',
  'header-name': 'Set the header value to "<scheme> <credentials>" only; the header name is not part of the value.',
  'truncated-jwt':
    'The token was cut short (copied partially, truncated by storage or a size limit): use the whole token.',
  'broken-jwt':
    'The token is not a valid JWT: check it was not altered (URL-encoded, truncated, concatenated) on its way into the header.',
  basic: 'Build the header as "Basic " + base64("user:password") (btoa in browsers).',
  quoted: 'Strip the quotes around the token (often a JSON string stored and read back without JSON.parse).',
  'control-char':
    'Trim the token: it carries a newline or control character (read from a file or environment variable).',
  'scheme-colon': 'Remove the colon: the form is "Bearer <token>".',
  whitespace: 'Remove the whitespace inside/around the credential (trim the token, join wrapped lines).',
  sigv4:
    'Let the AWS SDK sign the request (or fix the signer): the Authorization header does not follow the SigV4 format.',
  'missing-scheme':
    'Prefix the credential with its scheme, e.g. "Authorization: Bearer <token>" (unless the API documents a raw key in Authorization).',
  'bad-chars': 'Check the token for characters added by encoding (percent-encoding, quotes, commas).',
  'extra-space': 'Use exactly one space between the scheme and the credential.',
};

function confidenceOf(issue: AuthIssue, a: AuthorizationReading, challenges: Challenge[], status: number): number {
  let c = WEIGHT[issue.code];
  if (issue.code === 'missing-scheme') {
    const asked = challenges.some((ch) => /^(bearer|basic|token|dpop)$/i.test(ch.scheme));
    // A decoded JWT is always of kind 'JWT' (readJwtInto), so the kind alone decides.
    c =
      a.tokenKind === 'JWT'
        ? asked
          ? CONFIDENCE.likely
          : CONFIDENCE.possiblePlus12
        : asked
          ? CONFIDENCE.possiblePlus15
          : CONFIDENCE.weakPlus20;
  } else if (issue.certainty === 'likely' && issue.code === 'whitespace') c = CONFIDENCE.weakPlus20;
  if (status === 403 || status === 400) c -= NUDGE.unusualMalformedStatus;
  return c;
}

function readingCause(ctx: RuleContext, a: AuthorizationReading, challenges: Challenge[]): Cause[] {
  const { x } = ctx;
  const issues = [...a.issues].sort(
    (p, q) => confidenceOf(q, a, challenges, x.status) - confidenceOf(p, a, challenges, x.status),
  );
  const top = issues[0];
  if (!top) return [];
  const label = a.header === 'authorization' ? 'Authorization' : 'Proxy-Authorization';
  return [
    {
      id: 'auth.malformed',
      confidence: confidenceOf(top, a, challenges, x.status),
      title: `The ${label} header is malformed: ${top.message}`,
      summary: `The server could not read the credential: ${issues.map((i) => i.message).join('; ')}.`,
      evidence: [
        authEvidence(a),
        ...issues.map((i) => ({ where: 'request.header' as const, name: a.header, detail: i.message })),
        statusEvidence(x),
      ],
      fixes: [...new Set(issues.map((i) => FIX[i.code]))],
    },
  ];
}

// The server's words say the credential's shape is wrong ("Invalid token format", "malformed token").
const FORMAT_WORDS = /\b(?:format|malformed|badly formed|not well[- ]formed)\b/i;

function formatStated(
  ctx: RuleContext,
  a: AuthorizationReading,
  ch: Challenge,
  header: 'www-authenticate' | 'proxy-authenticate',
): Cause {
  const words = clip(ch.params.error!, 80);
  return {
    id: 'auth.malformed',
    // The strategy's own words outrank a generic body beside them (hapi's "Missing authentication", said whenever a
    // strategy refused without a message of its own): a credential was sent, and these words say why it failed.
    confidence: CONFIDENCE.likelyPlus3,
    title: `The server could not read the credential: "${words}"`,
    summary: `The challenge's error says the credential is not in the form the server reads ("${words}").`,
    evidence: [authEvidence(a), challengeEvidence(ch, header), statusEvidence(ctx.x)],
    fixes: ['Send the whole token as issued (a JWT has three dot-separated parts), with nothing added or cut.'],
  };
}

/** The sent scheme is not among those the server challenges for (Bearer sent, Token asked). */
function schemeMismatch(
  ctx: RuleContext,
  a: AuthorizationReading,
  challenges: Challenge[],
  header: 'www-authenticate' | 'proxy-authenticate',
): Cause[] {
  if (!a.scheme || challenges.length === 0) return [];
  const asked = challenges.map((c) => c.scheme.toLowerCase());
  if (asked.includes(a.scheme.toLowerCase())) return [];
  // A challenge carrying the server's own words about the credential (Boom puts hapi's message in `error="…"`:
  // hapi-auth-jwt2 answers `Token error="Invalid token"` whatever scheme the token came under,
  // https://hapi.dev/module/boom/api/#unauthorizedmessage-scheme-attributes) says the server read it: the
  // scheme's name is the strategy's, not a scheme it refused. Words about the format still read as malformed.
  const judged = challenges.find((c) => /\s/.test(c.params.error?.trim() ?? ''));
  if (judged) return FORMAT_WORDS.test(judged.params.error!) ? [formatStated(ctx, a, judged, header)] : [];
  // The body's own words judge the credential it read ("signature is invalid", "user not found", "Token is expired":
  // InfluxDB 1.x verifies a Bearer JWT and still challenges `Basic realm="InfluxDB"` on every 401,
  // services/httpd/handler.go): the challenge names one scheme it reads, not the only one, and the verdict stands.
  const stated = statedReasonOf(ctx.x);
  if (stated && RECEIVED.has(stated.row.cause) && stated.row.cause !== 'auth.malformed') return [];
  const wanted = [...new Set(challenges.map((c) => c.scheme))].join(' or ');
  // RFC 6750 §3.1: a request "attempted using an unsupported authentication method" lacks authentication
  // information. A Bearer challenge's error="invalid_token" then speaks of a Bearer token the server never received
  // (test/fixtures/lab/falcon: an auth middleware in the words of Falcon's tutorial answers a "Token …" header so),
  // so the scheme outranks that error.
  const unread = oauthErrorOf(challenges)?.error === 'invalid_token';
  return [
    {
      id: 'auth.malformed',
      confidence: unread ? CONFIDENCE.likelyPlus7 : CONFIDENCE.possiblePlus6,
      title: `The request used the ${a.scheme} scheme; the server asks for ${wanted}`,
      summary:
        `The challenge lists ${wanted}, and the request authenticated with ${a.scheme}. The server ` +
        `does not read credentials in this scheme here` +
        (unread ? ': its error="invalid_token" speaks of a token it never received under its own scheme.' : '.'),
      evidence: [
        authEvidence(a),
        ...challenges.slice(0, 3).map((c) => challengeEvidence(c, header)),
        statusEvidence(ctx.x),
      ],
      fixes: [
        `Send the credential with the scheme the server asks for (${wanted}), e.g. "${challenges[0]!.scheme} <credentials>".`,
      ],
    },
  ];
}

/** auth.malformed: credentials sent in a shape the server cannot read. */
export const authMalformedRule: Rule = {
  name: 'auth-malformed',
  run(ctx) {
    const { x } = ctx;
    if (!AUTH_STATUSES.has(x.status)) return [];
    const out: Cause[] = [];
    const auth = authorizationOf(ctx);
    const challenges = challengesOf(ctx);
    if (auth) {
      out.push(...readingCause(ctx, auth, challenges));
      if ((x.status === 401 || challengedBadRequest(x)) && auth.issues.every((i) => i.certainty === 'likely'))
        out.push(...schemeMismatch(ctx, auth, challenges, 'www-authenticate'));
      const err = oauthErrorOf(challenges);
      if (err?.error === 'invalid_request') {
        // The credential went under another scheme than the one challenged (Hono's bearer-auth answers
        // "Token …" so): the likeliest of RFC 6750's "otherwise malformed", and the fix is the scheme.
        const otherScheme = auth.scheme && auth.scheme.toLowerCase() !== err.scheme.toLowerCase() ? auth.scheme : null;
        out.push({
          id: 'auth.malformed',
          confidence: CONFIDENCE.possiblePlus20,
          title: otherScheme
            ? `The server could not read a ${clip(otherScheme, 20)} credential: it asks for ${clip(err.scheme, 20)} (error="invalid_request")`
            : 'The server could not parse the authenticated request (error="invalid_request")',
          summary:
            'RFC 6750 §3.1: invalid_request means a missing or repeated parameter, or more than ' +
            'one way of sending the token (header and query, header and body)' +
            (otherScheme ? `; here the token went under the ${clip(otherScheme, 20)} scheme.` : '.'),
          evidence: [challengeEvidence(err.challenge), authEvidence(auth), statusEvidence(x)],
          fixes: [
            ...(otherScheme ? [`Send the token as "Authorization: ${clip(err.scheme, 20)} <token>".`] : []),
            'Send the token one way only (the Authorization header), and check the request parameters the API requires.',
          ],
        });
      }
    }
    const proxy = proxyAuthorizationOf(ctx);
    if (proxy && x.status === 407) {
      out.push(...readingCause(ctx, proxy, proxyChallengesOf(ctx)));
      out.push(...schemeMismatch(ctx, proxy, proxyChallengesOf(ctx), 'proxy-authenticate'));
    }
    return out;
  },
};
