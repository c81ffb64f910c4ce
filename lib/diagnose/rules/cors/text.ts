import type { CorsFailure, CorsVerdict } from '../../../cors/types';
import type { Exchange } from '../../../model/exchange';
import { CORS_KINDS } from './kinds';
import { corsCase } from './wording';
import { isCredentialRefusal } from '../../../core/statuses';

/** Statuses whose meaning a CORS block hides from the page: a credential refusal, a rate limit, a server error. */
export function isRefusal(status: number): boolean {
  return isCredentialRefusal(status) || status === 429 || status >= 500;
}

export function title(x: Exchange, v: CorsVerdict, f: CorsFailure): string {
  return CORS_KINDS[f.kind].title(corsCase(x, v, f));
}

function explain(x: Exchange, v: CorsVerdict, f: CorsFailure): string {
  const kind = CORS_KINDS[f.kind];
  const c = corsCase(x, v, f);
  // For failures deduced without the preflight in the log: say what it means, not what was seen.
  if (f.inferred && f.stage === 'preflight' && !v.preflight) return kind.unseen?.(c) ?? '';
  return kind.explain(c);
}

/** The "CORS hides a real 403" sentence, when the blocked response (or its preflight) was a refusal. */
export function hiddenStatus(x: Exchange, v: CorsVerdict, f: CorsFailure): string {
  if (f.stage === 'response' && isRefusal(x.status)) {
    return (
      ` The CORS error hides a real ${x.status}: the server refused the request itself, and most ` +
      `frameworks add CORS headers only to successful responses. Fix both.`
    );
  }
  const p = v.preflight;
  if (f.stage === 'preflight' && p && isRefusal(p.status))
    return ` The CORS error hides a real ${p.status} on the preflight (entry #${p.index}).`;
  if (f.stage === 'preflight' && p && p.status >= 400)
    return ` The preflight (entry #${p.index}) was answered ${p.status}.`;
  return '';
}

export function summary(x: Exchange, v: CorsVerdict, f: CorsFailure): string {
  const said = v.verdictRecorded ? 'Chrome blocked it' : 'A browser blocks this';
  const chrome = f.inferred ? `Likely, not recorded: ${f.inferred}.` : `${said}: "${f.message}"`;
  return `${chrome} ${explain(x, v, f)}${hiddenStatus(x, v, f)}`.trim();
}
