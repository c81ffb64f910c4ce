// What the ORB reading quotes and says (lib/diagnose/rules/orb.ts). Opaque Response Blocking
// (https://github.com/annevk/orb, Chromium's net::ERR_BLOCKED_BY_ORB) withholds a no-cors response whose
// type the element cannot use: the response's Content-Type and X-Content-Type-Options and the request's
// Sec-Fetch-Dest are what decide it, so they are quoted when the capture kept them. The lab's recording
// (test/fixtures/lab/nginx/orb-json-img.har, Playwright) keeps none; the edges are hand-built.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Har } from '../../../../lib';
import { RuleContext } from '../../../../lib/core/context';
import { CONFIDENCE } from '../../../../lib/core/confidence';
import { LogIndex } from '../../../../lib/core/log-index';
import { orbRule } from '../../../../lib/diagnose/rules/orb';
import { makeHar, type EntrySpec } from '../../../support/har';

const run = (har: Har, index = 0) => {
  const log = new LogIndex(har);
  return orbRule.run(new RuleContext(log.exchanges[index]!, log));
};
const lines = (har: Har, index = 0) =>
  run(har, index)[0]!.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`);
const orb = (extra: Partial<EntrySpec> = {}): EntrySpec => ({
  url: 'https://api.example.net/v1/profile?id=7',
  status: 200,
  error: 'net::ERR_BLOCKED_BY_ORB',
  ...extra,
});

describe('ORB', () => {
  it('the lab capture: the error quoted alone, certain, and the three fixes naming the origin to fetch from', () => {
    const har = JSON.parse(readFileSync('test/fixtures/lab/nginx/orb-json-img.har', 'utf8')) as Har;
    const [c] = run(har, 1);
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(lines(har, 1)).toEqual(['browser _error | the browser withheld the response: net::ERR_BLOCKED_BY_ORB']);
    expect(c!.summary).toBe(
      'The page loaded a cross-origin resource without CORS (an image, script, media or similar element), and the ' +
        'response is data that element cannot use (JSON, HTML, XML, or a nosniff type that does not match). ' +
        'Chromium blocks such opaque responses so that they never reach the page process.',
    );
    expect(c!.fixes).toEqual([
      'Point the element at a resource of the right type (image/*, text/javascript, audio/*…), not at an API or an HTML page.',
      'To read data from http://127.0.0.1:18010, use fetch() in CORS mode with Access-Control-Allow-Origin on the response.',
      'If the resource is right but mislabelled, serve it with its real Content-Type.',
    ]);
  });

  it('what decided it, when kept: the type, nosniff and the element that asked, in that order', () => {
    const har = makeHar([
      orb({
        responseHeaders: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' },
        requestHeaders: { 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Mode': 'no-cors' },
      }),
    ]);
    expect(lines(har)).toEqual([
      'browser _error | the browser withheld the response: net::ERR_BLOCKED_BY_ORB',
      'response.header content-type | Content-Type: application/json',
      'response.header x-content-type-options | X-Content-Type-Options: nosniff',
      'request.header sec-fetch-dest | Sec-Fetch-Dest: image',
    ]);
  });

  it('a URL that does not parse is named as written in the fix', () => {
    const har = makeHar([orb({ url: 'not a url' })]);
    expect(run(har)[0]!.fixes[1]).toBe(
      'To read data from not a url, use fetch() in CORS mode with Access-Control-Allow-Origin on the response.',
    );
  });

  it('other network errors are not ORB', () => {
    for (const error of ['net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_BLOCKED_BY_RESPONSE', 'net::ERR_FAILED'])
      expect(run(makeHar([orb({ error })]))).toEqual([]);
  });
});
