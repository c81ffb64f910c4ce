import type { Evidence } from '../../core/causes';
import type { Rule } from '../../core/context';
import { clip } from '../../inspect/mask';
import { orbBlocked } from '../../inspect/orb';
import { CONFIDENCE } from '../../core/confidence';

/**
 * ORB (net::ERR_BLOCKED_BY_ORB): the browser withheld a no-cors response whose type the requesting element
 * cannot use. The same family as CORP (the browser keeps an opaque cross-origin response from the page), so
 * it is reported as browser.corp_blocked with ORB's own reason and fixes.
 */
export const orbRule: Rule = {
  name: 'orb',
  run(ctx) {
    const { x } = ctx;
    if (!orbBlocked(x)) return [];
    const type = x.res.get('content-type');
    const nosniff = x.res.get('x-content-type-options');
    const evidence: Evidence[] = [
      { where: 'browser', name: '_error', detail: `the browser withheld the response: ${clip(x.netError ?? '', 80)}` },
    ];
    if (type)
      evidence.push({ where: 'response.header', name: 'content-type', detail: `Content-Type: ${clip(type, 80)}` });
    if (nosniff)
      evidence.push({
        where: 'response.header',
        name: 'x-content-type-options',
        detail: `X-Content-Type-Options: ${clip(nosniff, 40)}`,
      });
    const dest = x.req.get('sec-fetch-dest');
    if (dest)
      evidence.push({ where: 'request.header', name: 'sec-fetch-dest', detail: `Sec-Fetch-Dest: ${clip(dest, 40)}` });
    const target = x.url?.origin ?? x.rawUrl;
    return [
      {
        id: 'browser.corp_blocked',
        confidence: CONFIDENCE.certain,
        title: 'Opaque Response Blocking (ORB) kept this cross-origin response from the page',
        summary:
          'The page loaded a cross-origin resource without CORS (an image, script, media or similar element), and the ' +
          'response is data that element cannot use (JSON, HTML, XML, or a nosniff type that does not match). ' +
          'Chromium blocks such opaque responses so that they never reach the page process.',
        evidence,
        fixes: [
          'Point the element at a resource of the right type (image/*, text/javascript, audio/*…), not at an API or an HTML page.',
          `To read data from ${target}, use fetch() in CORS mode with Access-Control-Allow-Origin on the response.`,
          'If the resource is right but mislabelled, serve it with its real Content-Type.',
        ],
      },
    ];
  },
};
