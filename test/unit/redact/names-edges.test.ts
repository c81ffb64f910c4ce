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
  const nameFor = (base: string) =>
    (new Vault().secret('s-1', { base, kind: 'body', where: 'test' }) as { ref: string }).ref;

  it('are the base in upper case, each run of other characters one _, none at either end, at most 40', () => {
    expect(nameFor('_csrf')).toBe('WHY403_CSRF');
    expect(nameFor('--token--')).toBe('WHY403_TOKEN');
    expect(nameFor('user[credentials][token]')).toBe('WHY403_USER_CREDENTIALS_TOKEN');
    expect(nameFor(`${'a'.repeat(39)}-b${'c'.repeat(20)}`)).toBe(`WHY403_${'A'.repeat(39)}`);
    expect(nameFor(`${'ab'.repeat(30)}`)).toBe(`WHY403_${'AB'.repeat(20)}`);
  });

  it('name a form field by its nested name (Rails and PHP brackets)', () => {
    const v = new Vault();
    expect(displayText(redactBody('user[credentials][token]=t-1', 'application/x-www-form-urlencoded', v))).toBe(
      'user[credentials][token]=${WHY403_BODY_USER_CREDENTIALS_TOKEN}',
    );
  });

  it('fall back to SECRET when a base has no letter or digit', () => {
    const v = new Vault();
    expect(v.secret('s-1', { base: '@@', kind: 'body', where: 'request body field @@' })).toEqual({
      ref: 'WHY403_SECRET',
    });
  });
});

describe('structured field names', () => {
  it('keep a bare code or key readable (error codes, object keys), not names ending in them', () => {
    const body = '{"code":"INVALID"," key ":"photos/1.jpg","api_key":"k-1","auth_code":"c-1","apiKey":"k-2"}';
    expect(displayText(redactBody(body, 'application/json', new Vault()))).toBe(
      '{"code":"INVALID"," key ":"photos/1.jpg","api_key":"${WHY403_BODY_API_KEY}","auth_code":"${WHY403_BODY_AUTH_CODE}","apiKey":"${WHY403_BODY_APIKEY}"}',
    );
    // An OAuth PKCE verifier (RFC 7636) starts with "code" and is the secret of a token request.
    expect(displayText(redactBody('{"code_verifier":"v-1"}', 'application/json', new Vault()))).toBe(
      '{"code_verifier":"${WHY403_BODY_CODE_VERIFIER}"}',
    );
  });
});
