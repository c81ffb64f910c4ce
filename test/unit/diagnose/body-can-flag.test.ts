import { describe, expect, it } from 'vitest';
import { bodyCanFlag, bodyMayFlag } from '../../../lib/diagnose/stated-refusal';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

// Which bodies a live capture must read before it can say "not refused", and which the panel's
// import worker may keep back (issue 19): an entry whose body cannot flag it is diagnosed the same
// without it. The shapes are the ones that refuse inside a body: a 4xx's error body, a WAF block
// page at 200 (Akamai) or 202 (AWS WAF's challenge,
// https://docs.aws.amazon.com/waf/latest/developerguide/waf-captcha-and-challenge.html), an XML-RPC
// or SOAP fault in a POST's 200, a GraphQL or JSON envelope in a 200.

function exchange(spec: Partial<EntrySpec> & { status: number }, withBody = true) {
  const e = makeEntry({ url: 'https://api.example.com/v1/items', ...spec });
  if (!withBody) delete (e.response.content as { text?: string }).text;
  return toExchange(e, 0);
}
const can = (spec: Partial<EntrySpec> & { status: number }, withBody = true): boolean =>
  bodyCanFlag(exchange(spec, withBody));

describe('bodyCanFlag: could the body make this entry a refusal?', () => {
  it('any 4xx body can, a 3xx or 5xx body cannot, a preflight never', () => {
    expect(can({ status: 400, mimeType: 'text/plain', body: 'x' })).toBe(true);
    expect(can({ status: 499, mimeType: 'text/plain', body: 'x' })).toBe(true);
    expect(can({ status: 302, mimeType: 'text/html', body: '<html></html>' })).toBe(false);
    expect(can({ status: 500, mimeType: 'application/json', body: '{"ok":false}' })).toBe(false);
    expect(can({ method: 'OPTIONS', status: 403, mimeType: 'text/plain', body: 'x' })).toBe(false);
  });

  it('an HTML page at a status a block page uses (200, 202), not at one none uses (204)', () => {
    expect(can({ status: 200, mimeType: 'text/html', body: '<html>Access Denied</html>' })).toBe(true);
    expect(can({ status: 202, mimeType: 'text/html', body: '<html></html>' })).toBe(true);
    expect(can({ status: 204, mimeType: 'text/html', body: '' })).toBe(false);
    expect(can({ status: 200, mimeType: 'text/css', body: 'body{}' })).toBe(false);
  });

  it('an XML body in a POST 200 (an XML-RPC or SOAP fault), not in a GET 200', () => {
    expect(can({ method: 'POST', status: 200, mimeType: 'text/xml', body: '<methodResponse/>' })).toBe(true);
    expect(can({ method: 'GET', status: 200, mimeType: 'application/xml', body: '<feed/>' })).toBe(false);
  });

  it('JSON in a 2xx: a POST, a GraphQL URL, or a body shaped like an envelope', () => {
    expect(can({ method: 'POST', status: 201, mimeType: 'application/json', body: '{"id":1}' })).toBe(true);
    expect(
      can({
        url: 'https://api.example.com/graphql?query={me{id}}',
        status: 200,
        mimeType: 'application/json',
        body: '{"data":{}}',
      }),
    ).toBe(true);
    expect(
      can({ url: 'https://api.example.com/gql', status: 200, mimeType: 'application/json', body: '{"data":{}}' }),
    ).toBe(true);
    expect(can({ status: 200, mimeType: 'application/json', body: '{"ok":false,"error":"invalid_auth"}' })).toBe(true);
    expect(can({ status: 200, mimeType: 'application/json', body: '  [{"success":false}]' })).toBe(true);
    // Data, not an envelope: a list of items, a string, or a GET's JSON of another type.
    expect(can({ status: 200, mimeType: 'application/json', body: '"ok"' })).toBe(false);
    expect(can({ status: 200, mimeType: 'application/json', body: '{"items":[1,2,3]}' })).toBe(false);
    expect(can({ status: 299, mimeType: 'application/json', body: '{"items":[]}' })).toBe(false);
    expect(can({ status: 300, mimeType: 'application/json', body: '{"ok":false}' })).toBe(false);
  });
});

describe('bodyMayFlag: must a live capture fetch the body before deciding?', () => {
  it('only when the body is not at hand and could flag', () => {
    expect(bodyMayFlag(exchange({ status: 403, mimeType: 'text/plain' }, false))).toBe(true);
    expect(bodyMayFlag(exchange({ status: 403, mimeType: 'text/plain', body: 'Forbidden' }))).toBe(false);
    expect(bodyMayFlag(exchange({ status: 500, mimeType: 'text/plain' }, false))).toBe(false);
  });
});
