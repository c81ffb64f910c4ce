import { docRef } from './pieces';
import { mapStrings } from './deep';
import { spansOf } from './spans';
import type { Vault } from './vault';

// The last step before any redacted artefact (report, export, HAR, CLI diagnosis) is shown or
// written: the finished text is swept once more for every secret the vault knows (the whole
// log's, see learn.ts), in every encoded form it indexes (forms.ts). It is the same search,
// with the same threshold, as the sweep of each piece (sweep.ts): one owner, so no format or
// code path can forget and no two places disagree on what counts.

/** The finished text of a redacted artefact with every known secret replaced, in any encoding. */
export function sealText(text: string, vault: Vault): string {
  const hits = vault.hunt(text);
  // Stryker disable next-line ConditionalExpression: speed only: no spans leave the text as it is
  if (hits.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { first, start, end, merged } of spansOf(hits)) {
    const name = vault.sealName(merged ? text.slice(start, end) : first.value, first.hint);
    if (name === null) continue;
    out += text.slice(last, start) + docRef(name);
    last = end;
  }
  return out + text.slice(last);
}

/** The same, for every string and key of a structure (a redacted HAR, a report model). */
export function sealDeep<T>(value: T, vault: Vault): T {
  const seal = (s: string) => sealText(s, vault);
  return mapStrings(value, seal, seal);
}
