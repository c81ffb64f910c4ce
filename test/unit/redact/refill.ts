// The check every redactor test shares: filled back in from the vault, the redacted text is the
// original, so redaction changed only the secret spans (issue 22's "redaction changes only secret spans").
import { expect } from 'vitest';
import { displayText, Vault, type Text } from '../../../lib/redact';

/** The text with each placeholder filled back in from the vault. */
export const refill = (t: Text, v: Vault) => t.map((p) => (typeof p === 'string' ? p : v.valueOf(p.ref)!)).join('');

/** Runs a redactor on `original` with a fresh vault, checks it fills back to the original, and returns what it shows. */
export function redactWith(original: string, what: string, run: (v: Vault) => Text): { text: string; vault: Vault } {
  const vault = new Vault();
  const t = run(vault);
  expect(refill(t, vault), `filled back in, the ${what} is the original`).toBe(original);
  return { text: displayText(t), vault };
}

/** Each secret's value, in the order learned. */
export const valuesOf = (v: Vault) => v.list().map((s) => v.valueOf(s.name));
/** Each secret's placeholder name and places. */
export const namedPlaces = (v: Vault) => v.list().map((s) => ({ name: s.name, places: s.places }));
