/**
 * One scale for every cause's confidence (docs/causes.md, "Confidence and ranking" is the one
 * place the ranking rules are written down). Rules and data tables name a rung instead of writing
 * a bare number (ESLint rejects a bare number in lib/diagnose, lib/cors and lib/vendors), so two
 * readings that mean the same strength rank the same way wherever they come from, and a new
 * strength has to be added here, in order, where its neighbours are visible.
 *
 * Four bands carry the meaning:
 * - certain: the server or the browser says so in a machine-readable code or a fact we can check
 *   (an error code that names exactly this cause, a JWT `exp` before the response `Date`).
 * - likely: a strong, specific signal that usually means this cause but has documented
 *   alternatives (`invalid_token` can also mean an expired token; a vendor's wording).
 * - possible: a plausible reading from indirect signals (what was or wasn't sent, the status,
 *   a hidden credential) that more specific evidence should outrank.
 * - weak: what the status alone suggests; shown so no refusal is left without a reading.
 *
 * Inside a band, `<band>PlusN` is the band's floor raised by N notches of 0.01. Notches are
 * tie-breaks between readings of the same band (a vendor's exact wording, likelyPlus5, outranks
 * a heuristic about the same status, likelyPlus1), and they are visible: the panel, the CLI and
 * the reports print the value as a percentage. That is why the rungs keep the exact values the
 * rules were tuned with, so that naming them changed no diagnosis.
 */
export const BANDS = {
  certain: 0.95,
  likely: 0.85,
  possible: 0.6,
  weak: 0.3,
} as const;

export type ConfidenceLevel = keyof typeof BANDS;

/** Every rung a rule or a table may name, highest first. */
export const CONFIDENCE = {
  certainPlus1: 0.96,
  certain: BANDS.certain,
  likelyPlus9: 0.94,
  likelyPlus8: 0.93,
  likelyPlus7: 0.92,
  likelyPlus5: 0.9,
  likelyPlus3: 0.88,
  likelyPlus2: 0.87,
  likelyPlus1: 0.86,
  likely: BANDS.likely,
  possiblePlus22: 0.82,
  possiblePlus20: 0.8,
  possiblePlus18: 0.78,
  possiblePlus16: 0.76,
  possiblePlus15: 0.75,
  possiblePlus14: 0.74,
  possiblePlus12: 0.72,
  possiblePlus10: 0.7,
  possiblePlus8: 0.68,
  possiblePlus6: 0.66,
  possiblePlus5: 0.65,
  possiblePlus2: 0.62,
  possible: BANDS.possible,
  weakPlus28: 0.58,
  weakPlus25: 0.55,
  weakPlus20: 0.5,
  weakPlus12: 0.42,
  weakPlus5: 0.35,
  weak: BANDS.weak,
  /** The `unknown` cause: nothing matched; below every reading so it never outranks one. */
  unexplained: 0.1,
  /** The engine itself failed on the entry (the panel's last resort). */
  none: 0,
} as const;

export type Rung = keyof typeof CONFIDENCE;
/** A value on the scale. Tables type their rows with it, so an off-scale number fails to compile. */
export type Confidence = (typeof CONFIDENCE)[Rung];

/**
 * The amounts rules take off (or add to) a rung when a reading is weaker (or stronger) than its
 * best case. Named so each adjustment says why it exists; the values are the tuned ones.
 */
export const NUDGE = {
  /** mergeCauses: each further rule that independently supports the same cause. */
  agreement: 0.02,
  /** The clock was not the response's own `Date`, so a time comparison may be off. */
  guessedClock: 0.07,
  /** A 403 or 400 is a less usual answer to a bad token than a 401. */
  unusualTokenStatus: 0.05,
  /** As unusualTokenStatus, for a malformed Authorization header. */
  unusualMalformedStatus: 0.08,
  /** The token was not the one the request presented first (a second token in the request). */
  secondaryToken: 0.1,
  /** As guessedClock, for a token that is not valid yet. */
  guessedClockNotYetValid: 0.1,
  /** The credential's value is hidden in the capture, so its shape cannot be checked. */
  hiddenCredential: 0.05,
  /** A second reading placed just above the one it refines (a recorder removed the credential). */
  outrank: 0.02,
  /** auth.missing when the capture may have dropped the header (a sanitizing recorder). */
  mayBeDropped: 0.12,
  /** A cookie that does not look like a session cookie explains a refusal less well. */
  notSessionCookie: 0.2,
  /** A companion cause (a retry storm) is held just below the refusal's own first cause. */
  companionBelow: 0.01,
} as const;

/** No merge of agreeing rules climbs above this: independent agreement is not proof. */
export const CONFIDENCE_CEILING = 0.99;

/** The named band a numeric confidence falls in (at or above the band's floor). */
export function levelOf(confidence: number): ConfidenceLevel {
  if (confidence >= BANDS.certain) return 'certain';
  if (confidence >= BANDS.likely) return 'likely';
  if (confidence >= BANDS.possible) return 'possible';
  return 'weak';
}
