import { showSeconds } from '../core/dates';
import { keptJwtParts, clip } from '../redact';

function show(name: string, v: unknown): string {
  if ((name === 'exp' || name === 'nbf' || name === 'iat') && typeof v === 'number') return showSeconds(v);
  return v === undefined ? '(none)' : clip(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)), 80);
}

/** How two tokens' diagnostic claims differ ("exp 10:00Z → 12:00Z"); null if not both JWTs. */
export function claimsDiff(failing: string, success: string): string | null {
  const a = keptJwtParts(failing.replace(/^bearer\s+/i, '').trim());
  const b = keptJwtParts(success.replace(/^bearer\s+/i, '').trim());
  if (!a || !b) return null;
  const keys = [
    ...new Set([
      ...Object.keys(a.claims),
      ...Object.keys(b.claims),
      ...Object.keys(a.header).map((k) => `header.${k}`),
    ]),
  ];
  const diffs: string[] = [];
  for (const k of keys) {
    const [fa, sb] = k.startsWith('header.')
      ? [a.header[k.slice(7)], b.header[k.slice(7)]]
      : [a.claims[k], b.claims[k]];
    if (JSON.stringify(fa) !== JSON.stringify(sb))
      diffs.push(`${k}: ${show(k, sb)} (worked) → ${show(k, fa)} (failed)`);
  }
  return diffs.length ? `JWT claims differ: ${diffs.join('; ')}` : 'JWT: same diagnostic claims, different token';
}
