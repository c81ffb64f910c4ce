// 400s from the Node servers, both ways: refusals a server states only in words in a 400 (a login form's
// "Missing credentials", an OAuth token endpoint's error, @fastify/jwt's "Format is Authorization: Bearer [token]")
// and look-alike 400s that must stay quiet (body-parser's JSON SyntaxError, express-validator and Fastify schema
// errors whose fields are named password, api_key, page_token).
import type { Scenario } from '../types';
import { basic, hs256, quiet, refusal } from './helpers';

const E = 'express';
const F = 'fastify';
const now = () => Math.floor(Date.now() / 1000);
const tokenForm = (f: Record<string, string>) => ({ form: f });
/** The password grant at the oauth2-server token endpoint, client_secret_post. */
const passwordGrant = (t: Parameters<Scenario['run']>[0], clientSecret: string, password: string) =>
  t.api.post(
    t.url(E, '/oauth/token'),
    tokenForm({ grant_type: 'password', client_id: 'lab-app', client_secret: clientSecret, username: 'lab', password }),
  );

export const EXPRESS_400_SCENARIOS: Scenario[] = [
  {
    id: 'passport-missing-password',
    what: 'passport-local login form submitted with an empty password',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(E, '/login'), { form: { username: 'lab', password: '' } })),
    expect: [
      refusal(
        '/login',
        400,
        'auth.missing',
        'passport-local fails an empty field with its badRequestMessage "Missing credentials" as 400 "Bad Request"',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'oauth-password-wrong',
    what: '@node-oauth/oauth2-server password grant, right client, wrong user password',
    via: 'api',
    run: async (t) => void (await passwordGrant(t, 'lab-app-secret', 'wrong-password')),
    expect: [
      refusal(
        '/oauth/token',
        400,
        'auth.invalid',
        '400 invalid_grant "Invalid grant: user credentials are invalid"',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'oauth-client-secret-wrong',
    what: 'the same token endpoint, client_secret in the body (client_secret_post) and wrong',
    via: 'api',
    run: async (t) => void (await passwordGrant(t, 'wrong-secret', 'labpass')),
    expect: [
      refusal(
        '/oauth/token',
        400,
        'auth.invalid',
        '400 invalid_client "Invalid client: client is invalid" (401 only when the client authenticated by header)',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'oauth-grant-not-allowed',
    what: 'the client, authenticated by Basic, asks for client_credentials, which it is not allowed',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(E, '/oauth/token'), {
        headers: { authorization: basic('lab-app', 'lab-app-secret') },
        ...tokenForm({ grant_type: 'client_credentials' }),
      })),
    expect: [
      refusal(
        '/oauth/token',
        400,
        'permission.denied',
        '400 unauthorized_client "Unauthorized client: `grant_type` is invalid": the client is known, the grant is not its',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-json-syntax',
    what: 'a POST whose JSON body is cut off: body-parser SyntaxError through the default error handler',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(E, '/api/register'), {
        headers: { 'content-type': 'application/json' },
        data: Buffer.from('{"email": "lab@example.com", "password": '),
      })),
    expect: [quiet('/api/register', 400, 'body-parser "SyntaxError: Unexpected end of JSON input"', 'POST')],
  },
  {
    id: 'lookalike-password-rule',
    what: 'express-validator on a registration: password too short, api_key not a string',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(E, '/api/register'), {
        data: { email: 'lab@example.com', password: 'short', api_key: 12345 },
      })),
    expect: [
      quiet('/api/register', 400, '"password must be at least 8 characters", "api_key must be a string"', 'POST'),
    ],
  },
  {
    id: 'lookalike-page-token',
    what: 'express-validator on a list: a page_token that is not base64url',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(E, '/api/feed?page_token=%25%25not-a-token%25%25'))),
    expect: [quiet('/api/feed', 400, '"Invalid page token": a pagination cursor, not a credential')],
  },
];

export const FASTIFY_400_SCENARIOS: Scenario[] = [
  {
    id: 'jwt-doubled-scheme',
    what: '@fastify/jwt with a valid token sent as "Bearer Bearer <token>" (the client prefixed a value that had it)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(F, '/v2/orders'), {
        headers: { authorization: `Bearer Bearer ${hs256({ sub: 'lab', iat: now() }, 'lab-jwt-secret')}` },
      })),
    expect: [
      refusal(
        '/v2/orders',
        400,
        'auth.malformed',
        '400 FST_JWT_BAD_REQUEST "Format is Authorization: Bearer [token]": the scheme doubled',
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'lookalike-api-key-schema',
    what: 'a valid bearer token; the body fails the route schema (api_key an object, quota 0)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(F, '/v2/keys'), {
        headers: { authorization: `Bearer ${hs256({ sub: 'lab', iat: now() }, 'lab-jwt-secret')}` },
        data: { api_key: { value: 'x' }, quota: 0 },
      })),
    expect: [
      quiet('/v2/keys', 400, 'FST_ERR_VALIDATION "body/api_key must be string"; the token was accepted', 'POST'),
    ],
  },
  {
    id: 'lookalike-invalid-json',
    what: 'a POST whose JSON body is cut off',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(F, '/items'), {
        headers: { 'content-type': 'application/json' },
        data: Buffer.from('{"name": '),
      })),
    expect: [quiet('/items', 400, 'FST_ERR_CTP_INVALID_JSON_BODY: the body is not valid JSON', 'POST')],
  },
  {
    id: 'lookalike-page-token',
    what: 'a list call whose page_token fails the querystring pattern',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(F, '/feed?page_token=not%20a%20token!'))),
    expect: [quiet('/feed', 400, '"querystring/page_token must match pattern": pagination, not a credential')],
  },
];
