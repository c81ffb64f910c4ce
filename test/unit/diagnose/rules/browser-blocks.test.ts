import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { parseViolations, violationEntry } from '../../../../lib/inspect/csp-violation';
import { makeHar } from '../../../support/har';

// Shapes measured in Chromium 156 (docs/browser-blocks.md): the securitypolicyviolation event of
// a connect-src block, and a CORP block as Firefox would record it (no _error: headers only).

const EVENT = {
  blockedURL: 'http://127.0.0.1:40337/api/public/ping?from=csp-page',
  directive: 'connect-src',
  policy: "connect-src 'self'; report-uri /csp-reports",
  disposition: 'enforce',
  documentURL: 'http://127.0.0.1:34317/csp/',
  sourceFile: 'http://127.0.0.1:34317/csp/',
  line: 10,
  at: Date.parse('2026-11-29T11:40:12Z'),
};

describe("browser.csp_blocked from the page's violation events", () => {
  it('a synthesized row (status 0, marked) is flagged as browser.csp_blocked with directive, URL and policy', () => {
    const [v] = parseViolations([EVENT], 0);
    const entry = violationEntry(v!);
    expect(entry.response.status).toBe(0);
    expect((entry as { _why403?: { source?: string } })._why403?.source).toBe('csp-violation');
    const [d] = diagnose({ log: { entries: [entry] } });
    expect(d!.flagged).toBe(true);
    expect(d!.cors).toBe(true);
    expect(d!.causes.map((c) => c.id)).toEqual(['browser.csp_blocked']);
    const shown = d!.causes[0]!.evidence.map((e) => e.detail).join('\n');
    expect(shown).toContain('violated directive: connect-src');
    expect(shown).toContain('blocked URL: http://127.0.0.1:40337/api/public/ping?from=csp-page');
    expect(shown).toContain("the page's policy: connect-src 'self'");
    expect(shown).toContain('policy of the page http://127.0.0.1:34317/csp/');
    expect(shown).toMatch(/synthesized from the page's CSP violation report/);
  });

  it('survives an exported HAR round trip (the CLI reads the same marker)', () => {
    const entry = JSON.parse(JSON.stringify(violationEntry(parseViolations([EVENT], 0)[0]!)));
    expect(diagnose({ log: { entries: [entry] } })[0]!.causes[0]!.id).toBe('browser.csp_blocked');
  });

  it('drops what is not a violation of an http(s) URL, caps sizes, never throws', () => {
    const junk = [
      null,
      1,
      'x',
      {},
      { blockedURL: 'inline', directive: 'script-src' },
      { blockedURL: 'javascript:alert(1)', directive: 'connect-src' },
      { blockedURL: 'https://a.example/', directive: 'connect-src; evil' },
      { blockedURL: `https://a.example/${'a'.repeat(20000)}`, directive: 'img-src', policy: 5 },
    ];
    const out = parseViolations(junk, 7);
    expect(out).toHaveLength(1);
    expect(out[0]!.blockedURL.length).toBeLessThanOrEqual(8192);
    expect(out[0]!.policy).toBe('');
    expect(out[0]!.at).toBe(7);
    expect(parseViolations({ length: 3 }, 0)).toEqual([]);
  });

  it('a forged marker without a directive is not a CSP block', () => {
    const entry = violationEntry(parseViolations([EVENT], 0)[0]!) as unknown as { _why403: Record<string, unknown> };
    entry._why403.directive = '';
    expect(diagnose({ log: { entries: [entry as never] } })).toEqual([]);
  });
});

describe('browser.corp_blocked without an error string (Firefox records none)', () => {
  it('a cross-origin no-cors response with CORP same-origin is withheld by Fetch: flagged from the headers', () => {
    const [d] = diagnose(
      makeHar([
        {
          url: 'https://cdn.example.com/a.png',
          status: 200,
          requestHeaders: {
            Referer: 'https://app.example.com/',
            'Sec-Fetch-Mode': 'no-cors',
            'Sec-Fetch-Site': 'same-site',
          },
          responseHeaders: { 'Cross-Origin-Resource-Policy': 'same-origin', 'Content-Type': 'image/png' },
          mimeType: 'image/png',
          resourceType: 'image',
        },
      ]),
    );
    expect(d!.causes[0]!.id).toBe('browser.corp_blocked');
    expect(d!.causes[0]!.evidence.map((e) => e.detail)).toContain('Cross-Origin-Resource-Policy: same-origin');
    expect(d!.causes[0]!.fixes[0]).toMatch(
      /^On https:\/\/cdn\.example\.com .*Cross-Origin-Resource-Policy: cross-origin/,
    );
  });

  it('same-origin no-cors with CORP same-origin is fine', () => {
    const har = makeHar([
      {
        url: 'https://app.example.com/a.png',
        status: 200,
        requestHeaders: { Referer: 'https://app.example.com/', 'Sec-Fetch-Mode': 'no-cors' },
        responseHeaders: { 'Cross-Origin-Resource-Policy': 'same-origin' },
        resourceType: 'image',
      },
    ]);
    expect(diagnose(har)).toEqual([]);
  });
});

describe('browser.mixed_content', () => {
  it('an http call to a loopback address is never mixed content', () => {
    const har = makeHar([{ url: 'http://127.0.0.1:8080/api', status: 0, error: '', requestHeaders: { Referer: '' } }]);
    expect(diagnose(har).map((d) => d.causes[0]?.id)).not.toContain('browser.mixed_content');
  });
  it('from an https Referer (no _error), the http call is mixed content', () => {
    const har = makeHar([
      { url: 'http://api.example.com/x', status: 0, requestHeaders: { Referer: 'https://app.example.com/' } },
    ]);
    expect(diagnose(har)[0]!.causes.map((c) => c.id)).toContain('browser.mixed_content');
  });
});

// Chromium reports a CSP-blocked subresource as Network.loadingFailed { errorText: "", blockedReason: "csp" }
// (https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-BlockedReason); Playwright's HAR writes
// `errorText || blockedReason` as `_failureText`: a status -1 row failed with "csp", beside the page that set the policy.
describe('browser.csp_blocked from the blocked reason a HAR writer kept', () => {
  const POLICY = "default-src 'self';script-src 'self';img-src 'self' data:";
  const page = {
    url: 'http://127.0.0.1:19652/csp/page',
    status: 200,
    requestHeaders: { 'Sec-Fetch-Dest': 'document' },
    responseHeaders: { 'Content-Security-Policy': POLICY, 'Content-Type': 'text/html' },
    mimeType: 'text/html',
    resourceType: 'document',
  };
  const blocked = (failure: string, resourceType: string) => ({
    url: 'http://127.0.0.1:19653/plain/widget.js',
    status: -1,
    resourceType,
    startedDateTime: '2026-11-21T12:00:05.000Z',
    failure,
  });
  /** Playwright's shape: no `_error`, the failure in `_failureText`. */
  const playwrightHar = (specs: (Parameters<typeof makeHar>[0][number] & { failure?: string })[]) => {
    const har = makeHar(specs);
    specs.forEach((s, i) => {
      const res = har.log.entries[i]!.response as unknown as Record<string, unknown>;
      delete res._error;
      if (s.failure) res._failureText = s.failure;
    });
    return har;
  };

  it('a script failed with "csp" is browser.csp_blocked under script-src, with the page\'s policy', () => {
    const out = diagnose(playwrightHar([page, blocked('csp', 'script')]));
    const d = out.find((r) => r.index === 1)!;
    expect(d.flagged).toBe(true);
    expect(d.causes[0]!.id).toBe('browser.csp_blocked');
    const shown = d.causes[0]!.evidence.map((e) => e.detail).join('\n');
    expect(shown).toContain('violated directive: script-src');
    expect(shown).toContain(`the page's policy: ${POLICY}`);
    expect(shown).toContain('policy of the page http://127.0.0.1:19652/csp/page');
    expect(shown).toMatch(/blocked reason "csp"/);
    expect(out.find((r) => r.index === 0)?.flagged ?? false).toBe(false);
  });

  it('names the directive for the destination (an image: img-src), and reads without the page as well', () => {
    const [d] = diagnose(playwrightHar([blocked('csp', 'image')]));
    expect(d!.causes[0]!.id).toBe('browser.csp_blocked');
    expect(d!.causes[0]!.evidence.map((e) => e.detail)).toContain('violated directive: img-src');
  });

  it('another failure (a cancelled load) is not a CSP block', () => {
    expect(diagnose(playwrightHar([page, blocked('net::ERR_ABORTED', 'script')]))).toEqual([]);
  });
});
