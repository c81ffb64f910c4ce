// Which page a browser block is read against (lib/diagnose/rules/browser-blocks.ts, pageDocument): the
// latest navigation of the page's own origin before the blocked request, answered 2xx or 3xx. Its
// Cross-Origin-Embedder-Policy: require-corp (https://html.spec.whatwg.org/multipage/browsers.html#coep)
// is why Chromium withholds a cross-origin no-cors resource without CORP
// (net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep).
import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../lib/core/context';
import { CONFIDENCE } from '../../../../lib/core/confidence';
import { LogIndex } from '../../../../lib/core/log-index';
import { browserBlockRule } from '../../../../lib/diagnose/rules/browser-blocks';
import { makeHar, type EntrySpec } from '../../../support/har';

const PAGE = 'https://app.example.com';
const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 12, 0, second)).toISOString();
const doc = (second: number, extra: Partial<EntrySpec> = {}, coep = 'require-corp'): EntrySpec => ({
  url: `${PAGE}/gallery`,
  status: 200,
  resourceType: 'document',
  mimeType: 'text/html',
  startedDateTime: at(second),
  responseHeaders: coep ? { 'Cross-Origin-Embedder-Policy': coep } : {},
  ...extra,
});
const image: EntrySpec = {
  url: 'https://cdn.example.net/a.png',
  status: 200,
  startedDateTime: at(30),
  resourceType: 'image',
  error: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep',
  requestHeaders: { Referer: `${PAGE}/gallery`, 'Sec-Fetch-Mode': 'no-cors' },
  responseHeaders: { 'Content-Type': 'image/png' },
};
const causeOf = (entries: EntrySpec[]) => {
  const log = new LogIndex(makeHar(entries));
  return browserBlockRule.run(new RuleContext(log.exchanges.at(-1)!, log))[0]!;
};
const coepLine = (entries: EntrySpec[]) =>
  causeOf(entries).evidence.find((e) => e.name === 'cross-origin-embedder-policy')?.detail;

describe('the page a COEP block is read against', () => {
  it("the page's COEP quoted, the block blamed on it, and the three ways out", () => {
    const c = causeOf([doc(10), image]);
    expect(c.confidence).toBe(CONFIDENCE.likelyPlus7);
    expect(c.title).toBe(
      "The page's Cross-Origin-Embedder-Policy blocked this https://cdn.example.net response (no CORP header)",
    );
    expect(c.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`)).toEqual([
      'browser _error | the browser withheld the response: net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep',
      `log cross-origin-embedder-policy | the page ${PAGE}/gallery sent Cross-Origin-Embedder-Policy: require-corp`,
      'request.header sec-fetch-mode | Sec-Fetch-Mode: no-cors (an opaque, no-cors request)',
      'response.status - | 200: the server answered; the browser kept the body from the page',
    ]);
    expect(c.fixes[0]).toBe(
      "On https://cdn.example.net, send Cross-Origin-Resource-Policy: cross-origin for this resource (the resource's side).",
    );
  });

  it('of two navigations before it, the later one; one after it, or of another origin, or refused, is not the page', () => {
    expect(coepLine([doc(5, {}, ''), doc(10, {}, 'credentialless'), image])).toMatch(/credentialless$/);
    expect(coepLine([doc(10, {}, 'credentialless'), doc(5, {}, 'require-corp'), image])).toMatch(/credentialless$/);
    expect(coepLine([doc(10, {}, 'credentialless'), doc(40, {}, 'require-corp'), image])).toMatch(/credentialless$/);
    expect(
      coepLine([doc(10, {}, 'credentialless'), doc(20, { url: 'https://other.example/x' }, 'require-corp'), image]),
    ).toMatch(/credentialless$/);
    expect(coepLine([doc(10, {}, 'credentialless'), doc(20, { status: 404 }, 'require-corp'), image])).toMatch(
      /credentialless$/,
    );
    expect(coepLine([doc(10, {}, 'credentialless'), doc(20, { status: 0 }, 'require-corp'), image])).toMatch(
      /credentialless$/,
    );
  });

  it('a navigation known by Sec-Fetch-Dest: document counts; a redirect (3xx) answer counts', () => {
    const byDest = doc(10, { resourceType: 'other', requestHeaders: { 'Sec-Fetch-Dest': 'Document' } });
    expect(coepLine([byDest, image])).toMatch(/require-corp$/);
    expect(coepLine([doc(10, { status: 302 }), image])).toMatch(/require-corp$/);
    expect(coepLine([doc(10, { resourceType: 'script', mimeType: 'text/javascript' }), image])).toBeUndefined();
  });
});
