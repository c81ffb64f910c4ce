// Times in a capture are untrusted numbers: a JWT can say `exp: 1e13` (seconds, so 1e16 ms),
// past the ±8.64e15 ms that a JavaScript Date can hold (ECMA-262 §21.4.1.1), and
// `new Date(x).toISOString()` then throws RangeError. Every time from a capture that is shown
// as a date goes through here.

/** The text shown for a time that no date can represent. */
export const INVALID_DATE = 'invalid date';

/** ISO 8601 (without milliseconds when they are zero), or null when `ms` is no representable time. */
export function isoOrNull(ms: number): string | null {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString().replace(/\.000Z$/, 'Z') : null;
}

/** A time from a capture as ISO 8601, or "invalid date (<value>)" when no date can represent it. */
export function showTime(ms: number): string {
  return isoOrNull(ms) ?? `${INVALID_DATE} (${ms} ms)`;
}

/** The same for a time in seconds (JWT exp, nbf, iat): "invalid date (1e13 s)" when out of range. */
export function showSeconds(seconds: number): string {
  return isoOrNull(seconds * 1000) ?? `${INVALID_DATE} (${seconds} s)`;
}
