import type { Har } from '../har/types';
import type { Exchange } from '../model/exchange';
import type { Cause, EntryDiagnosis } from '../core/causes';
import { RuleContext, type Rule } from '../core/context';
import { isBrowserBlocked, isFlagged } from './flag';
import { stoppedByBrowser } from './hidden-refusal';
import { isHandshakeLeg } from './handshake';
import { failedOkPreflight } from './failed-preflight';
import { LogIndex } from '../core/log-index';
import { mergeCauses } from './merge';
import { placeCompanions } from './companions';
import { COMPANION_RULES, FALLBACK_RULES, RULES } from './rules';
import { noteHiddenCredentials } from './rules/auth/common';

export interface DiagnoseOptions {
  /** Diagnose every entry, not only flagged ones (unflagged get no causes). */
  all?: boolean;
  rules?: readonly Rule[];
}

function runRules(rules: readonly Rule[], ctx: RuleContext, found: Cause[], failures: string[]): void {
  for (const rule of rules) {
    try {
      found.push(...rule.run(ctx));
    } catch (err) {
      failures.push(`rule ${rule.name} could not read this entry: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function unknownCause(x: Exchange, failures: string[]): Cause {
  const checked = [
    `status ${x.status}`,
    x.req.has('authorization') ? 'Authorization header present' : 'no Authorization header',
    x.req.has('cookie') ? 'cookies sent' : 'no cookies sent',
    x.body.text
      ? `response body read (${x.body.text.length} chars), no known signature`
      : `response body: ${x.body.note ?? 'empty'}`,
  ];
  return {
    id: 'unknown',
    confidence: 0.1,
    title: 'No rule explains this refusal',
    summary: 'Nothing in the request, the response or the log matched a known cause. What was checked is listed below.',
    evidence: [
      ...checked.map((detail) => ({ where: 'log' as const, name: 'checked', detail })),
      ...failures.map((detail) => ({ where: 'log' as const, name: 'error', detail })),
    ],
    fixes: ['Compare with a call that works (same endpoint, same identity) and read the server logs for this request.'],
  };
}

/** Diagnoses one entry of an indexed log. Never throws: a failing rule becomes evidence. */
export function diagnoseExchange(log: LogIndex, x: Exchange, rules: readonly Rule[] = RULES): EntryDiagnosis {
  const ctx = new RuleContext(x, log);
  const failedPreflight = failedOkPreflight(x) !== null;
  const flagged = (isFlagged(x, ctx.preflight) && !isHandshakeLeg(x, log)) || failedPreflight;
  const base: EntryDiagnosis = {
    index: x.index,
    method: x.method,
    url: x.rawUrl,
    status: x.status,
    flagged,
    cors: isBrowserBlocked(x, ctx.preflight) || stoppedByBrowser(x) || failedPreflight,
    causes: [],
  };
  const preflight = ctx.preflight;
  if (preflight) base.preflightIndex = preflight.index;
  if (!flagged) return base;
  const lastSuccess = ctx.lastSuccess;
  if (lastSuccess) base.lastSuccessIndex = lastSuccess.index;
  const found: Cause[] = [];
  const failures: string[] = [];
  runRules(rules, ctx, found, failures);
  if (!found.some((c) => !c.id.startsWith('cors.'))) runRules(FALLBACK_RULES, ctx, found, failures);
  const companions: Cause[] = [];
  if (rules === RULES) runRules(COMPANION_RULES, ctx, companions, failures);
  const causes = noteHiddenCredentials(ctx, placeCompanions(mergeCauses(found), mergeCauses(companions)));
  base.causes = causes.length > 0 ? causes : [unknownCause(x, failures)];
  return base;
}

/** Diagnoses a whole HAR, using the whole log as context. */
export function diagnose(har: Har, options: DiagnoseOptions = {}): EntryDiagnosis[] {
  const log = new LogIndex(har);
  const out: EntryDiagnosis[] = [];
  for (const x of log.exchanges) {
    if (x.isPreflight && !options.all && failedOkPreflight(x) === null) continue;
    const d = diagnoseExchange(log, x, options.rules);
    if (d.flagged || options.all) out.push(d);
  }
  return out;
}
