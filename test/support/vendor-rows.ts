import { diagnose } from '../../lib';
import { matchingSignatures } from '../../lib/diagnose/rules/signatures';
import { readCredentials } from '../../lib/inspect/credentials';
import { toExchange } from '../../lib/model/exchange';
import { matchInput } from '../../lib/vendors/match';
import { makeEntry, makeHar, type EntrySpec } from './har';

/** A bearer token the vendor tests send when a row needs "a credential was sent". */
export const BEARER = { Authorization: 'Bearer 9f8c2e1a7b6d5c4e3f2a1b0c9d8e7f6a' };

/** The diagnosis of one entry, its top cause and every cause id (whether flagged or not). */
export function diagnoseOne(spec: EntrySpec) {
  const d = diagnose(makeHar([spec]), { all: true })[0]!;
  return { d, top: d.causes[0]?.id, ids: d.causes.map((c) => c.id) };
}

/** The signature rows that speak for one entry (the first match of each group). */
export function signatureIds(spec: EntrySpec): string[] {
  const x = toExchange(makeEntry(spec), 0);
  return matchingSignatures(matchInput(x, readCredentials(x))).map((m) => m.signature.id);
}
