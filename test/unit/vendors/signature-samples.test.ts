import { describe, expect, it } from 'vitest';
import { matchingSignatures } from '../../../lib/diagnose/rules/signatures';
import { readCredentials } from '../../../lib/inspect/credentials';
import { toExchange } from '../../../lib/model/exchange';
import { SIGNATURES } from '../../../lib/vendors';
import { matchInput } from '../../../lib/vendors/match';
import { SIGNATURE_SAMPLES, type SignatureSample } from '../../../lib/vendors/samples';
import { makeEntry } from '../../support/har';

function winners(sample: SignatureSample): string[] {
  const x = toExchange(
    makeEntry({
      url: sample.url ?? 'https://api.example.com/v1/resource',
      status: sample.status,
      responseHeaders: { ...sample.headers },
      requestHeaders: { ...sample.request },
      body: sample.body,
      mimeType: sample.body?.trimStart().startsWith('<') ? 'text/html' : 'application/json',
    }),
    0,
  );
  return matchingSignatures(matchInput(x, readCredentials(x))).map((m) => m.signature.id);
}

describe('every signature row is proven by a sample response', () => {
  it('has a sample for every row, and no sample without a row', () => {
    const ids = new Set(SIGNATURES.map((s) => s.id));
    expect(SIGNATURES.map((s) => s.id).filter((id) => !(id in SIGNATURE_SAMPLES))).toEqual([]);
    expect(Object.keys(SIGNATURE_SAMPLES).filter((id) => !ids.has(id))).toEqual([]);
  });

  // The sample must make THIS row the one that speaks for its group: an earlier row of the group
  // that also matches shadows it, and a vendor row silences shared (generic) wording.
  it.each(SIGNATURES.filter((s) => s.id in SIGNATURE_SAMPLES).map((s) => [s.id] as const))('%s', (id) => {
    expect(winners(SIGNATURE_SAMPLES[id]!)).toContain(id);
  });
});
