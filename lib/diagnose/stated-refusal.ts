import type { Exchange } from '../model/exchange';
import { STRUCTURED_MAX, statedErrorsOf } from '../inspect/structured-error';
import { explainStated, type StatedReason } from '../vendors/codes';

// A 2xx is a refusal only when a protocol carried inside HTTP says so: GraphQL errors[] or an
// {"ok":false} envelope. Cheap test before any parse, since most 2xx bodies are data.
const MAY_STATE_2XX = /"errors"\s*:\s*\[|"ok"\s*:\s*false/;

function maySay(text: string | null): boolean {
  if (text === null || text.length > STRUCTURED_MAX) return false;
  return (text.includes('"errors"') || text.includes('"ok"')) && MAY_STATE_2XX.test(text);
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
  if (ok && !maySay(x.body.text)) return null;
  const errors = statedErrorsOf(x);
  if (errors.length === 0) return null;
  const reason = explainStated(ok ? errors.filter((e) => e.family === 'graphql' || e.family === 'envelope') : errors);
  return reason?.row.refusal ? reason : null;
}
