import { CONFIDENCE } from '../../core/confidence';
import type { Cause, CauseId, Evidence } from '../../core/causes';
import type { Rule, RuleContext } from '../../core/context';
import { authorizationOf } from '../../inspect/authorization';
import { credentialsOf, keyOnly } from '../../inspect/credentials';
import { echoedRequestValue } from '../../inspect/echoed-value';
import { mayBeSanitized, showsAbsence } from '../../inspect/log-traits';
import { clip } from '../../inspect/mask';
import { signedUrlOf } from '../../inspect/signed-url';
import type { StatedError } from '../../inspect/structured-error';
import { tokenEndpointOf } from '../../inspect/token-endpoint';
import { signsInWithBody, signsInWithQuery } from '../../inspect/sign-in';
import { SOCKET_IO_AT, socketIoConnectAuth } from '../../inspect/socket-io';
import { explainMessage, MESSAGE_TABLE, type StatedReason } from '../../vendors/codes';
import { matchInput, maskSecrets } from '../../vendors/match';
import { matchingSignatures } from './signatures';
import { statedReasonOf } from '../stated-refusal';
import { heldNone } from './auth/held-none';
import { hiddenEvidence, SAYS_NONE, saysExpired, saysNotYetValid, statusEvidence } from './auth/common';

const FAMILY: Record<StatedError['family'], string> = {
  oauth: 'OAuth error',
  problem: 'problem+json',
  google: 'Google error',
  odata: 'error code',
  aws: 'AWS error code',
  graphql: 'GraphQL error',
  jsonapi: 'JSON:API error',
  spring: 'Spring error',
  envelope: 'error',
  code: 'error code',
  trpc: 'tRPC error',
  message: 'error message',
};

/** Causes that mean the server received a credential (and found it wrong). */
export const RECEIVED: ReadonlySet<string> = new Set([
  'auth.invalid',
  'auth.malformed',
  'auth.token_expired',
  'auth.token_not_yet_valid',
  'api_key.invalid',
  'api_key.expired',
  'api_key.restricted',
  'signature.mismatch',
  'permission.insufficient_scope',
]);

export function statedEvidence(e: StatedError): Evidence {
  const message = e.message ? ` — "${clip(maskSecrets(e.message), 240)}"` : '';
  return e.at === 'x-amzn-ErrorType'
    ? { where: 'response.header', name: 'x-amzn-errortype', detail: `x-amzn-ErrorType: ${clip(e.code, 120)}` }
    : {
        where: 'response.body',
        name: e.at,
        detail: `${FAMILY[e.family]}${e.code ? ` ${clip(e.code, 120)}` : ''} at ${e.at}${message}`,
      };
}

// A cookie that is the session itself, set at sign-in and deleted at sign-out, never sent by an anonymous browser:
// Auth.js's and NextAuth.js's `authjs.session-token` / `next-auth.session-token` (and their `__Secure-` forms) hold
// the whole session, encrypted, with the JWT strategy (https://authjs.dev/concepts/session-strategies#jwt-session).
// Refused, it is a credential the server could not read, not the cookies of a logged-out browser.
const SESSION_TOKEN_COOKIE = /(?:^|[._-])session[._-]?token$/i;

// "IDX14100: JWT is not well formed", "malformed token": the server could not read the credential.
const MALFORMED = /not\s+well[\s-]?formed|\bmalformed\b|could\s+not\s+(?:be\s+)?(?:parsed|decoded)/i;

interface Resolved {
  id: CauseId;
  confidence: number;
  note: string;
  /** What showed that the caller held no credential, when that decided the reading. */
  held?: Evidence;
  /** The request value the server's message quotes back, when only that shows a credential went. */
  echoed?: Evidence;
}

/** Turns the table's cause into a taxonomy id, given what the request shows. */
function resolve(ctx: RuleContext, r: StatedReason): Resolved {
  const { row, error } = r;
  let confidence: number = CONFIDENCE[row.level];
  let note = '';
  const token = tokenEndpointOf(ctx);
  let id = (token && row.atTokenEndpoint) || row.cause;
  const creds = credentialsOf(ctx);
  // Socket.IO's refusal answers the CONNECT packet POSTed before it, which carried any credential.
  const connect = error.at === SOCKET_IO_AT ? socketIoConnectAuth(ctx.x, ctx.log.exchanges) : null;
  const carried =
    connect === 'sent' ||
    token !== null ||
    signsInWithBody(ctx.x) ||
    signsInWithQuery(ctx.x) ||
    creds.authorization !== null ||
    creds.apiKeys.length > 0 ||
    creds.cookies.length > 0 ||
    signedUrlOf(ctx) !== null;
  // A credential in a place no table names (a `?st=` query parameter) that the server quotes back.
  const quoted = carried ? null : echoedRequestValue(ctx.x, error.message ?? '');
  const echoed: Evidence | undefined = quoted
    ? {
        where: 'request.query',
        detail: `the server's message quotes "${clip(quoted.run, 24)}…", which the request sent in its ${quoted.where}`,
      }
    : undefined;
  const sent = carried || quoted !== null;
  if (connect === 'none' && (id === 'auth.invalid' || id === 'auth.unauthenticated')) {
    note = ' The Socket.IO CONNECT packet this answers carried no `auth` object: nothing was sent to refuse.';
    return { id: 'auth.missing', confidence, note };
  }
  // Nothing sent and nothing dropped by the capture: "not authenticated" can only mean missing,
  // whatever else the message hedges with ("Session expired or invalid").
  if (id === 'auth.unauthenticated' && !sent && !mayBeSanitized(ctx.log)) id = 'auth.missing';
  // "Not authenticated" or "you lack a permission" said to a caller that held no credential at
  // all answers an anonymous caller: the credential is missing (held-none.ts).
  const anonymous = id === 'auth.unauthenticated' || (id === 'permission.denied' && row.refusal);
  const held = !sent && anonymous ? heldNone(ctx) : null;
  if (held) {
    id = 'auth.missing';
    note = ' The caller held no credential for this call, so the refusal answers an anonymous caller.';
    return { id, confidence, note, held };
  }
  if (!row.message && error.code && (id === 'auth.invalid' || id === 'auth.unauthenticated')) {
    // The code says "not accepted"; the message may say why, which is more specific than the code.
    const refined = saysExpired(error.message)
      ? 'auth.token_expired'
      : saysNotYetValid(error.message)
        ? 'auth.token_not_yet_valid'
        : MALFORMED.test(error.message ?? '')
          ? 'auth.malformed'
          : null;
    if (refined) {
      id = refined;
      confidence = Math.max(confidence, CONFIDENCE.certain);
    }
  }
  // A code that says only that no credential came ("authentication_error" to a caller that sent
  // nothing) and a message that names the API key ("x-api-key header is required"): the key is what
  // the server is talking about. A code that already names its refusal keeps its own reading.
  if (!row.message && error.code && id === 'auth.missing') {
    const keyed = explainMessage(error)?.row.cause;
    if (keyed?.startsWith('api_key.')) id = keyed;
  }
  // Only cookies went, and the server says "not logged in": the cookie names no session it knows (a
  // signed-out or expired one), which is no credential (issue 17: a logged-out browser's cookies).
  const cookiesOnly =
    creds.cookies.length > 0 &&
    !creds.cookies.some((c) => SESSION_TOKEN_COOKIE.test(c.name)) &&
    creds.authorization === null &&
    creds.apiKeys.length === 0 &&
    token === null &&
    signedUrlOf(ctx) === null &&
    !signsInWithBody(ctx.x);
  if (id === 'auth.unauthenticated' && cookiesOnly && !mayBeSanitized(ctx.log)) {
    id = 'auth.missing';
    note =
      ' Only cookies were sent, and the server says the caller is not signed in: none of them carried a session it knows.';
  }
  // Nothing sent in a capture that would show it was read as missing above: here a credential was sent, or the
  // capture may have dropped it.
  if (id === 'auth.unauthenticated') {
    id = 'auth.invalid';
    if (!sent) {
      confidence = CONFIDENCE.possible;
      note =
        ' The capture carries no credential headers at all (a sanitized export drops them), so whether one ' +
        'was sent cannot be told; the server did not accept what it got.';
    }
  }
  // Nothing at all was sent, and the capture can show that (or the server's description says so):
  // the server's "invalid" wording is how it answers none (RFC 6750 servers send invalid_token
  // for a missing token too). The missing reading (auth-unread-credential) comes first; this one
  // stays as the alternative, at a lower level (issue 17).
  if (!sent && RECEIVED.has(id) && (showsAbsence(ctx.log) || SAYS_NONE.test(error.message ?? ''))) {
    confidence = Math.min(confidence, CONFIDENCE.possible);
    note = ' The request carried no credential at all, so this is more likely how the server answers none.';
  }
  // A JWT carries its own signature (RFC 7515): "signature is invalid" said to a call whose Authorization is a JWT
  // (golang-jwt's ErrSignatureInvalid, as InfluxDB 1.x returns it for a token signed with another secret) refuses
  // that token, not a signed request.
  if (id === 'signature.mismatch' && authorizationOf(ctx)?.jwt) {
    id = 'auth.invalid';
    note = " The signature the server speaks of is the JWT's own: the token was signed with another key.";
  }
  // Scopes belong to tokens (RFC 6749 §3.3). Said to a caller of an API that sent a password (Basic)
  // or only cookies, "insufficient scope" names a role the account lacks (hapi's route scope): a
  // permission. At a token endpoint Basic is the client's own authentication and the scope is OAuth's.
  const scheme = /^\s*(\w+)/.exec(creds.authorization ?? '')?.[1]!.toLowerCase();
  if (id === 'permission.insufficient_scope' && token === null && (scheme === 'basic' || cookiesOnly)) {
    id = 'permission.denied';
    note = ' The caller sent a password or a session, not a token: the "scope" it lacks is a role of its account.';
  }
  // "The credential was not accepted" said to a call whose only credential was an API key (Unsplash's
  // "OAuth error: The access token is invalid" to ?client_id=…): the key is what was refused.
  if (id === 'auth.invalid' && keyOnly(creds, ctx.x) && token === null && !signsInWithBody(ctx.x) && !quoted)
    id = 'api_key.invalid';
  // A token endpoint's credentials travel in the body (token !== null counts as sent above), so a refusal there reads
  // "missing" only when the server itself says the client sent none ("no client authentication mechanism provided").
  return { id: id as CauseId, confidence, note, ...(echoed ? { echoed } : {}) };
}

function vendorSpoke(ctx: RuleContext): boolean {
  // Stryker disable next-line StringLiteral: the key only names this memo (lib/core/context.ts once()); with '' here the other 'vendor-match-input' reader makes the same input again, only slower
  const input = ctx.once('vendor-match-input', () => matchInput(ctx.x, credentialsOf(ctx)));
  return matchingSignatures(input).some((m) => !m.signature.generic);
}

/** The server's stated reason (a structured error code), mapped through lib/vendors/codes. */
export const statedReasonRule: Rule = {
  name: 'stated-reason',
  run(ctx) {
    const { x } = ctx;
    if (x.status < 200 || x.status >= 500 || (x.status >= 300 && x.status < 400)) return [];
    const r = statedReasonOf(x);
    if (!r) return [];
    // Wording is common ground: like the generic signatures, it speaks only when no vendor did.
    if (r.table === MESSAGE_TABLE && vendorSpoke(ctx)) return [];
    const { id, confidence, note, held, echoed } = resolve(ctx, r);
    const { error, row, table } = r;
    const evidence: Evidence[] = [statedEvidence(error), statusEvidence(x)];
    if (held) evidence.push(held);
    if (echoed) evidence.push(echoed);
    const hidden = hiddenEvidence(ctx);
    if (hidden) evidence.push(hidden);
    const token = tokenEndpointOf(ctx);
    if (token)
      evidence.push({ where: 'request.body', name: 'token endpoint', detail: `OAuth token request: ${token.why}` });
    evidence.push({ where: 'log', name: 'code table', detail: `${table.name} codes (${table.source})` });
    const cause: Cause = {
      id,
      confidence,
      title: error.code
        ? `The server says ${clip(error.code, 60)}: ${row.means}`
        : `The server's message says ${row.means}`,
      summary:
        `The response states its reason in a structured body (${FAMILY[error.family]}${error.code ? ` "${clip(error.code, 60)}"` : ''}` +
        `${x.status < 300 ? `, inside an HTTP ${x.status}` : ''}): ${row.means}.${note}` +
        (hidden ? ' The capture hid the credential, so only the server can say what was wrong with it.' : ''),
      evidence,
      fixes: [...row.fixes],
    };
    return [cause];
  },
};
