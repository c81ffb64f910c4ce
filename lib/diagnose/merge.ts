import { CAUSE_IDS, type Cause, type Evidence } from '../core/causes';
import { CONFIDENCE_CEILING, NUDGE } from '../core/confidence';
import { mergeFixes } from './fix-action';

const TAXONOMY_ORDER = new Map<string, number>(CAUSE_IDS.map((id, i) => [id, i]));

/**
 * How causes rank (docs/causes.md, "Confidence and ranking"): higher confidence first; on a tie,
 * the cause listed earlier in the taxonomy (CAUSE_IDS). Never the order rules ran in.
 */
export function byRank(a: Cause, b: Cause): number {
  return b.confidence - a.confidence || (TAXONOMY_ORDER.get(a.id) ?? 99) - (TAXONOMY_ORDER.get(b.id) ?? 99);
}

/**
 * Several rules can support the same cause (a JWT's `exp` and an "expired" error
 * description). Merge them: the strongest one speaks, every piece of evidence is kept,
 * and independent agreement nudges confidence up a little. Fixes are merged by the action they
 * name (fix-action.ts): three rules' wordings of "refresh the token" become one fix.
 */
export function mergeCauses(found: Cause[]): Cause[] {
  const byId = new Map<string, Cause[]>();
  for (const c of found) {
    const list = byId.get(c.id);
    if (list) list.push(c);
    else byId.set(c.id, [c]);
  }
  const merged: Cause[] = [];
  for (const group of byId.values()) {
    // Stable sort: of two readings at the same confidence, the one found first speaks (the
    // phase order of diagnose.ts, then the rules' registration order).
    group.sort((a, b) => b.confidence - a.confidence);
    const best = group[0]!;
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const c of group) {
      for (const e of c.evidence) {
        const key = `${e.where}\u0000${e.name ?? ''}\u0000${e.detail}`;
        if (!seen.has(key)) {
          seen.add(key);
          evidence.push(e);
        }
      }
    }
    const fixes = mergeFixes(group.map((c) => c.fixes));
    const confidence = Math.min(CONFIDENCE_CEILING, best.confidence + NUDGE.agreement * (group.length - 1));
    merged.push({ ...best, confidence: round(confidence), evidence, fixes });
  }
  merged.sort(byRank);
  // "unknown" means nothing else matched; it never stands beside a real cause.
  return merged.length > 1 ? merged.filter((c) => c.id !== 'unknown') : merged;
}

function round(n: number): number {
  return Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
}
