import type { Cause, Evidence } from '../../core/causes';
import type { Rule, RuleContext } from '../../core/context';
import { browserBlockOf, type BrowserBlock, type CspViolation } from '../../inspect/browser-block';
import { clip } from '../../inspect/mask';
import type { Exchange } from '../../model/exchange';
import { CONFIDENCE } from '../../core/confidence';

/** The page's own document in the log: the latest navigation before `x` (to read its COEP or scheme). */
function pageDocument(ctx: RuleContext): Exchange | null {
  const { x } = ctx;
  let best: Exchange | null = null;
  for (const y of ctx.log.exchanges) {
    if (y === x || y.status < 200 || y.status >= 400) continue;
    const doc = y.resourceType === 'document' || y.req.get('sec-fetch-dest')?.toLowerCase() === 'document';
    if (!doc) continue;
    if (x.startedAt !== null && y.startedAt !== null && y.startedAt > x.startedAt) continue;
    if (x.pageOrigin && y.url && y.url.origin !== x.pageOrigin) continue;
    if (!best || (y.startedAt ?? 0) >= (best.startedAt ?? 0)) best = y;
  }
  return best;
}

function corpCause(ctx: RuleContext, b: Extract<BrowserBlock, { kind: 'corp' }>): Cause {
  const { x } = ctx;
  const doc = pageDocument(ctx);
  const coep = doc?.res.get('cross-origin-embedder-policy');
  const byPage = b.coep || (!b.corp && !!coep);
  const ev: Evidence[] = [];
  if (b.error) ev.push({ where: 'browser', name: '_error', detail: `the browser withheld the response: ${b.error}` });
  if (b.corp)
    ev.push({
      where: 'response.header',
      name: 'cross-origin-resource-policy',
      detail: `Cross-Origin-Resource-Policy: ${clip(b.corp, 80)}`,
    });
  if (coep)
    ev.push({
      where: 'log',
      name: 'cross-origin-embedder-policy',
      detail: `the page ${clip(doc!.rawUrl, 120)} sent Cross-Origin-Embedder-Policy: ${clip(coep, 80)}`,
    });
  const mode = x.req.get('sec-fetch-mode');
  if (mode)
    ev.push({
      where: 'request.header',
      name: 'sec-fetch-mode',
      detail: `Sec-Fetch-Mode: ${clip(mode, 40)} (an opaque, no-cors request)`,
    });
  ev.push({
    where: 'response.status',
    detail: `${x.status || 'no status'}: the server answered; the browser kept the body from the page`,
  });
  const target = x.url?.origin ?? x.rawUrl;
  return byPage
    ? {
        id: 'browser.corp_blocked',
        confidence: CONFIDENCE.likelyPlus7,
        title: `The page's Cross-Origin-Embedder-Policy blocked this ${target} response (no CORP header)`,
        summary:
          'The page is cross-origin isolated (COEP require-corp), so every cross-origin no-cors resource must opt in ' +
          'with Cross-Origin-Resource-Policy. This one did not, and the browser withheld it although the server answered.',
        evidence: ev,
        fixes: [
          `On ${target}, send Cross-Origin-Resource-Policy: cross-origin for this resource (the resource's side).`,
          'Or load it in CORS mode (crossorigin attribute / fetch mode "cors") with Access-Control-Allow-Origin on the response.',
          'Or, on the page, use Cross-Origin-Embedder-Policy: credentialless if the page does not need credentials for it.',
        ],
      }
    : {
        id: 'browser.corp_blocked',
        confidence: b.from === 'error' ? CONFIDENCE.certain : CONFIDENCE.likely,
        title: `Cross-Origin-Resource-Policy: ${clip(b.corp ?? 'same-origin', 30)} kept this response from the page`,
        summary:
          `The server answered, but it marked the resource ${clip(b.corp ?? 'same-origin', 30)}, and this page is on another ` +
          `${(b.corp ?? '').toLowerCase().includes('site') ? 'site' : 'origin'}: the browser withholds such a no-cors response.`,
        evidence: ev,
        fixes: [
          `On ${target} (the resource's server), send Cross-Origin-Resource-Policy: cross-origin (or ` +
            `same-site when the page is on the same site) for resources meant to be embedded.`,
          "Or serve the resource from the page's own origin, or fetch it in CORS mode with Access-Control-Allow-Origin.",
        ],
      };
}

type CspFrom = Extract<BrowserBlock, { kind: 'csp' }>['from'];

/** What the log itself is for a CSP row: the page's event, its report, or the browser's failed request. */
function cspSource(x: Exchange, from: CspFrom): string {
  if (from === 'violation')
    return "row synthesized from the page's CSP violation report (securitypolicyviolation): the request never left the browser";
  if (from === 'blocked-reason')
    return (
      'the browser failed this request with the blocked reason "csp" (Chromium\'s Network.loadingFailed, as ' +
      "Playwright's HAR writes it): the request never left the browser"
    );
  return (
    `this entry is the browser's CSP report (report-uri POST to ${clip(x.rawUrl, 120)}); the ` +
    `blocked request itself never left the browser`
  );
}

/** A blocked-reason row carries no policy: the page's document in the log has it (its header). */
function withPagePolicy(ctx: RuleContext, v: CspViolation): CspViolation {
  const doc = pageDocument(ctx);
  const policy = doc?.res.get('content-security-policy');
  return doc && policy ? { ...v, policy, documentURL: doc.rawUrl } : v;
}

function cspCause(x: Exchange, v: CspViolation, from: CspFrom): Cause {
  const ev: Evidence[] = [
    { where: 'browser', name: 'violated-directive', detail: `violated directive: ${clip(v.directive, 60)}` },
    { where: 'browser', name: 'blocked-url', detail: `blocked URL: ${clip(v.blockedURL, 300)}` },
  ];
  if (v.policy) ev.push({ where: 'browser', name: 'policy', detail: `the page's policy: ${clip(v.policy, 300)}` });
  if (v.documentURL)
    ev.push({
      where: 'browser',
      name: 'document',
      detail: `policy of the page ${clip(v.documentURL, 200)} (its Content-Security-Policy header or meta tag)`,
    });
  if (v.sourceFile)
    ev.push({
      where: 'browser',
      name: 'source',
      detail: `the call was made at ${clip(v.sourceFile, 200)}${v.line ? `:${v.line}` : ''}`,
    });
  ev.push({ where: 'log', name: 'source', detail: cspSource(x, from) });
  let target = v.blockedURL;
  try {
    target = new URL(v.blockedURL).origin;
  } catch {
    // keep as reported
  }
  return {
    id: 'browser.csp_blocked',
    confidence: CONFIDENCE.certainPlus1,
    title: `The page's Content-Security-Policy (${clip(v.directive, 40)}) blocked ${clip(target, 80)}`,
    summary:
      `The page's own CSP does not list ${clip(target, 80)} in ${clip(v.directive, 40)}, so the browser refused to make the ` +
      "call. No server saw it: this is fixed in the page's policy, not on the API.",
    evidence: ev,
    fixes: [
      `Add ${clip(target, 80)} to the page's ${clip(v.directive, 40)} directive (in the Content-Security-Policy ` +
        `header or <meta> that the page is served with).`,
      'If the call should not happen, find the code at the source location above; if the policy ' +
        'is deliberate, route the call through an allowed origin.',
    ],
  };
}

function mixedCause(ctx: RuleContext, b: Extract<BrowserBlock, { kind: 'mixed' }>): Cause | null {
  const { x } = ctx;
  const doc = pageDocument(ctx);
  const page = x.pageOrigin?.startsWith('https:')
    ? x.pageOrigin
    : doc?.url?.protocol === 'https:'
      ? doc.url.origin
      : null;
  if (!page && b.error !== '') return null;
  const secure = x.url ? `https://${x.url.host}${x.url.pathname}` : 'the https URL';
  return {
    id: 'browser.mixed_content',
    confidence: page ? CONFIDENCE.likelyPlus8 : CONFIDENCE.possiblePlus10,
    title: `Mixed content: an https page asked for http://${x.url?.host ?? ''} and the browser blocked it`,
    summary:
      'A page loaded over https may not fetch http URLs: the browser blocks the request before it is sent ' +
      '(images may be upgraded to https instead).',
    evidence: [
      { where: 'request.line', detail: `request scheme http: ${clip(x.rawUrl, 200)}` },
      page
        ? { where: 'log', name: 'page', detail: `page scheme https: ${clip(page, 120)}` }
        : { where: 'log', name: 'page', detail: 'the page itself is not in the capture' },
      {
        where: 'browser',
        name: '_error',
        detail: `status 0, no response headers${b.error === '' ? ', _error "" (how Chromium records a mixed-content block)' : ''}`,
      },
    ],
    fixes: [
      `Call ${secure} instead (serve the API over TLS).`,
      "Build URLs from the page's scheme (or use relative / protocol-correct URLs), never hard-coded http://.",
    ],
  };
}

/** browser.corp_blocked, browser.csp_blocked, browser.mixed_content (docs/browser-blocks.md). */
export const browserBlockRule: Rule = {
  name: 'browser-blocks',
  run(ctx) {
    const b = browserBlockOf(ctx.x);
    if (!b) return [];
    if (b.kind === 'corp') return [corpCause(ctx, b)];
    if (b.kind === 'csp')
      return [cspCause(ctx.x, b.from === 'blocked-reason' ? withPagePolicy(ctx, b.violation) : b.violation, b.from)];
    const m = mixedCause(ctx, b);
    return m ? [m] : [];
  },
};
