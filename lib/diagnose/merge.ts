import { CAUSE_IDS, type Cause, type Evidence } from '../core/causes';
import { mergeFixes } from './fix-action';

const ORDER = new Map<string, number>(CAUSE_IDS.map((id, i) => [id, i]));

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
    const confidence = Math.min(0.99, best.confidence + 0.02 * (group.length - 1));
    merged.push({ ...best, confidence: round(confidence), evidence, fixes });
  }
  merged.sort((a, b) => b.confidence - a.confidence || (ORDER.get(a.id) ?? 99) - (ORDER.get(b.id) ?? 99));
  // "unknown" means nothing else matched; it never stands beside a real cause.
  return merged.length > 1 ? merged.filter((c) => c.id !== 'unknown') : merged;
}

function round(n: number): number {
  return Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
}
