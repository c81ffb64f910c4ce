// A request that signs in with a password in its body (lib/inspect/sign-in.ts): a refusal of it is
// never "no credential sent". Bodies as frameworks send them: Django's login form
// (`username=…&password=…&csrfmiddlewaretoken=…`, https://docs.djangoproject.com/en/5.1/topics/auth/default/#django.contrib.auth.views.LoginView),
// Devise's `user[password]` form fields and a JSON login ({"email","password"}).
import { describe, expect, it } from 'vitest';
import { signsInWithBody } from '../../../lib/inspect/sign-in';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, type EntrySpec } from '../../support/har';

const DJANGO = 'csrfmiddlewaretoken=abc&username=alice&password=s3cret';
const signsIn = (spec: Partial<EntrySpec>) =>
  signsInWithBody(
    toExchange(
      makeEntry({
        url: 'https://app.example.com/accounts/login/',
        method: 'POST',
        status: 403,
        requestBody: DJANGO,
        ...spec,
      }),
      0,
    ),
  );

describe('signsInWithBody', () => {
  it('a POST or PUT of a password to a sign-in path', () => {
    expect(signsIn({})).toBe(true);
    expect(signsIn({ method: 'PUT', url: 'https://app.example.com/api/session' })).toBe(true);
    // Devise (https://github.com/heartcombo/devise#configuring-routes): its form, and its JSON.
    expect(
      signsIn({
        url: 'https://app.example.com/users/sign_in',
        requestBody: 'authenticity_token=abc&user%5Bemail%5D=a%40b.c&user%5Bpassword%5D=s3cret&commit=Log+in',
      }),
    ).toBe(true);
    expect(
      signsIn({
        url: 'https://app.example.com/users/sign_in.json',
        requestBody: '{"user":{"email":"a@b.c","password":"s3cret"}}',
      }),
    ).toBe(true);
    expect(signsIn({ url: 'https://app.example.com/log_in', requestBody: 'user[password]=s3cret' })).toBe(true);
    expect(
      signsIn({ url: 'https://app.example.com/api/auth/login', requestBody: '{"email":"a@b.c","password":"x"}' }),
    ).toBe(true);
    expect(signsIn({ url: 'https://app.example.com/sessions', requestBody: 'user_password=s3cret' })).toBe(true);
  });

  it('a password sent to get a token (DRF obtain_auth_token, Simple JWT)', () => {
    // https://www.django-rest-framework.org/api-guide/authentication/#by-exposing-an-api-endpoint
    const login = '{"username":"lab","password":"wrong-password"}';
    for (const path of ['/api-token-auth/', '/api/token-auth/', '/api/token/', '/token', '/jwt-token', '/auth_token/'])
      expect(signsIn({ url: `https://app.example.com${path}`, requestBody: login }), path).toBe(true);
    // A token's refresh or a list of API tokens is not a sign-in, whatever its body holds.
    for (const path of ['/api/token/refresh/', '/api/tokens', '/api/token-auths', '/tokenize'])
      expect(signsIn({ url: `https://app.example.com${path}`, requestBody: login }), path).toBe(false);
  });

  it("CouchDB's cookie sign-in at /_session, in JSON or as a form, and not its other system paths", () => {
    // https://docs.couchdb.org/en/stable/api/server/authn.html#cookie-authentication
    const couch = 'https://couch.example.com:5984';
    expect(signsIn({ url: `${couch}/_session`, requestBody: '{"name":"root","password":"relax"}' })).toBe(true);
    expect(signsIn({ url: `${couch}/_session`, requestBody: 'name=root&password=relax' })).toBe(true);
    expect(signsIn({ url: `${couch}/_users/org.couchdb.user:jan`, requestBody: '{"password":"apple"}' })).toBe(false);
    expect(signsIn({ url: `${couch}/_sessions_log`, requestBody: '{"password":"apple"}' })).toBe(false);
  });

  it('not another method, another path, or a body without a password value', () => {
    expect(signsIn({ method: 'GET' })).toBe(false);
    expect(signsIn({ method: 'PATCH' })).toBe(false);
    // A sign-up or a password change carries a password as data.
    expect(signsIn({ url: 'https://app.example.com/accounts/register/' })).toBe(false);
    expect(signsIn({ requestBody: 'username=alice&password=' })).toBe(false);
    expect(signsIn({ requestBody: 'user%5Bpassword%5D=&user%5Bemail%5D=a' })).toBe(false);
    expect(signsIn({ requestBody: '{"email":"a@b.c","password":""}' })).toBe(false);
    expect(signsIn({ requestBody: undefined })).toBe(false);
    expect(signsIn({ url: 'not a url' })).toBe(false);
  });

  it('reads the first 16 KiB of the body only', () => {
    expect(signsIn({ requestBody: `username=alice&pad=${'a'.repeat(16 * 1024 - 40)}&password=s3cret` })).toBe(true);
    expect(signsIn({ requestBody: `username=alice&pad=${'a'.repeat(16 * 1024)}&password=s3cret` })).toBe(false);
  });
});
