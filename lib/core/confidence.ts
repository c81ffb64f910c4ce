/**
 * One scale for every cause's confidence (docs/causes.md, "Confidence and ranking"). Rules and
 * data tables name a level instead of writing a bare number, so two readings that mean the same
 * strength rank the same way wherever they come from.
 *
 * - certain: the server or the browser says so in a machine-readable code or a fact we can check
 *   (an error code that names exactly this cause, a JWT `exp` before the response `Date`).
 * - likely: a strong, specific signal that usually means this cause but has documented
 *   alternatives (`invalid_token` can also mean an expired token; a vendor's wording).
 * - possible: a plausible reading from indirect signals (what was or wasn't sent, the status,
 *   a hidden credential) that more specific evidence should outrank.
 * - weak: what the status alone suggests; shown so no refusal is left without a reading.
 */
export const CONFIDENCE = {
  certain: 0.95,
  likely: 0.85,
  possible: 0.6,
  weak: 0.3,
} as const;

export type ConfidenceLevel = keyof typeof CONFIDENCE;

/** The named level a numeric confidence falls in (at or above the level's value). */
export function levelOf(confidence: number): ConfidenceLevel {
  if (confidence >= CONFIDENCE.certain) return 'certain';
  if (confidence >= CONFIDENCE.likely) return 'likely';
  if (confidence >= CONFIDENCE.possible) return 'possible';
  return 'weak';
}
