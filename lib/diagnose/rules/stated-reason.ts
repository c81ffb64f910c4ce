import { CONFIDENCE } from '../../core/confidence';
import type { Cause, CauseId, Evidence } from '../../core/causes';
import type { Rule, RuleContext } from '../../core/context';
import { credentialsOf } from '../../inspect/credentials';
import { mayBeSanitized } from '../../inspect/log-traits';
import { clip } from '../../inspect/mask';
import { signedUrlOf } from '../../inspect/signed-url';
import { statedErrorsOf, type StatedError } from '../../inspect/structured-error';
import { tokenEndpointOf } from '../../inspect/token-endpoint';
import { explainStated, type StatedReason } from '../../vendors/codes';
import { maskSecrets } from '../../vendors/match';
import { hiddenEvidence, saysExpired, saysNotYetValid, statusEvidence } from './auth/common';

const FAMILY: Record<StatedError['family'], string> = {
  oauth: 'OAuth error',
  problem: 'problem+json',
  google: 'Google error',
  odata: 'error code',
  aws: 'AWS error code',
  graphql: 'GraphQL error code',
  jsonapi: 'JSON:API error',
  spring: 'Spring error',
  envelope: 'error',
};

export function statedEvidence(e: StatedError): Evidence {
  const message = e.message ? ` — "${clip(maskSecrets(e.message), 240)}"` : '';
  return e.at === 'x-amzn-ErrorType'
    ? { where: 'response.header', name: 'x-amzn-errortype', detail: `x-amzn-ErrorType: ${clip(e.code, 120)}` }
    : { where: 'response.body', name: e.at, detail: `${FAMILY[e.family]} ${clip(e.code, 120)} at ${e.at}${message}` };
}

interface Resolved {
  id: CauseId;
  confidence: number;
  note: string;
}

/** Turns the table's cause into a taxonomy id, given what the request shows. */
function resolve(ctx: RuleContext, r: StatedReason): Resolved {
  const { row, error } = r;
  let confidence: number = CONFIDENCE[row.level];
  let note = '';
  const token = tokenEndpointOf(ctx);
  let id = (token && row.atTokenEndpoint) || row.cause;
  if (!row.message && (id === 'auth.invalid' || id === 'auth.unauthenticated')) {
    // The code says "not accepted"; the message may say why (a lifetime, not a bad credential).
    if (saysExpired(error.message)) id = 'auth.token_expired';
    else if (saysNotYetValid(error.message)) id = 'auth.token_not_yet_valid';
  }
  if (id === 'auth.unauthenticated') {
    const creds = credentialsOf(ctx);
    const sent = creds.authorization !== null || creds.apiKeys.length > 0 || signedUrlOf(ctx) !== null;
    if (token || sent || creds.cookies.length > 0) id = 'auth.invalid';
    else if (mayBeSanitized(ctx.log)) {
      id = 'auth.invalid';
      confidence = CONFIDENCE.possible;
      note =
        ' The capture carries no credential headers at all (a sanitized export drops them), so whether one ' +
        'was sent cannot be told; the server did not accept what it got.';
    } else id = 'auth.missing';
  }
  // A token endpoint's credentials travel in the body: a refusal there is never "none sent".
  if (token && id === 'auth.missing') id = 'auth.invalid';
  return { id: id as CauseId, confidence, note };
}

/** The server's stated reason (a structured error code), mapped through lib/vendors/codes. */
export const statedReasonRule: Rule = {
  name: 'stated-reason',
  run(ctx) {
    const { x } = ctx;
    if (x.status < 200 || x.status >= 500 || (x.status >= 300 && x.status < 400)) return [];
    const r = explainStated(statedErrorsOf(x));
    if (!r) return [];
    const { id, confidence, note } = resolve(ctx, r);
    const { error, row, table } = r;
    const evidence: Evidence[] = [statedEvidence(error), statusEvidence(x)];
    const hidden = hiddenEvidence(ctx);
    if (hidden) evidence.push(hidden);
    const token = tokenEndpointOf(ctx);
    if (token)
      evidence.push({ where: 'request.body', name: 'token endpoint', detail: `OAuth token request: ${token.why}` });
    evidence.push({ where: 'log', name: 'code table', detail: `${table.name} codes (${table.source})` });
    const cause: Cause = {
      id,
      confidence,
      title: `The server says ${clip(error.code, 60)}: ${row.means}`,
      summary:
        `The response states its reason in a structured body (${FAMILY[error.family]} "${clip(error.code, 60)}"` +
        `${x.status >= 200 && x.status < 300 ? `, inside an HTTP ${x.status}` : ''}): ${row.means}.${note}` +
        (hidden ? ' The capture hid the credential, so only the server can say what was wrong with it.' : ''),
      evidence,
      fixes: [...row.fixes],
    };
    return [cause];
  },
};
