import type { Har } from '../har/types';
import type { Exchange } from '../model/exchange';
import type { Cause, EntryDiagnosis } from '../core/causes';
import { RuleContext, type Rule } from '../core/context';
import { isBrowserBlocked, isFlagged } from './flag';
import { stoppedByBrowser } from './hidden-refusal';
import { isHandshakeLeg } from './handshake';
import { failedPreflight } from './failed-preflight';
import { LogIndex } from '../core/log-index';
import { mergeCauses } from './merge';
import { placeCompanions } from './companions';
import { COMPANION_RULES, FALLBACK_RULES, RULES } from './rules';
import { noteHiddenCredentials } from './rules/auth/common';
import { unknownCause } from './unknown';

export interface DiagnoseOptions {
  /** Diagnose every entry, not only flagged ones (unflagged get no causes). */
  all?: boolean;
  rules?: readonly Rule[];
}

/**
 * The phases a flagged entry goes through, in order (docs/causes.md, "Confidence and ranking").
 * Confidence ranks the causes; the phases decide which rules get to speak at all:
 * 1. `specific`: every rule of RULES (or the caller's own set), in registration order.
 * 2. `fallback`: what the status alone says, only when phase 1 found nothing but CORS causes
 *    (a precise cause never stands beside a vague restatement of it; a CORS error that hides
 *    a 403 still leaves the 403 its own reading).
 * 3. `companion`: causes reported beside the refusal's own (a retry storm), with the default
 *    rule set only; they run last so they never stop the fallback, and placeCompanions puts them
 *    just below the refusal's own first cause, never above it.
 * Then mergeCauses ranks, hidden-credential evidence is noted, and `unknown` stands in when
 * nothing was found. Order inside and across phases shows in one place only: when two rules give
 * the same cause at the same confidence, the first one found speaks (its title and summary).
 */
type Phase = 'specific' | 'fallback' | 'companion';
interface PhaseSpec {
  rules(custom: readonly Rule[]): readonly Rule[];
  runs(found: readonly Cause[], custom: readonly Rule[]): boolean;
  /** Its causes stand beside the refusal's own, never above them (placeCompanions). */
  beside?: boolean;
}
const PHASES: Record<Phase, PhaseSpec> = {
  specific: { rules: (custom) => custom, runs: () => true },
  fallback: { rules: () => FALLBACK_RULES, runs: (found) => !found.some((c) => !c.id.startsWith('cors.')) },
  companion: { rules: () => COMPANION_RULES, runs: (_found, custom) => custom === RULES, beside: true },
};
const PHASE_ORDER: readonly Phase[] = ['specific', 'fallback', 'companion'];

function runRules(rules: readonly Rule[], ctx: RuleContext, found: Cause[], failures: string[]): void {
  for (const rule of rules) {
    try {
      found.push(...rule.run(ctx));
    } catch (err) {
      failures.push(`rule ${rule.name} could not read this entry: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Diagnoses one entry of an indexed log. Never throws: a failing rule becomes evidence. */
export function diagnoseExchange(log: LogIndex, x: Exchange, rules: readonly Rule[] = RULES): EntryDiagnosis {
  const ctx = new RuleContext(x, log);
  const preflightFailed = failedPreflight(x) !== null;
  const flagged = (isFlagged(x, ctx.preflight) && !isHandshakeLeg(x, log)) || preflightFailed;
  const base: EntryDiagnosis = {
    index: x.index,
    method: x.method,
    url: x.rawUrl,
    status: x.status,
    flagged,
    cors: isBrowserBlocked(x, ctx.preflight) || stoppedByBrowser(x) || preflightFailed,
    causes: [],
  };
  const preflight = ctx.preflight;
  if (preflight) base.preflightIndex = preflight.index;
  if (!flagged) return base;
  const lastSuccess = ctx.lastSuccess;
  if (lastSuccess) base.lastSuccessIndex = lastSuccess.index;
  const failures: string[] = [];
  const own: Cause[] = [];
  const companions: Cause[] = [];
  for (const phase of PHASE_ORDER) {
    const spec = PHASES[phase];
    if (spec.runs(own, rules)) runRules(spec.rules(rules), ctx, spec.beside ? companions : own, failures);
  }
  // A preflight's status says nothing of the server's will (it answered OPTIONS, not the call): only the
  // browser's CORS verdict is its reading, never a 403's "permission denied".
  const kept = x.isPreflight ? own.filter((c) => c.id.startsWith('cors.')) : own;
  const causes = noteHiddenCredentials(ctx, placeCompanions(mergeCauses(kept), mergeCauses(companions)));
  base.causes = causes.length > 0 ? causes : [unknownCause(x, failures)];
  return base;
}

/** Diagnoses a whole HAR, using the whole log as context. */
export function diagnose(har: Har, options: DiagnoseOptions = {}): EntryDiagnosis[] {
  const log = new LogIndex(har);
  const out: EntryDiagnosis[] = [];
  for (const x of log.exchanges) {
    if (x.isPreflight && !options.all && failedPreflight(x) === null) continue;
    const d = diagnoseExchange(log, x, options.rules);
    if (d.flagged || options.all) out.push(d);
  }
  return out;
}
