import { bodyMayHoldRefusal } from './hidden-refusal';
import type { Exchange } from '../model/exchange';
import { parseJsonBody, STRUCTURED_MAX, statedErrorsOf, type StatedError } from '../inspect/structured-error';
import { envelopeOf, MAY_BE_ENVELOPE, type Envelope } from '../inspect/envelope';
import { SIGN_IN_UNKNOWN_ACCOUNT, statesRefusal, statesUnknownAccount } from '../vendors/codes/refusal-wording';
import { signsInWithBody } from '../inspect/sign-in';
import { readTokenEndpoint } from '../inspect/token-endpoint';
import { SIGNATURES } from '../vendors';
import { explainError, explainMessage, explainStated, MESSAGE_TABLE, type StatedReason } from '../vendors/codes';
import { xmlFaultError } from '../inspect/stated-elsewhere';
import { isEngineIoPoll, socketIoConnectError } from '../inspect/socket-io';
import { mayBeCsrfTokenBody } from '../inspect/json-csrf-token';
import { isGraphqlRequest } from '../inspect/graphql-request';
import { OAUTH_CODES, TOKEN_ENDPOINT_REFUSAL } from '../vendors/codes/oauth';
import { isRefusalStatus } from '../core/statuses';

// A 2xx is a refusal only when a protocol carried inside HTTP says so: GraphQL errors[] or an
// {"ok":false} envelope. Cheap test before any parse, since most 2xx bodies are data.
const MAY_STATE_2XX = /"errors"\s*:\s*\[|"ok"\s*:\s*false/;

function maySay(text: string | null): boolean {
  if (text === null || text.length > STRUCTURED_MAX) return false;
  return (text.includes('"errors"') || text.includes('"ok"')) && MAY_STATE_2XX.test(text);
}

/**
 * What the response states and what it means: the code tables first; at an OAuth token endpoint,
 * any OAuth error the tables do not know is still a refusal of the client or the grant.
 */
export function statedReasonOf(x: Exchange): StatedReason | null {
  const errors = statedErrorsOf(x);
  if (errors.length === 0) return null;
  const host = x.url?.hostname.toLowerCase() ?? '';
  const oauth = errors.find((e) => e.family === 'oauth');
  const r =
    oauth && readTokenEndpoint(x)
      ? (explainError(oauth, host) ?? { error: oauth, row: TOKEN_ENDPOINT_REFUSAL, table: OAUTH_CODES })
      : explainStated(errors, host, isGraphqlRequest(x));
  if (!r?.row.refusal && x.status >= 200 && x.status < 300) return envelopeRefusal(x, errors, host) ?? r;
  // At 400, 404, 422…, a code that is not a refusal may sit beside words that are one.
  if (r?.row.refusal || x.status < 400 || x.status >= 500 || isRefusalStatus(x.status)) return r;
  return refusalInWords(errors) ?? (signsInWithBody(x) ? unknownAccount(errors) : null) ?? r;
}

/** A sign-in answered that the account it names is unknown (refusal-wording.ts, UNKNOWN_ACCOUNT). */
function unknownAccount(errors: readonly StatedError[]): StatedReason | null {
  const e = errors.find((m) => statesUnknownAccount(m.message));
  return e ? { error: e, row: SIGN_IN_UNKNOWN_ACCOUNT, table: MESSAGE_TABLE } : null;
}

/**
 * XML-RPC and SOAP report a fault inside an HTTP 200 (stated-elsewhere.ts), Socket.IO a refused
 * connection (socket-io.ts). A fault whose message the wording rows read as a refusal (a wrong
 * password, an invalid key, no permission) is one; any other fault (a bad parameter, a server
 * error) stays unflagged.
 */
function faultRefusal(x: Exchange): StatedReason | null {
  const fault = xmlFaultError(x.body.text) ?? socketIoConnectError(x);
  const r = fault ? explainMessage(fault) : null;
  return r ? { ...r, row: { ...r.row, refusal: true } } : null;
}

/**
 * The server's structured body says "refused" although the status is not a refusal status:
 * a token endpoint's 400 invalid_grant, Google's 400 with a disabled API or billing, a GraphQL
 * 200 with UNAUTHENTICATED. Only codes the tables mark as refusals count, so an ordinary 400
 * (validation, invalid_request), 404 or 5xx stays unflagged.
 */
export function statedRefusal(x: Exchange): StatedReason | null {
  if (x.isPreflight) return null;
  const s = x.status;
  const ok = s >= 200 && s < 300;
  if (!ok && !(s >= 400 && s < 500)) return null;
  if (ok) {
    const fault = faultRefusal(x);
    if (fault) return fault;
  }
  if (ok && !maySay(x.body.text)) return envelopeRefusal(x);
  if (ok) {
    const errors = statedErrorsOf(x).filter((e) => e.family === 'graphql' || e.family === 'envelope');
    const reason = explainStated(errors, x.url?.hostname.toLowerCase() ?? '', isGraphqlRequest(x));
    if (!reason?.row.refusal) return envelopeRefusal(x);
    // Words alone, or a mutation payload's own error list, speak for GraphQL only when the call
    // was a GraphQL operation; a top-level code says so by itself.
    const looser = reason.row.codes.length === 0 || reason.error.at.startsWith('/data/');
    return !looser || isGraphqlRequest(x) ? reason : null;
  }
  const reason = statedReasonOf(x);
  return reason?.row.refusal ? reason : null;
}

/** A JSON object or array within the structured bound that carries an envelope's marks (cheap: most 2xx bodies stop at the first character). */
function envelopeLike(text: string): boolean {
  if (text.length > STRUCTURED_MAX) return false;
  const first = /\S/.exec(text.slice(0, 64))?.[0];
  return (first === '{' || first === '[') && MAY_BE_ENVELOPE.test(text);
}

// Flagging and diagnosis both ask of the same body: parse it for its envelope once.
const envelopes = new WeakMap<object, Envelope | null>();

function envelopeOfBody(x: Exchange): Envelope | null {
  let found = envelopes.get(x.body);
  if (found === undefined) {
    const text = x.body.text;
    found = text && envelopeLike(text) ? envelopeOf(parseJsonBody(text)) : null;
    envelopes.set(x.body, found);
  }
  return found;
}

const asRefusal = (r: StatedReason): StatedReason => ({ ...r, row: { ...r.row, refusal: true } });

// What an envelope's own words must mean for a failed call to count as refused: a credential, a
// key, a CSRF token, a signature or a limit. "Permission" and "quota" words are too common in
// ordinary failures ("Permission settings invalid"), so those need the strict wording.
const REFUSED_IN_ENVELOPE: ReadonlySet<string> = new Set([
  'auth.invalid',
  'auth.unauthenticated',
  'auth.missing',
  'auth.token_expired',
  'api_key.invalid',
  'api_key.missing',
  'api_key.expired',
  'csrf.invalid',
  'rate_limit.exceeded',
  'signature.mismatch',
  'permission.insufficient_scope',
]);
// A failed envelope whose message is only a refusal phrase (JSON-RPC's "Unauthorized").
const BARE_PHRASE = /^\W*(?:unauthori[sz]ed|forbidden|access\s+denied|too\s+many\s+requests)\W*$/i;

/**
 * A 2xx whose JSON is an error envelope (inspect/envelope.ts) that refuses: a code the tables mark
 * as a refusal, a refusal in so many words, an HTTP refusal status repeated in the body, or a failed
 * call whose message names a refused credential or a limit. Any other failed call (a bad parameter,
 * nothing found) stays unflagged.
 */
function envelopeRefusal(
  x: Exchange,
  errors: readonly StatedError[] = statedErrorsOf(x),
  // Stryker disable next-line StringLiteral,LogicalOperator,MethodExpression: URL hostnames are lowercase already, and no host-scoped table matches '' or a placeholder
  host = x.url?.hostname.toLowerCase() ?? '',
): StatedReason | null {
  const envelope = envelopeOfBody(x);
  if (!envelope || errors.length === 0) return null;
  const reason = explainStated(errors, host, isGraphqlRequest(x));
  if (reason?.row.refusal) return reason;
  const words = refusalInWords(errors);
  if (words) return words;
  if (envelope.http !== null) {
    const said = reason ?? explainError({ family: 'code', code: String(envelope.http), at: envelope.at }, host);
    return said ? asRefusal(said) : null;
  }
  if (reason && REFUSED_IN_ENVELOPE.has(reason.row.cause)) return asRefusal(reason);
  const phrase = errors.find((e) => e.message && BARE_PHRASE.test(e.message));
  const fromPhrase = phrase ? explainError({ ...phrase, family: 'code', code: phrase.message!.trim() }, host) : null;
  return fromPhrase ? asRefusal(fromPhrase) : null;
}

/**
 * A 4xx that is not a refusal status (400, 404, 422) whose message refuses the caller in so many
 * words: "The username and password mismatch.", "must be signed by master key" (issue 17). Read
 * when no code said "refused", also beside a code that did not (Strapi's 400 ValidationError
 * "Invalid identifier or password"). The cause comes from the message rows.
 */
function refusalInWords(errors: readonly StatedError[]): StatedReason | null {
  for (const e of errors) {
    if (!statesRefusal(e.message)) continue;
    const r = explainMessage(e);
    if (r) return { ...r, row: { ...r.row, refusal: true } };
  }
  return null;
}

// Statuses at which a known block page flags an entry (WAF 200, Google 400…), from the signatures.
const BLOCK_PAGE_STATUSES: ReadonlySet<number> = new Set(
  SIGNATURES.filter((sig) => sig.flags).flatMap((sig) => sig.status ?? []),
);
const JSON_MIME = /json|graphql/i;
/** An error envelope in a 200 (inspect/envelope.ts) is small; data rarely is. */
const ENVELOPE_SIZE = 2048;

/**
 * Whether a 2xx JSON body may be an error envelope. With the text at hand (an imported file) the
 * cheap pattern decides, so the import worker still keeps back ordinary data; without it (a live
 * capture, body not yet fetched) a small declared size is reason enough to fetch it, an unknown one is not.
 */
function mayBeEnvelope(x: Exchange): boolean {
  const text = x.body.text;
  if (text !== null) return envelopeLike(text);
  const size = x.entry.response?.content?.size;
  return typeof size === 'number' && size > 0 && size <= ENVELOPE_SIZE;
}

/**
 * Whether this entry's body could make it a refusal once read. A live capture reads bodies lazily
 * (flagged entries first); entries for which this holds must be read too, or the panel would miss
 * what the CLI sees in a HAR with bodies: a GraphQL 200 UNAUTHENTICATED, a 400 invalid_grant, a
 * WAF block page served as 200.
 */
export function bodyMayFlag(x: Exchange): boolean {
  return x.body.text === null && bodyCanFlag(x);
}

/**
 * bodyMayFlag, whether or not the body is at hand: an entry for which this is false is diagnosed
 * the same without its body. The panel's import worker keeps such bodies back (issue 19).
 */
export function bodyCanFlag(x: Exchange): boolean {
  if (x.isPreflight) return false;
  // gRPC-web may carry its refusal in a trailer frame at the end of a 200 body.
  if (bodyMayHoldRefusal(x)) return true;
  const s = x.status;
  if (s >= 400 && s < 500) return true;
  if (BLOCK_PAGE_STATUSES.has(s) && /html/i.test(x.body.mimeType)) return true;
  if (s >= 200 && s < 300 && x.method === 'POST' && /xml/i.test(x.body.mimeType)) return true; // XML-RPC, SOAP
  // Socket.IO's CONNECT_ERROR rides in a polling 200 (socket-io.ts); a CSRF token object is read by a later
  // refusal's diagnosis (json-csrf-token.ts), so neither may be let go.
  if (s >= 200 && s < 300 && (isEngineIoPoll(x) || mayBeCsrfTokenBody(x))) return true;
  return (
    s >= 200 &&
    s < 300 &&
    JSON_MIME.test(x.body.mimeType) &&
    (x.method === 'POST' || /graphql|gql/i.test(x.rawUrl) || mayBeEnvelope(x))
  );
}
