// What makes a request a call to an OAuth 2.0 token endpoint, and how its client authenticated
// (lib/inspect/token-endpoint.ts). The bodies are the RFCs' own examples: RFC 6749 §4.1.3 (Basic
// client authentication), §2.3.1 and §6 (client_secret in the body), RFC 7523 §2.2
// (client_assertion), and Auth0's JSON token request
// (https://auth0.com/docs/api/authentication/resource-owner-password-flow/get-token).
import { describe, expect, it } from 'vitest';
import { readTokenEndpoint } from '../../../lib/inspect/token-endpoint';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

const FORM = 'application/x-www-form-urlencoded';
const CODE_GRANT =
  'grant_type=authorization_code&code=SplxlOBeZQQYXn9zrOWwKDYeI0Q&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb';
const REFRESH_WITH_SECRET =
  'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA&client_id=s6BhdRkqt3&client_secret=7Fjfp0ZBr1KtDRbnfVdmIw';
const ASSERTION =
  'grant_type=authorization_code&code=n0esc3NRze7LTCu7iYzS6a5acc3f0ogp4&client_assertion_type=' +
  'urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6IjIyIn0.eyJpc3MiOiJzNkJoZFJrcXQzIn0.cC4hiUPo';

const call = (spec: Partial<EntrySpec>) =>
  readTokenEndpoint(
    toExchange(
      makeEntry({
        url: 'https://server.example.com/token',
        method: 'POST',
        status: 400,
        requestMimeType: FORM,
        ...spec,
      }),
      0,
    ),
  );

describe('a token endpoint call', () => {
  it('is a POST with a grant_type, wherever it goes', () => {
    expect(call({ url: 'https://server.example.com/anything', requestBody: CODE_GRANT })).toEqual({
      grantType: 'authorization_code',
      clientAuth: 'none-seen',
      why: 'grant_type=authorization_code in the request body',
    });
    expect(
      call({
        url: 'https://tenant.auth0.com/oauth/token',
        requestMimeType: 'application/json',
        requestBody: '{"grant_type" : "password","username":"u","password":"p","client_id":"c"}',
      })?.grantType,
    ).toBe('password');
  });

  it('or a POST to a token path, with the path as the reason', () => {
    expect(call({ url: 'https://login.example.com/oauth2/v2.0/token', requestBody: '' })).toEqual({
      grantType: null,
      clientAuth: 'none-seen',
      why: 'POST to /oauth2/v2.0/token',
    });
    expect(call({ url: `https://x.example.com/${'p'.repeat(80)}/token` })?.why).toBe(
      `POST to ${`/${'p'.repeat(80)}/token`.slice(-60)}`,
    );
  });

  it('not a GET, a preflight, or a POST elsewhere without a grant_type', () => {
    expect(call({ method: 'GET', requestBody: CODE_GRANT })).toBeNull();
    // An entry the browser recorded as a CORS preflight is never the call itself.
    expect(call({ resourceType: 'preflight', requestBody: CODE_GRANT })).toBeNull();
    expect(call({ url: 'https://server.example.com/login', requestBody: 'username=u&password=p' })).toBeNull();
    // A parameter that only ends in grant_type is not one.
    expect(call({ url: 'https://server.example.com/x', requestBody: 'my_grant_type=password' })).toBeNull();
  });

  it('reads the grant_type decoded, up to 200 characters', () => {
    expect(
      call({ requestBody: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=x' })
        ?.grantType,
    ).toBe('urn:ietf:params:oauth:grant-type:device_code');
    expect(call({ requestBody: 'code=x&grant_type=client+credentials' })?.grantType).toBe('client credentials');
    // Broken percent-encoding is kept as sent.
    expect(call({ requestBody: 'grant_type=pass%ZZword' })?.grantType).toBe('pass%ZZword');
    expect(call({ requestBody: `grant_type=${'g'.repeat(300)}` })?.grantType).toBe('g'.repeat(200));
    expect(call({ requestBody: `grant_type=${'g'.repeat(300)}` })?.why).toBe(
      `grant_type=${'g'.repeat(40)} in the request body`,
    );
  });
});

describe('how the client authenticated', () => {
  it('HTTP Basic first (RFC 6749 §2.3.1), in any case', () => {
    expect(
      call({
        requestBody: REFRESH_WITH_SECRET,
        requestHeaders: { Authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' },
      })?.clientAuth,
    ).toBe('basic');
    expect(
      call({ requestBody: CODE_GRANT, requestHeaders: { Authorization: 'basic czZCaGRSa3F0Mw==' } })?.clientAuth,
    ).toBe('basic');
    expect(
      call({ requestBody: CODE_GRANT, requestHeaders: { Authorization: 'Bearer czZCaGRSa3F0Mw' } })?.clientAuth,
    ).toBe('none-seen');
  });

  it('then a client assertion (RFC 7523), then a client_secret in the body', () => {
    expect(call({ requestBody: ASSERTION })?.clientAuth).toBe('assertion');
    expect(call({ requestBody: REFRESH_WITH_SECRET })?.clientAuth).toBe('secret-in-body');
    expect(call({ requestBody: `${REFRESH_WITH_SECRET}&${ASSERTION.split('&').slice(2).join('&')}` })?.clientAuth).toBe(
      'assertion',
    );
    expect(
      call({
        requestMimeType: 'application/json',
        requestBody: '{"grant_type":"client_credentials","client_secret":"s3cr3t"}',
      })?.clientAuth,
    ).toBe('secret-in-body');
    expect(call({ requestBody: CODE_GRANT })?.clientAuth).toBe('none-seen');
  });

  it('reads grant_type within the first 16 KiB of the body only (a bound on what is scanned)', () => {
    const pad = `data=${'a'.repeat(16 * 1024)}`;
    const url = 'https://server.example.com/anything';
    expect(call({ url, requestBody: `grant_type=client_credentials&${pad}` })?.grantType).toBe('client_credentials');
    expect(call({ url, requestBody: `${pad}&grant_type=client_credentials` })).toBeNull();
  });
});
