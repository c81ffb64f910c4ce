import { diagnose } from '../../lib';
import { matchingSignatures } from '../../lib/diagnose/rules/signatures';
import { readCredentials } from '../../lib/inspect/credentials';
import { toExchange } from '../../lib/model/exchange';
import { matchInput } from '../../lib/vendors/match';
import { SIGNATURE_SAMPLES } from '../../lib/vendors/samples';
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

/**
 * A signature's documented sample as an entry: its status, body, request and response headers,
 * at the sample's own URL or `url` when the sample names none; `over` changes what a case varies.
 */
export function sampleEntry(id: string, url: string, over: Partial<EntrySpec> = {}): EntrySpec {
  const s = SIGNATURE_SAMPLES[id]!;
  return {
    url: s.url ?? url,
    status: s.status,
    body: s.body,
    requestHeaders: { ...s.request },
    responseHeaders: { ...s.headers },
    mimeType: s.body?.startsWith('<') ? 'text/html' : 'application/json',
    ...over,
  };
}
