import { CONFIDENCE } from '../../../core/confidence';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { authorizationOf } from '../../../inspect/authorization';
import { credentialsOf } from '../../../inspect/credentials';
import { echoedRequestValue } from '../../../inspect/echoed-value';
import { showsAbsence } from '../../../inspect/log-traits';
import { clip } from '../../../inspect/mask';
import { signedUrlOf } from '../../../inspect/signed-url';
import { signsInWithBody, signsInWithQuery } from '../../../inspect/sign-in';
import { tokenEndpointOf } from '../../../inspect/token-endpoint';
import { challengesOf, oauthErrorOf } from '../../../inspect/www-authenticate';
import { statedReasonOf } from '../../stated-refusal';
import { RECEIVED, statedEvidence } from '../stated-reason';
import { authEvidence, challengeEvidence, SAYS_NONE, statusEvidence } from './common';

/**
 * Whether the server read the credential at all (issue 17).
 *
 * - A valid-looking token under a scheme the server does not read (`Bearer` where Django REST
 *   framework's TokenAuthentication wants `Token`, `JWT` where the API wants `Bearer`) is never
 *   looked at: the server answers "no credentials were provided" or challenges for its own
 *   scheme. That is `auth.malformed` (the shape), not a missing or a rejected credential.
 * - With no credential on the request at all, in a capture that does keep credential headers
 *   elsewhere, "none was sent" is a fact, so `auth.missing` comes before whatever the server's
 *   message says about an invalid one (servers often say "invalid token" for none).
 */

const HEAD = 4000;

// The server's message states the format it reads: "Format is Authorization: Bearer [token]"
// (express-jwt's credentials_bad_scheme, https://github.com/auth0/express-jwt#error-handling),
// "Authorization: Token <key>", "expected Bearer scheme", "Authorization header with scheme 'Bearer' required"
// (express-openapi-validator's http security check, dist/middlewares/openapi.security.js). The scheme it names is
// the one it wants.
const SCHEMES = String.raw`Bearer|Token|Basic|JWT|Api-?Key|Digest|DPoP`;
const STATES_SCHEME = new RegExp(
  String.raw`\bAuthorization:?\s+(${SCHEMES})\s*[<[{(]|\bexpect(?:s|ed)?\s+(?:an?\s+|the\s+)?(${SCHEMES.replace('|Digest', '')})\s+(?:auth\w*\s+)?(?:scheme|token|header)` +
    String.raw`|\bwith\s+(?:the\s+)?scheme\s+['"]?(${SCHEMES})['"]?\s+(?:is\s+)?required\b`,
  'i',
);
// A code or message that says the scheme word was wrong: credentials_bad_scheme, invalid_scheme,
// "Unsupported authorization scheme", json-server-auth's "Incorrect authorization scheme" (dist/guards.js).
const BAD_SCHEME =
  /\b(?:bad|invalid|unsupported|wrong|incorrect|unknown|unexpected)[\s_-]+(?:auth\w*[\s_-]+)?(?:type|scheme)\b|\bcredentials[\s_-]+bad[\s_-]+scheme\b/i;

/** The scheme the server's message (its body's head) says it reads, when that differs from the one sent. */
function statedScheme(head: string, sent: string): { scheme: string | null; words: string } | null {
  const named = STATES_SCHEME.exec(head);
  const scheme = named ? (named[1] ?? named[2] ?? named[3])! : null;
  if (scheme && scheme.toLowerCase() !== sent.toLowerCase()) return { scheme, words: named![0] };
  const bad = BAD_SCHEME.exec(head);
  return bad && !scheme ? { scheme: null, words: bad[0] } : null;
}

function wrongScheme(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  const a = authorizationOf(ctx);
  if (!a || !a.scheme || a.hidden) return [];
  if (a.issues.some((i) => i.certainty === 'certain')) return []; // the malformed rule names it
  // Stryker disable next-line StringLiteral: no body has none of the words, whatever stands in for it.
  const head = (x.body.text ?? '').slice(0, HEAD);
  // Basic, Digest and SigV4 credentials, and short tokens, are read by many servers as they are: only the server
  // naming another scheme in its words says this one went unread (express-openapi-validator answers Basic
  // credentials to a bearer scheme "Authorization header with scheme 'Bearer' required").
  const other = a.kind === 'basic' || a.kind === 'sigv4' || a.kind === 'digest' || (!a.jwt && a.credentialLength < 16);
  if (other && !statedScheme(head, a.scheme)?.scheme) return [];
  const asked = challengesOf(ctx);
  const schemes = [...new Set(asked.map((c) => c.scheme))];
  const mismatch = schemes.length > 0 && !schemes.some((s) => s.toLowerCase() === a.scheme!.toLowerCase());
  const none = other ? null : SAYS_NONE.exec(head);
  const format = none ? null : statedScheme(head, a.scheme);
  const stated = statedReasonOf(x);
  // The server's message speaks of a credential it read: then it was read, whatever the scheme.
  if (!none && !format && stated && RECEIVED.has(stated.row.cause)) return [];
  if (!mismatch && !none && !format) return [];
  const evidence: Evidence[] = [authEvidence(a)];
  for (const ch of asked.slice(0, 2)) evidence.push(challengeEvidence(ch));
  if (none) evidence.push({ where: 'response.body', detail: `the server says "${clip(none[0], 80)}"` });
  if (format) evidence.push({ where: 'response.body', detail: `the server says "${clip(format.words, 80)}"` });
  evidence.push(statusEvidence(x));
  const wanted = mismatch ? schemes.join(' or ') : (format?.scheme ?? 'another scheme');
  return [
    {
      id: 'auth.malformed',
      confidence: none || format ? CONFIDENCE.certain : CONFIDENCE.likely,
      title:
        mismatch || format?.scheme
          ? `The request used the ${a.scheme} scheme; the server asks for ${wanted} (the ${a.jwt ? 'JWT' : 'token'} was not read)`
          : format
            ? `The server refused the ${a.scheme} scheme the ${a.jwt ? 'JWT' : 'token'} was sent under`
            : `A ${a.jwt ? 'JWT' : 'token'} was sent (${a.scheme}) but the server says it received none`,
      summary:
        `The request carried "Authorization: ${a.display}", a credential of the right shape, yet ` +
        (none
          ? 'the server answered that no credentials were provided'
          : format
            ? `the server's message states the format it reads ("${clip(format.words, 80)}")`
            : `the server challenges for ${wanted}`) +
        '. It did not read the header: the scheme word (or the header) is not the one this API expects.',
      evidence,
      fixes: [
        mismatch || format?.scheme
          ? `Send the credential as "${mismatch ? schemes[0] : format!.scheme} <credential>" (the scheme the server names).`
          : 'Check the API docs for the scheme word it expects (Bearer, Token, JWT, Api-Key) and send the credential under it.',
      ],
    },
  ];
}

function noneSent(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  const creds = credentialsOf(ctx);
  // A sign-in or a token request carries its credentials in the body.
  if (
    creds.any ||
    signedUrlOf(ctx) !== null ||
    tokenEndpointOf(ctx) !== null ||
    signsInWithBody(x) ||
    signsInWithQuery(x)
  )
    return [];
  // The server's words about a credential it "received": a stated code or message, or the
  // challenge's error="invalid_token" (RFC 6750 §3.1), which many servers send for none at all.
  const stated = statedReasonOf(x);
  const said = stated && RECEIVED.has(stated.row.cause) ? stated : null;
  // A 400 speaks of a credential only when its stated code is a refusal (ForgeRock AM's client
  // registration: 400 access_denied "Access Token not valid" to a request without one).
  if (x.status === 400 ? !said?.row.refusal : x.status !== 401 && x.status !== 403) return [];
  const challenge = oauthErrorOf(challengesOf(ctx));
  const invalidToken = challenge?.error === 'invalid_token' ? challenge : null;
  if (!said && !invalidToken) return [];
  // The server quotes back a value the request sent: a credential went, in a place no table names.
  // Stryker disable next-line StringLiteral: without a message there is nothing quoted, whatever stands in for it.
  if (said && echoedRequestValue(x, said.error.message ?? '') !== null) return [];
  // Only a capture that keeps credential headers can show their absence, unless the server's own
  // description says none came ("no access token provided" under invalid_token). A CORS preflight
  // names every credential header the request carried, but not its cookies, which a sanitized
  // export drops: read as "none sent", it lost two sealed captures for one open one (MISSES.md).
  const description = `${said?.error.message ?? ''} ${invalidToken?.description ?? ''}`;
  const kept = showsAbsence(ctx.log);
  if (!kept && !SAYS_NONE.test(description)) return [];
  const key = !!said && said.row.cause.startsWith('api_key.');
  const words = said ? statedEvidence(said.error) : challengeEvidence(invalidToken!.challenge);
  const n = ctx.log.entriesWithCredentials;
  const why =
    n > 0
      ? `${n} other entr${n === 1 ? 'y carries' : 'ies carry'} credential headers`
      : kept
        ? `written by ${clip(ctx.log.creator, 40)}, which records every header as sent`
        : 'the server itself says no credential came';
  return [
    {
      id: key ? 'api_key.missing' : 'auth.missing',
      confidence: CONFIDENCE.certain,
      title: key
        ? 'No API key was sent; the server reports the absent key as an invalid one'
        : 'No credential was sent; the server reports the absent credential as an invalid one',
      summary:
        `This request carried no Authorization header, API key or cookie (${why}). The server's message ` +
        `(${words.detail}) is how it answers a request with none.`,
      evidence: [
        { where: 'request.header', name: 'authorization', detail: 'no Authorization header, API key or cookie' },
        { where: 'log', name: 'credentials kept', detail: why },
        words,
        statusEvidence(x),
      ],
      fixes: [
        n === 0
          ? `Send the ${key ? 'API key' : 'credential'} this endpoint asks for with the call (see its documentation for the header).`
          : key
            ? 'Attach the API key to this call the way the other calls do (header or query parameter).'
            : 'Attach the credential to this call the way the other calls do (check the interceptor or base URL used here).',
      ],
    },
  ];
}

export const unreadCredentialRule: Rule = {
  name: 'auth-unread-credential',
  run(ctx) {
    if (![400, 401, 403].includes(ctx.x.status)) return [];
    return [...wrongScheme(ctx), ...noneSent(ctx)];
  },
};
