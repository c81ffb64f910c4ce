import type { Evidence } from '../../../core/causes';
import type { RuleContext } from '../../../core/context';
import { readCredentials } from '../../../inspect/credentials';
import { showsAbsence } from '../../../inspect/log-traits';
import type { Exchange } from '../../../model/exchange';
import { statedReasonOf, statedRefusal } from '../../stated-refusal';
import { signsInWithBody } from '../../../inspect/sign-in';
import { isRefusalStatus } from '../../../core/statuses';

/**
 * The client held no credential for this call, as far as the log can tell (reading the situation,
 * issue 17). Asked only when the request carried none: a server saying "not authenticated" or
 * "you lack permission" to such a caller is answering an anonymous one, so `auth.missing`.
 *
 * - The capture keeps credential headers (other entries carry them, or its writer records every
 *   header), so their absence here is a fact.
 * - Or the client's own sign-in failed earlier in the log: a call whose credentials travelled in
 *   its body (a login mutation, a token request) was refused as invalid, and no call since carried
 *   a credential. Whatever a test recorder scrubbed, a client whose sign-in failed has no token to
 *   send (Saleor's tokenCreate answered INVALID_CREDENTIALS, then "You need one of the following
 *   permissions: AUTHENTICATED_USER").
 */

/** How far back a failed sign-in is looked for: a session's calls, not a whole day's log. */
const LOOK_BACK = 50;

function carried(y: Exchange): boolean {
  const c = readCredentials(y);
  return c.authorization !== null || c.apiKeys.length > 0;
}

function refusedSignIn(ctx: RuleContext): Evidence | null {
  const { x } = ctx;
  const list = ctx.log.exchanges;
  const host = x.url?.host;
  if (!host) return null;
  const at = list.lastIndexOf(x);
  for (let i = at - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--) {
    const y = list[i]!;
    if (y.isPreflight || y.url?.host !== host) continue;
    seen++;
    if (carried(y)) return null; // a credential was in use since: the sign-in is not the story
    // A refusal the tables mark as one, or the server's words at a refusal status to a sign-in that
    // carried its credentials in the body ("Invalid credentials" to POST /api/login).
    const r = statedRefusal(y) ?? (isRefusalStatus(y.status) && signsInWithBody(y) ? statedReasonOf(y) : null);
    if (r?.row.cause === 'auth.invalid') {
      return {
        where: 'log',
        name: 'sign-in refused',
        detail: `entry #${y.index} (${y.method} ${y.url?.pathname ?? ''}) was a sign-in refused as ${r.error.code || 'invalid'}; no call since carried a credential`,
      };
    }
  }
  return null;
}

/** Evidence that the client held no credential for this call, or null. Only for a call that carried none. */
export function heldNone(ctx: RuleContext): Evidence | null {
  if (showsAbsence(ctx.log)) {
    const n = ctx.log.entriesWithCredentials;
    return {
      where: 'log',
      name: 'credentials kept',
      detail:
        n > 0
          ? `${n} other entr${n === 1 ? 'y carries' : 'ies carry'} credential headers; this one carries none`
          : `written by ${ctx.log.creator}, which records every header as sent; this call carries no credential`,
    };
  }
  return refusedSignIn(ctx);
}
