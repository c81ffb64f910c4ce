import { describe, expect, it } from 'vitest';
import { displayText, isSecretHeader, redactBody, Vault } from '../../../lib/redact';
import { isUrlHeader } from '../../../lib/redact/names';

// Header names as HAR files carry them: any case, and now and then padded with white space by the
// tool that wrote them. A listed credential header stays secret however it is spelled.
describe('secret header names', () => {
  it('are judged trimmed and in lower case, listed names included', () => {
    // IBM API Connect's client id and MuleSoft's client_id are credentials by their gateways' docs,
    // though no pattern reads them so: only the list does.
    for (const name of ['X-IBM-Client-Id', ' x-ibm-client-id ', 'CLIENT_ID', '\tclient_id'])
      expect(isSecretHeader(name), name).toBe(true);
    expect(isSecretHeader(' Ocp-Apim-Subscription-Key ')).toBe(true);
  });

  it('a padded protocol header stays readable', () => {
    expect(isSecretHeader(' Sec-WebSocket-Key ')).toBe(false);
    expect(isSecretHeader('Sec-WebSocket-Key')).toBe(false);
  });
});

describe('URL-valued headers', () => {
  it('are the five named ones, in any case and padded', () => {
    for (const name of ['Referer', 'location', 'CONTENT-LOCATION', ' Refresh ', 'Link\t'])
      expect(isUrlHeader(name), name).toBe(true);
  });

  it('are not other headers ending or starting with those names', () => {
    for (const name of ['X-Geo-Location', 'Link-Template', 'Referer-Policy', 'Unlink'])
      expect(isUrlHeader(name), name).toBe(false);
  });
});

describe('placeholder names', () => {
  it('fall back to SECRET when a base has no letter or digit', () => {
    const v = new Vault();
    expect(v.secret('s-1', { base: '@@', kind: 'body', where: 'request body field @@' })).toEqual({
      ref: 'WHY403_SECRET',
    });
  });
});

describe('structured field names', () => {
  it('keep a bare code or key readable (error codes, object keys), not names ending in them', () => {
    const body = '{"code":"INVALID","Key":"photos/1.jpg","api_key":"k-1","auth_code":"c-1","apiKey":"k-2"}';
    expect(displayText(redactBody(body, 'application/json', new Vault()))).toBe(
      '{"code":"INVALID","Key":"photos/1.jpg","api_key":"${WHY403_BODY_API_KEY}","auth_code":"${WHY403_BODY_AUTH_CODE}","apiKey":"${WHY403_BODY_APIKEY}"}',
    );
  });
});
