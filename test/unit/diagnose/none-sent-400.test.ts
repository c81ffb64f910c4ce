// A server that states a credential refusal in a 400 ("Access Token not valid" under OAuth's
// access_denied, as ForgeRock AM's client registration answers a request without its initial access
// token) to a request that carried none, in a capture that keeps credential headers: the credential is
// missing, and the server's "not valid" is how it answers none (issue 17). A 400 that states no
// refusal, and a sign-in that carried its password in the body, are not "none sent".
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { makeHar, type EntrySpec } from '../../support/har';

const API = 'https://auth.example.test/am/oauth2/register';
const REFUSAL = '{"error_description":"Access Token not valid","error":"access_denied"}';

const call = (over: Partial<EntrySpec> = {}): EntrySpec => ({
  method: 'POST',
  url: API,
  requestHeaders: { 'content-type': 'application/json' },
  requestBody: '{"redirect_uris":["https://app.example.test/cb"]}',
  status: 400,
  body: REFUSAL,
  ...over,
});

// Playwright's recorder writes every header as sent: a request without Authorization went without.
const causesOf = (spec: EntrySpec, creator = 'Playwright') => {
  const har = makeHar([spec]);
  har.log.creator = { name: creator, version: '1.57.0' };
  return diagnose(har, { all: true })[0]?.causes ?? [];
};

describe('a credential refusal stated in a 400 to a request without a credential', () => {
  it('is a missing credential first, the stated "invalid" reading second', () => {
    const causes = causesOf(call());
    expect(causes.map((c) => c.id).slice(0, 2)).toEqual(['auth.missing', 'auth.invalid']);
    expect(causes[0]!.evidence.map((e) => e.detail).join('\n')).toContain('Access Token not valid');
    expect(causes[0]!.fixes.join(' ')).toContain('this endpoint asks for');
  });

  it('stays the stated reading when the capture may have dropped the header (Chrome, nothing kept)', () => {
    expect(causesOf(call(), 'WebInspector')[0]?.id).toBe('auth.invalid');
  });

  it('stays the stated reading when a credential went', () => {
    const causes = causesOf(call({ requestHeaders: { authorization: 'Bearer abcdefghijklmnopqrstuvwxyz0123' } }));
    expect(causes[0]?.id).toBe('auth.invalid');
    expect(causes.some((c) => c.id === 'auth.missing')).toBe(false);
  });

  it('is not read into a 400 whose stated code is no refusal', () => {
    const body = '{"error":"invalid_redirect_uri","error_description":"redirect_uris must use https"}';
    expect(causesOf(call({ body })).some((c) => c.id === 'auth.missing')).toBe(false);
  });

  it('is not read into a sign-in that carried its password in the body', () => {
    const signIn = call({
      url: 'https://app.example.test/api-token-auth/',
      requestBody: '{"username":"alice","password":"wrong"}',
      body: '{"error":"access_denied","error_description":"Access Token not valid"}',
    });
    expect(causesOf(signIn).some((c) => c.id === 'auth.missing')).toBe(false);
  });
});
