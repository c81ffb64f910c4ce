import { describe, expect, it } from 'vitest';
import { BEARER, diagnoseOne as one, sampleEntry, signatureIds } from '../../support/vendor-rows';
import type { EntrySpec } from '../../support/har';

// The ninth vendor pass's classes (MISSES.md): refusals stated in a status the tables do not flag (Nextcloud's 412,
// the Next-Gen WAF's 406) and a GraphQL server's code whose wording names authentication (Hasura's webhook), each
// read as its documentation describes, with the look-alikes of the same status left quiet.

describe("Nextcloud's 412 CSRF refusal", () => {
  const csrf = sampleEntry('nextcloud.csrf', 'https://cloud.example.com/apps/files/api/v1/stats');

  it('flags "CSRF check failed" in a 412 and reads it as CSRF', () => {
    const r = one(csrf);
    expect(r.d.flagged).toBe(true);
    expect(r.top).toBe('csrf.invalid');
  });

  // ownCloud's and Nextcloud's HTML answer to a browser form carries the same message in its page.
  it('reads the HTML page of the same exception', () => {
    const page = '<html><body><div class="error"><h2>Access forbidden</h2><p>CSRF check failed</p></div></body></html>';
    expect(one({ ...csrf, body: page, mimeType: 'text/html' }).top).toBe('csrf.invalid');
  });

  // https://sabre.io/dav/: WebDAV's precondition failure (a stale If-Match) is a 412 that is no refusal.
  it("leaves WebDAV's If-Match 412 alone", () => {
    const dav =
      '<?xml version="1.0" encoding="utf-8"?><d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><s:exception>' +
      'Sabre\\DAV\\Exception\\PreconditionFailed</s:exception><s:message>An If-Match header was specified, but none ' +
      'of the specified ETags matched.</s:message></d:error>';
    expect(one({ ...csrf, body: dav, mimeType: 'application/xml' }).d.flagged).toBe(false);
  });
});

describe("Fastly Next-Gen WAF's default 406", () => {
  const block = sampleEntry('fastly.ngwaf.default_block', 'https://docs.example.com/');

  it("reads a 406 page from Fastly's edge as a possible firewall block", () => {
    const r = one(block);
    expect(r.d.flagged).toBe(true);
    expect(r.top).toBe('waf.blocked');
    expect(r.d.causes[0]!.confidence).toBeLessThan(0.85);
  });

  it('needs the edge: the same page from an origin without Fastly headers is not this row', () => {
    expect(signatureIds({ ...block, responseHeaders: { 'content-type': 'text/html' } })).not.toContain(
      'fastly.ngwaf.default_block',
    );
  });

  // Content negotiation answers 406 too: Rails' unknown format (an empty 406), a JSON:API server's error object
  // (https://jsonapi.org/format/#content-negotiation-servers). Behind Fastly they stay quiet.
  it("leaves content negotiation's 406 alone behind Fastly", () => {
    expect(one({ ...block, body: '' }).d.flagged).toBe(false);
    const jsonapi = '{"errors":[{"status":"406","title":"Not Acceptable"}]}';
    expect(one({ ...block, body: jsonapi, mimeType: 'application/vnd.api+json' }).d.flagged).toBe(false);
  });
});

describe("Hasura's authentication webhook refusal", () => {
  const gql = (body: string, status = 200): EntrySpec => ({
    method: 'POST',
    url: 'https://hasura.example.com/v1/graphql',
    requestHeaders: { ...BEARER, 'Content-Type': 'application/json' },
    requestBody: '{"query":"{ users { id } }"}',
    status,
    body,
  });

  // server/src-lib/Hasura/Server/Auth/WebHook.hs: the webhook's 401 becomes access-denied with this wording.
  it('reads "Authentication hook unauthorized this request" as refused credentials, not a permission', () => {
    const body =
      '{"errors":[{"extensions":{"path":"$","code":"access-denied"},"message":"Authentication hook unauthorized this request"}]}';
    expect(one(gql(body)).top).toBe('auth.invalid');
  });

  it('keeps access-denied without that wording a permission', () => {
    const body =
      '{"errors":[{"extensions":{"path":"$","code":"access-denied"},"message":"restricted action: only admins may do this"}]}';
    expect(one(gql(body)).top).toBe('permission.denied');
  });
});
