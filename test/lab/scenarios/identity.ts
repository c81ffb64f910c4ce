// An OpenID Connect provider (oidc-provider) and an npm registry (Verdaccio), both from npm.
import type { Scenario } from '../types';
import { basic, quiet, refusal } from './helpers';

const O = 'oidc';
const V = 'verdaccio';
const form = (f: Record<string, string>) => ({ form: f });

export const OIDC_SCENARIOS: Scenario[] = [
  {
    id: 'client-secret-wrong',
    what: 'client_credentials with a wrong client secret (client_secret_basic)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-client', 'wrong-secret') },
        ...form({ grant_type: 'client_credentials' }),
      })),
    expect: [refusal('/token', 401, 'auth.invalid', 'invalid_client: client authentication failed', [], 'POST')],
  },
  {
    id: 'code-invalid',
    what: 'authorization_code grant with a code that was never issued',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-client', 'lab-client-secret') },
        ...form({
          grant_type: 'authorization_code',
          code: 'not-a-real-code',
          redirect_uri: `http://127.0.0.1:${t.ports.app}/cb`,
        }),
      })),
    expect: [
      refusal('/token', 400, 'auth.invalid', 'invalid_grant: grant request is invalid', ['auth.token_expired'], 'POST'),
    ],
  },
  {
    id: 'userinfo-no-token',
    what: 'userinfo without an access token',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(O, '/me'))),
    expect: [refusal('/me', 401, 'auth.missing', 'invalid_token "no access token provided"')],
  },
  {
    id: 'userinfo-bad-token',
    what: 'userinfo with an access token the provider never issued',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(O, '/me'), { headers: { authorization: 'Bearer bm90LWEtcmVhbC10b2tlbg' } })),
    expect: [refusal('/me', 401, 'auth.invalid', 'invalid_token "invalid token provided"')],
  },
  {
    id: 'token-no-client-auth',
    what: 'client_credentials with no client authentication at all (no Basic header, no client_secret)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(O, '/token'), form({ grant_type: 'client_credentials' }))),
    expect: [
      refusal(
        '/token',
        400,
        'auth.missing',
        '400 invalid_request "no client authentication mechanism provided"',
        ['auth.invalid'],
        'POST',
      ),
    ],
  },
  {
    id: 'grant-not-allowed',
    what: 'a code-flow-only client (lab-web) asks for client_credentials with its right secret',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-web', 'lab-web-secret') },
        ...form({ grant_type: 'client_credentials' }),
      })),
    expect: [
      refusal(
        '/token',
        400,
        'permission.denied',
        '400 invalid_request "requested grant type is not allowed for this client": the client authenticated, the grant is not its',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'refresh-token-invalid',
    what: 'refresh_token grant with a refresh token the provider never issued',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-client', 'lab-client-secret') },
        ...form({ grant_type: 'refresh_token', refresh_token: 'bm90LWEtcmVmcmVzaC10b2tlbg' }),
      })),
    expect: [
      refusal(
        '/token',
        400,
        'auth.invalid',
        '400 invalid_grant "grant request is invalid" for an unknown refresh token',
        ['auth.token_expired'],
        'POST',
      ),
    ],
  },
  {
    id: 'scope-not-allowed',
    what: 'client_credentials asking for a scope the client was not given',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-client', 'lab-client-secret') },
        ...form({ grant_type: 'client_credentials', scope: 'api:admin' }),
      })),
    expect: [
      refusal(
        '/token',
        400,
        'permission.insufficient_scope',
        '400 invalid_scope "requested scope is not allowed": api:admin is not among the client\'s scopes',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-unsupported-grant',
    what: 'a grant type the provider does not implement (a client bug, no credential in question)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-client', 'lab-client-secret') },
        ...form({ grant_type: 'urn:example:made-up-grant' }),
      })),
    expect: [quiet('/token', 400, '400 unsupported_grant_type: the request names a grant the server lacks', 'POST')],
  },
  {
    id: 'client-credentials-ok',
    what: 'client_credentials with the right secret (quiet), then discovery',
    via: 'api',
    run: async (t) => {
      await t.api.get(t.url(O, '/.well-known/openid-configuration'));
      await t.api.post(t.url(O, '/token'), {
        headers: { authorization: basic('lab-client', 'lab-client-secret') },
        ...form({ grant_type: 'client_credentials' }),
      });
    },
    expect: [quiet('/token', 200, 'token issued', 'POST'), quiet('/.well-known/', 200, 'discovery document')],
  },
];

export const VERDACCIO_SCENARIOS: Scenario[] = [
  {
    id: 'package-anonymous',
    what: 'npm view of a package with access: $authenticated, no token',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(V, '/lab-pkg'))),
    expect: [refusal('/lab-pkg', 401, 'auth.missing', '"authorization required to access package lab-pkg"')],
  },
  {
    id: 'package-bad-token',
    what: 'the same with a token Verdaccio did not issue',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(V, '/lab-pkg'), { headers: { authorization: 'Bearer bm90LWEtdG9rZW4' } })),
    expect: [refusal('/lab-pkg', 401, 'auth.invalid', 'a token was sent; the same "authorization required" answer')],
  },
  {
    id: 'login-wrong',
    what: 'npm login (PUT /-/user/org.couchdb.user:lab) with a wrong password, registration off',
    via: 'api',
    run: async (t) =>
      void (await t.api.put(t.url(V, '/-/user/org.couchdb.user:lab'), { data: { name: 'lab', password: 'wrong' } })),
    expect: [quiet('/-/user/', 409, '409 "user registration disabled": a conflict, not an auth refusal', 'PUT')],
  },
  {
    id: 'whoami-anonymous',
    what: 'npm whoami without a token',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(V, '/-/whoami'))),
    expect: [quiet('/-/whoami', 200, 'anonymous whoami answers 200 {}')],
  },
];
