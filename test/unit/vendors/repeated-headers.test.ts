// A vendor's header can come more than once (two proxies each add `Server`, `Via` lists hops,
// a CDN repeats `x-cache`). A signature that looks for a header value matches it in any of the
// repeated headers, not only the first (issue 22: that mutant survived).
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../../lib/inspect/credentials';
import { toExchange } from '../../../lib/model/exchange';
import { matchInput, matchSignature } from '../../../lib/vendors/match';
import type { Signature } from '../../../lib/vendors/types';
import { makeEntry } from '../../support/har';

const sig: Signature = {
  id: 'test.edge.block',
  vendor: 'test',
  cause: 'waf.blocked',
  confidence: 0.9,
  header: { name: 'Server', value: /^edge-waf\b/ },
  anyHeader: [{ name: 'Via', value: /edge-waf/ }],
  title: 't',
  summary: 's',
  fixes: [],
  source: 'test',
};

function match(headers: Record<string, string[]>) {
  const x = toExchange(makeEntry({ url: 'https://api.example/x', status: 403, responseHeaders: headers }), 0);
  return matchSignature(sig, matchInput(x, readCredentials(x)));
}

describe('repeated response headers', () => {
  it('match a signature when the value is in the last of them', () => {
    const evidence = match({ Server: ['nginx', 'edge-waf/2.1'], Via: ['1.1 cache', '1.1 edge-waf'] });
    expect(evidence).not.toBeNull();
    expect(evidence!.map((e) => e.detail)).toEqual(expect.arrayContaining(['Server: edge-waf/2.1']));
  });

  it('match when the value is in the first of them', () => {
    expect(match({ Server: ['edge-waf/2.1', 'nginx'], Via: ['1.1 edge-waf'] })).not.toBeNull();
  });

  it('do not match when no repeat carries the value', () => {
    expect(match({ Server: ['nginx', 'apache'], Via: ['1.1 edge-waf'] })).toBeNull();
    expect(match({ Server: ['edge-waf/2.1'], Via: ['1.1 cache', '1.1 proxy'] })).toBeNull();
  });
});
