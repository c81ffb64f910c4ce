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

describe("MediaWiki's Action API errors, stated in the MediaWiki-API-Error header of a 200", () => {
  const api = (code: string, info: string, over: Partial<EntrySpec> = {}): EntrySpec => ({
    method: 'POST',
    url: 'https://wiki.example.org/w/api.php',
    requestHeaders: { Cookie: 'wiki_session=8c2b1f0e9d7a6c5b' },
    requestBody: 'action=edit&title=Sandbox&text=x&token=%2B%5C&format=json',
    requestMimeType: 'application/x-www-form-urlencoded',
    status: 200,
    responseHeaders: { 'MediaWiki-API-Error': code },
    body: JSON.stringify({ error: { code, info } }),
    ...over,
  });

  it.each([
    ['badtoken', 'Invalid CSRF token.', 'csrf.invalid'],
    ['notoken', 'The "token" parameter must be set.', 'csrf.invalid'],
    ['readapidenied', 'You need read permission to use this module.', 'auth.missing'],
    ['assertuserfailed', 'You are no longer logged in, so the action could not be completed.', 'auth.missing'],
    [
      'ratelimited',
      'As an anti-abuse measure, you are limited from performing this action too many times.',
      'rate_limit.exceeded',
    ],
    [
      'permissiondenied',
      'The action you have requested is limited to users in the group: Administrators.',
      'permission.denied',
    ],
    ['protectedpage', 'This page has been protected to prevent editing or other actions.', 'permission.denied'],
  ])('%s flags the 200 and reads %s', (code, info, cause) => {
    const r = one(api(code, info));
    expect(r.d.flagged).toBe(true);
    expect(r.top).toBe(cause);
  });

  // The same errorformat carries every failure: a missing page or a bad parameter is no refusal.
  it('leaves the API errors that are not refusals quiet', () => {
    expect(one(api('missingtitle', "The page you specified doesn't exist.")).d.flagged).toBe(false);
    expect(one(api('badvalue', 'Unrecognized value for parameter "list": nope.')).d.flagged).toBe(false);
  });

  it('needs the header: another API whose body says "badtoken" is not MediaWiki', () => {
    expect(one(api('badtoken', 'Invalid CSRF token.', { responseHeaders: {} })).d.flagged).toBe(false);
  });
});

describe('wording and codes of self-hosted apps and App Store Connect', () => {
  it("reads Discourse's invalid key sentence as the key, and its bare invalid_access as a permission", () => {
    const bad = sampleEntry('discourse.invalid_key', 'https://forum.example.com/');
    expect(one(bad).top).toBe('api_key.invalid');
    const right = '{"errors":["You are not permitted to view the requested resource."],"error_type":"invalid_access"}';
    expect(one({ ...bad, body: right }).top).toBe('permission.denied');
  });

  it("reads Magento's missing ACL resource as a permission when a token was sent, not otherwise", () => {
    const acl = sampleEntry('magento.acl_resource', 'https://store.example.com/');
    expect(one(acl).top).toBe('permission.denied');
    expect(signatureIds({ ...acl, requestHeaders: {} })).not.toContain('magento.acl_resource');
  });

  // https://developer.apple.com/documentation/appstoreconnectapi/interpreting-and-handling-errors
  it("reads App Store Connect's NOT_AUTHORIZED as authentication on Apple's host only", () => {
    const body =
      '{"errors":[{"status":"401","code":"NOT_AUTHORIZED","title":"Authentication credentials are missing or invalid.",' +
      '"detail":"Provide a properly configured and signed bearer token, and make sure that it has not expired."}]}';
    const spec: EntrySpec = { url: 'https://api.appstoreconnect.apple.com/v1/apps', status: 401, body };
    // The detail's advice ("make sure that it has not expired") may read as expiry; either way not a permission.
    expect(['auth.invalid', 'auth.token_expired']).toContain(one({ ...spec, requestHeaders: BEARER }).top);
    expect(one(spec).top).toBe('auth.missing');
    const elsewhere = { ...spec, url: 'https://api.example.com/v1/apps', status: 403, requestHeaders: BEARER };
    expect(one(elsewhere).top).toBe('permission.denied');
  });

  // https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https
  it("counts WooCommerce's consumer_key query parameter as a key sent", () => {
    const url =
      'https://shop.example.com/wp-json/wc/v3/products?consumer_key=ck_0123456789abcdef&consumer_secret=cs_0123456789abcdef';
    const body =
      '{"code":"woocommerce_rest_authentication_error","message":"Consumer key is invalid.","data":{"status":401}}';
    expect(one({ url, status: 401, body }).top).not.toBe('auth.missing');
  });
});
