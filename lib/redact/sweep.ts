import { mapLiterals, type Text } from './pieces';
import { findShapes } from './shapes';
import { spansOf } from './spans';
import type { SecretHint, Vault } from './vault';

// Defence in depth: a secret found in its usual place is also hunted for everywhere else, in
// any encoded form (echoed in a response body, copied into a Referer, quoted by evidence), and
// anything shaped like a secret (lib/redact/shapes.ts) is caught even when nothing named it.
// An encoded echo becomes a placeholder of its own whose value is the encoded text, so a
// redacted command filled back in is still byte for byte the original.

interface Hit {
  start: number;
  end: number;
  hint: SecretHint;
}

function collect(s: string, vault: Vault, where: string): Hit[] {
  const hits: Hit[] = [];
  for (const sh of findShapes(s))
    hits.push({ start: sh.start, end: sh.end, hint: { base: sh.base, kind: sh.kind, where } });
  for (const { start, end, hint } of vault.hunt(s)) hits.push({ start, end, hint: { ...hint, where } });
  return hits;
}

/** Replaces known secrets and secret-shaped values in one literal string. */
export function sweepString(s: string, vault: Vault, where: string): Text {
  // Stryker disable next-line ConditionalExpression: a fast path; no shape and no hunted form is under 4 characters, so the search below finds nothing either
  if (s.length < 4) return [s];
  const unread = vault.unread(s, where);
  if (unread !== null) return [unread];
  // Stryker disable next-line ArithmeticOperator: at one start only a shape and a known form can meet (each search reports one hit per start) and collect() lists shapes first; the span is the same in either order, only the name of an encoded echo that begins with a key could differ
  const hits = collect(s, vault, where).sort((a, b) => a.start - b.start || b.end - a.end);
  // Stryker disable next-line ConditionalExpression: a fast path; with no hits the loop below returns [s] too
  if (hits.length === 0) return [s];
  const out: Text = [];
  let at = 0;
  // Overlapping hits (a known value inside a shaped one, or straddling it) are one span.
  for (const { first, start, end } of spansOf(hits)) {
    out.push(s.slice(at, start), vault.secret(s.slice(start, end), first.hint));
    at = end;
  }
  out.push(s.slice(at));
  return out.filter((p) => p !== '');
}

export function sweep(t: Text, vault: Vault, where: string): Text {
  return mapLiterals(t, (s) => sweepString(s, vault, where));
}
