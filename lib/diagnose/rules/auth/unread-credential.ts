import { CONFIDENCE } from '../../../core/confidence';
import type { Cause, Evidence } from '../../../core/causes';
import type { Rule, RuleContext } from '../../../core/context';
import { authorizationOf } from '../../../inspect/authorization';
import { credentialsOf } from '../../../inspect/credentials';
import { mayBeSanitized } from '../../../inspect/log-traits';
import { clip } from '../../../inspect/mask';
import { signedUrlOf } from '../../../inspect/signed-url';
import { tokenEndpointOf } from '../../../inspect/token-endpoint';
import { challengesOf, oauthErrorOf } from '../../../inspect/www-authenticate';
import { statedReasonOf } from '../../stated-refusal';
import { RECEIVED, statedEvidence } from '../stated-reason';
import { authEvidence, challengeEvidence, statusEvidence } from './common';

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

// "Authentication credentials were not provided." (DRF), "No authorization token was found"
// (express-jwt), "Missing token": the server's words that it saw no credential.
const SAYS_NONE =
  /credentials\s+were\s+not\s+provided|no\s+(?:auth\w*|credentials?|(?:access\s+|bearer\s+)?token)\s+(?:header\s+)?(?:was\s+|were\s+)?(?:provided|found|given|present|supplied)|(?:token|credentials?|authori[sz]ation(?:\s+header)?)\s+(?:is\s+|was\s+)?(?:missing|not\s+provided|not\s+present)/i;
const HEAD = 4000;

function wrongScheme(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  const a = authorizationOf(ctx);
  if (!a || !a.scheme || a.hidden || a.kind === 'basic' || a.kind === 'sigv4' || a.kind === 'digest') return [];
  if (a.issues.some((i) => i.certainty === 'certain')) return []; // the malformed rule names it
  if (!a.jwt && a.credentialLength < 16) return [];
  const asked = challengesOf(ctx);
  const schemes = [...new Set(asked.map((c) => c.scheme))];
  const mismatch = schemes.length > 0 && !schemes.some((s) => s.toLowerCase() === a.scheme!.toLowerCase());
  const none = SAYS_NONE.exec((x.body.text ?? '').slice(0, HEAD));
  const stated = statedReasonOf(x);
  // The server's message speaks of a credential it read: then it was read, whatever the scheme.
  if (!none && stated && RECEIVED.has(stated.row.cause)) return [];
  if (!mismatch && !none) return [];
  const evidence: Evidence[] = [authEvidence(a)];
  for (const ch of asked.slice(0, 2)) evidence.push(challengeEvidence(ch));
  if (none) evidence.push({ where: 'response.body', detail: `the server says "${clip(none[0], 80)}"` });
  evidence.push(statusEvidence(x));
  const wanted = schemes.join(' or ');
  return [
    {
      id: 'auth.malformed',
      confidence: none ? CONFIDENCE.certain : CONFIDENCE.likely,
      title: mismatch
        ? `The request used the ${a.scheme} scheme; the server asks for ${wanted} (the ${a.jwt ? 'JWT' : 'token'} was not read)`
        : `A ${a.jwt ? 'JWT' : 'token'} was sent (${a.scheme}) but the server says it received none`,
      summary:
        `The request carried "Authorization: ${a.display}", a credential of the right shape, yet ` +
        (none ? 'the server answered that no credentials were provided' : `the server challenges for ${wanted}`) +
        '. It did not read the header: the scheme word (or the header) is not the one this API expects.',
      evidence,
      fixes: [
        mismatch
          ? `Send the credential as "${schemes[0]} <credential>" (the scheme the challenge names).`
          : 'Check the API docs for the scheme word it expects (Bearer, Token, JWT, Api-Key) and send the credential under it.',
      ],
    },
  ];
}

function noneSent(ctx: RuleContext): Cause[] {
  const { x } = ctx;
  if (x.status !== 401 && x.status !== 403) return [];
  const creds = credentialsOf(ctx);
  if (creds.any || signedUrlOf(ctx) !== null || tokenEndpointOf(ctx) !== null) return [];
  // Only a capture that keeps credential headers can show their absence.
  if (ctx.log.entriesWithCredentials === 0 || mayBeSanitized(ctx.log)) return [];
  // The server's words about a credential it "received": a stated code or message, or the
  // challenge's error="invalid_token" (RFC 6750 §3.1), which many servers send for none at all.
  const stated = statedReasonOf(x);
  const said = stated && RECEIVED.has(stated.row.cause) ? stated : null;
  const challenge = oauthErrorOf(challengesOf(ctx));
  const invalidToken = challenge?.error === 'invalid_token' ? challenge : null;
  if (!said && !invalidToken) return [];
  const key = !!said && said.row.cause.startsWith('api_key.');
  const words = said ? statedEvidence(said.error) : challengeEvidence(invalidToken!.challenge);
  return [
    {
      id: key ? 'api_key.missing' : 'auth.missing',
      confidence: CONFIDENCE.certain,
      title: key
        ? 'No API key was sent; the server reports the absent key as an invalid one'
        : 'No credential was sent; the server reports the absent credential as an invalid one',
      summary:
        `This request carried no Authorization header, API key or cookie, while other requests in the same ` +
        `capture do carry credentials (so the capture keeps them). The server's message ` +
        `(${words.detail}) is how it answers a request with none.`,
      evidence: [
        { where: 'request.header', name: 'authorization', detail: 'no Authorization header, API key or cookie' },
        {
          where: 'log',
          name: 'credentials kept',
          detail: `${ctx.log.entriesWithCredentials} other entr${ctx.log.entriesWithCredentials === 1 ? 'y carries' : 'ies carry'} credential headers`,
        },
        words,
        statusEvidence(x),
      ],
      fixes: [
        key
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
