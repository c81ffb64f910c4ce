import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { matchingSignatures, signatureRule } from '../../../lib/diagnose/rules/signatures';
import { blockPageSignature } from '../../../lib/diagnose/flag';
import { LogIndex } from '../../../lib/core/log-index';
import { RuleContext } from '../../../lib/core/context';
import { toExchange } from '../../../lib/model/exchange';
import type { Signature } from '../../../lib/vendors/types';
import { matchInput } from '../../../lib/vendors/match';
import { readCredentials } from '../../../lib/inspect/credentials';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';

function one(spec: EntrySpec) {
  const d = diagnose(makeHar([spec]), { all: true })[0]!;
  return { d, ids: d.causes.map((c) => c.id) };
}

/** Only the signature rule's causes, to test it apart from fallbacks and other rules. */
function sigCauses(spec: EntrySpec) {
  const har = makeHar([spec]);
  const log = new LogIndex(har);
  return signatureRule.run(new RuleContext(log.exchanges[0]!, log));
}

const API = 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items';
const MISSING = '{"message":"Missing Authentication Token"}';

describe('requires: API Gateway "Missing Authentication Token"', () => {
  it('reads auth.missing (with route.not_found as the alternative) when nothing was signed', () => {
    const { ids } = one({
      url: API,
      status: 403,
      body: MISSING,
      responseHeaders: { 'x-amzn-errortype': 'MissingAuthenticationTokenException' },
    });
    expect(ids[0]).toBe('auth.missing');
    expect(ids).toContain('route.not_found');
  });

  it('reads route.not_found when the request was signed', () => {
    const { ids } = one({
      url: API,
      status: 403,
      body: MISSING,
      requestHeaders: {
        Authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20261121/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc',
      },
    });
    expect(ids[0]).toBe('route.not_found');
    expect(ids).not.toContain('auth.missing');
  });

  it('counts a SigV4 query signature as authorization', () => {
    const { ids } = one({ url: `${API}?X-Amz-Signature=abc&X-Amz-Credential=x`, status: 403, body: MISSING });
    expect(ids[0]).toBe('route.not_found');
  });

  it('tells a missing key from an invalid one on {"message":"Forbidden"}', () => {
    const headers = { 'x-amzn-requestid': 'r', 'x-amzn-errortype': 'ForbiddenException' };
    expect(
      one({
        url: API,
        status: 403,
        body: '{"message":"Forbidden"}',
        responseHeaders: headers,
        requestHeaders: { 'x-api-key': 'k'.repeat(40) },
      }).ids[0],
    ).toBe('api_key.invalid');
    expect(one({ url: API, status: 403, body: '{"message":"Forbidden"}', responseHeaders: headers }).ids[0]).toBe(
      'api_key.missing',
    );
  });

  it('never quotes the key itself in evidence', () => {
    const key = 'SECRETKEY1234567890abcdefSECRETKEY123456';
    const { d } = one({
      url: API,
      status: 403,
      body: '{"message":"Forbidden"}',
      responseHeaders: { 'x-amzn-requestid': 'r' },
      requestHeaders: { 'x-api-key': key },
    });
    expect(JSON.stringify(d)).not.toContain(key);
    expect(JSON.stringify(d)).toContain('x-api-key header (40 chars)');
  });
});

describe('groups: the most specific signature of a vendor speaks', () => {
  it('Google SERVICE_DISABLED wins over its PERMISSION_DENIED status', () => {
    const body = JSON.stringify({
      error: {
        code: 403,
        message: 'Cloud Vision API has not been used in project 123 before or it is disabled.',
        status: 'PERMISSION_DENIED',
        details: [{ reason: 'SERVICE_DISABLED' }],
      },
    });
    const causes = sigCauses({ url: 'https://vision.googleapis.com/v1/images:annotate?key=AIzaX', status: 403, body });
    expect(causes.map((c) => c.id)).toEqual(['service.disabled']);
  });

  it('an "expired" API_KEY_INVALID reads api_key.expired, not api_key.invalid', () => {
    const body =
      '{"error":{"code":400,"message":"API key expired. Please renew the API key.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}';
    const { d, ids } = one({ url: 'https://generativelanguage.googleapis.com/v1/models?key=AIza', status: 400, body });
    expect(d.flagged).toBe(true);
    expect(ids[0]).toBe('api_key.expired');
    expect(ids).not.toContain('api_key.invalid');
  });

  it('reports one cause per group and cites the source', () => {
    const table: Signature[] = [
      {
        id: 't.a',
        vendor: 'T',
        cause: 'waf.blocked',
        confidence: 0.9,
        body: /blocked/,
        title: 'blocked title',
        summary: 'blocked summary',
        fixes: ['x'],
        source: 'https://a',
      },
      {
        id: 't.b',
        vendor: 'T',
        cause: 'ip.blocked',
        confidence: 0.95,
        body: /blocked/,
        title: 'ip title',
        summary: 'ip summary',
        fixes: ['x'],
        source: 'https://b',
      },
      {
        id: 'u.c',
        vendor: 'U',
        cause: 'ip.blocked',
        confidence: 0.5,
        body: /blocked/,
        title: 'u title',
        summary: 'u summary',
        fixes: ['x'],
        source: 'https://c',
      },
    ];
    const x = toExchange(makeEntry({ url: 'https://e.com/', status: 403, body: 'you are blocked' }), 0);
    expect(matchingSignatures(matchInput(x, readCredentials(x)), table).map((m) => m.signature.id)).toEqual([
      't.a',
      'u.c',
    ]);
  });
});

describe('flags: refusals served with another status', () => {
  const F5 =
    '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. ' +
    'Please consult with your administrator.<br><br>Your support ID is: 1234567890123456789<br><br><a ' +
    "href='javascript:history.back();'>[Go Back]</a></body></html>";

  it('flags the F5 block page served as 200', () => {
    const { d, ids } = one({ url: 'https://bank.example.com/login', status: 200, body: F5, mimeType: 'text/html' });
    expect(d.flagged).toBe(true);
    expect(ids[0]).toBe('waf.blocked');
  });

  it('does not flag a 200 article that quotes the F5 page further down', () => {
    const article = `<html><head><title>Fixing F5 errors</title></head><body>${'<p>Some long introduction about web application firewalls.</p>'.repeat(60)}<pre>${F5}</pre></body></html>`;
    const x = toExchange(
      makeEntry({ url: 'https://blog.example.com/f5', status: 200, body: article, mimeType: 'text/html' }),
      0,
    );
    expect(blockPageSignature(x)).toBeNull();
  });

  it('does not flag a Google 400 that is a plain validation error', () => {
    const body =
      '{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \\"foo\\"","status":"INVALID_ARGUMENT"}}';
    expect(one({ url: 'https://sheets.googleapis.com/v4/x?key=AIza', status: 400, body }).d.flagged).toBe(false);
  });

  it("flags Rails' 422 CSRF failure", () => {
    const { d, ids } = one({
      url: 'https://app.example.com/posts',
      method: 'POST',
      status: 422,
      body: "ActionController::InvalidAuthenticityToken: Can't verify CSRF token authenticity.",
    });
    expect(d.flagged).toBe(true);
    expect(ids[0]).toBe('csrf.invalid');
  });

  it('does not flag preflights', () => {
    const x = toExchange(
      makeEntry({
        method: 'OPTIONS',
        url: 'https://bank.example.com/',
        status: 200,
        body: F5,
        requestHeaders: { 'Access-Control-Request-Method': 'POST' },
      }),
      0,
    );
    expect(blockPageSignature(x)).toBeNull();
  });
});

describe('evidence', () => {
  it('quotes the marker of a pattern anchored near the top, not the whole head of the page', () => {
    const page =
      `<html><head>${'<meta name="x" content="y">'.repeat(40)}</head><body>The requested URL was ` +
      `rejected. Please consult with your administrator.<br>Your support ID is: 42</body></html>`;
    const { d } = one({ url: 'https://bank.example.com/', status: 200, body: page, mimeType: 'text/html' });
    const quote = d.causes[0]!.evidence.find((e) => e.where === 'response.body')!.detail;
    expect(quote).toContain('The requested URL was rejected');
    expect(quote.length).toBeLessThan(320);
  });

  it('masks a key the server echoes back', () => {
    const key = 'sk_live_51H8xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const { d } = one({
      url: 'https://api.example.com/x',
      status: 401,
      body: `{"error":"Invalid API key provided: ${key}"}`,
      requestHeaders: { Authorization: `Bearer ${key}` },
    });
    expect(JSON.stringify(d)).not.toContain(key);
    expect(d.causes.map((c) => c.id)).toContain('api_key.invalid');
  });

  it('names the signature and its documentation', () => {
    const { d } = one({
      url: 'https://api.github.com/user',
      status: 401,
      body: '{"message":"Bad credentials"}',
      responseHeaders: { 'x-github-request-id': 'A:B' },
      requestHeaders: { Authorization: 'Bearer ghp_x' },
    });
    const log = d.causes[0]!.evidence.find((e) => e.name === 'signature')!.detail;
    expect(log).toContain('github.bad_credentials');
    expect(log).toContain('https://docs.github.com/');
  });

  it('lets shared wording speak only when no vendor did', () => {
    const body =
      '{"error":{"code":429,"message":"Quota exceeded for quota metric \'Read requests\' and limit ' +
      '\'Read requests per minute per user\'","status":"RESOURCE_EXHAUSTED","details":[{"reason":"RATE_LIMIT_EXCEEDED"}]}}';
    expect(sigCauses({ url: 'https://sheets.googleapis.com/v4/x', status: 429, body }).map((c) => c.id)).toEqual([
      'rate_limit.exceeded',
    ]);
    expect(
      sigCauses({ url: 'https://api.example.com/x', status: 403, body: '{"error":"Monthly quota exceeded"}' }).map(
        (c) => c.id,
      ),
    ).toEqual(['quota.exceeded']);
  });
});

describe('tolerance', () => {
  it('reads entity-escaped HTML (Akamai)', () => {
    const body =
      '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don&#39;t ' +
      'have permission to access "http&#58;&#47;&#47;www&#46;example&#46;com&#47;" on this server.<P>Reference&#32;&#35;18&#46;6f3c1302&#46;1763726400&#46;1a2b3c4d</BODY></HTML>';
    expect(one({ url: 'https://www.example.com/', status: 403, body, mimeType: 'text/html' }).ids[0]).toBe(
      'waf.blocked',
    );
  });

  it('reads JSON-escaped wording and newlines', () => {
    const body = '{"error":"Can\\u0027t verify CSRF token\\nauthenticity."}';
    expect(one({ url: 'https://app.example.com/x', method: 'POST', status: 403, body }).ids[0]).toBe('csrf.invalid');
  });

  it('does not read an origin 403 passing through Cloudflare as a Cloudflare block', () => {
    const { ids } = one({
      url: 'https://api.example.com/x',
      status: 403,
      body: '{"error":"forbidden"}',
      responseHeaders: { 'cf-ray': '8a1b2c3d4e5f6789-AMS', server: 'cloudflare' },
    });
    expect(ids).not.toContain('waf.blocked');
  });

  it('survives a binary or missing body', () => {
    expect(() => one({ url: 'https://e.com/', status: 403 })).not.toThrow();
    expect(sigCauses({ url: 'not a url', status: 403, body: '\u0000\u0001binary' })).toEqual([]);
  });
});
