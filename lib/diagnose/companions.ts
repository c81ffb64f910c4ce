import type { Cause } from '../core/causes';
import { NUDGE } from '../core/confidence';

/**
 * Companion causes (a retry storm) describe how the client behaves around a refusal, not why it
 * was refused (docs/causes.md: "reported beside the refusal's own cause and never outranks it").
 * They are placed after the refusal's own first cause, their confidence held just below it so
 * the list stays sorted by confidence. With no own cause they stand alone.
 */
export function placeCompanions(own: readonly Cause[], companions: readonly Cause[]): Cause[] {
  const top = own[0];
  // With none of its own, a companion stands alone. (Own causes arrive ranked, from mergeCauses.)
  if (!top) return [...companions];
  const ceiling = Math.max(0, Math.round((top.confidence - NUDGE.companionBelow) * 100) / 100);
  const held = companions.map((c) => ({ ...c, confidence: Math.min(c.confidence, ceiling) }));
  // Array.prototype.sort is stable (ES2019) and the own causes come first, so an own cause that
  // ties with a companion stays before it: the refusal's reasons come first.
  return [...own, ...held].sort((a, b) => b.confidence - a.confidence);
}
