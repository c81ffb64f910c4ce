// The fifth set (issue 17): Node server software the lab had never run, unmodified from npm, each configured as
// its own documentation shows: GraphQL Yoga 5 with its CSRF-prevention plugin, built-in CORS and Envelop's
// generic-auth (conf/yoga.mjs); Feathers 5 with its authentication service (conf/feathers.mjs); tRPC 11's
// standalone adapter (conf/trpc.mjs); Moleculer's API gateway, moleculer-web (conf/moleculer.mjs); CORS Anywhere
// (conf/cors-anywhere.mjs). The labels were written before the engine read any of these recordings.
import type { Scenario } from '../types';
import { appPage, basic, hs256, quiet, refusal } from './helpers';

const YO = 'yoga';
const FE = 'feathers';
const TR = 'trpc';
const MO = 'moleculer';
const CA = 'cors-anywhere';
const now = () => Math.floor(Date.now() / 1000);
const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A form POSTed from the lab's page to another origin (a cross-site form, as CSRF would send it). */
const submitForm = (action: string, fields: Record<string, string>): string =>
  `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(action)};
    for (const [k, v] of Object.entries(${JSON.stringify(fields)})) { const i = document.createElement('input'); i.name = k; i.value = v; f.append(i); }
    document.body.append(f); f.submit(); })()`;

const gql = (query: string) => ({ query });

export const YOGA_SCENARIOS: Scenario[] = [
  {
    id: 'authenticated-none',
    what: 'generic-auth protect-granular, an @authenticated field, nothing sent: 401 "Unauthorized field or type"',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(YO, '/graphql'), { headers: json, data: gql('{ me }') })),
    expect: [
      refusal('/graphql', 401, 'auth.missing', 'UNAUTHORIZED_FIELD_OR_TYPE and no Authorization sent', [], 'POST'),
    ],
  },
  {
    id: 'authenticated-unknown-token',
    what: 'the same field with a Bearer token resolveUserFn does not know: 401 "Unauthorized field or type"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(YO, '/graphql'), {
        headers: { ...json, ...bearer('lab-yoga-revoked') },
        data: gql('{ me }'),
      })),
    expect: [
      refusal(
        '/graphql',
        401,
        'auth.invalid',
        'a Bearer token was sent and the field still refuses the caller',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'requires-scopes',
    what: '@requiresScopes([["orders:write"]]) to a reader token (orders:read): 401 "Unauthorized field or type"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(YO, '/graphql'), {
        headers: { ...json, ...bearer('lab-yoga-reader') },
        data: gql('mutation { cancelOrder(id: 1) }'),
      })),
    expect: [
      refusal(
        '/graphql',
        401,
        'permission.insufficient_scope',
        'a known token without the scope the field requires; generic-auth answers it as it answers no user',
        ['permission.denied', 'auth.invalid'],
        'POST',
      ),
    ],
  },
  {
    id: 'http-401-unauthenticated',
    what: 'a resolver throws GraphQLError UNAUTHENTICATED with extensions.http {status 401, WWW-Authenticate: Bearer}',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(YO, '/graphql'), { headers: json, data: gql('{ report }') })),
    expect: [refusal('/graphql', 401, 'auth.missing', '"You must sign in to read reports"; nothing sent', [], 'POST')],
  },
  {
    id: 'http-403-forbidden',
    what: 'the same resolver to a signed-in reader: GraphQLError FORBIDDEN, extensions.http.status 403',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(YO, '/graphql'), {
        headers: { ...json, ...bearer('lab-yoga-reader') },
        data: gql('{ report }'),
      })),
    expect: [refusal('/graphql', 403, 'permission.denied', '"Reports are for finance staff only"', [], 'POST')],
  },
  {
    id: 'csrf-get-no-header',
    what: 'useCSRFPrevention: a GET query without x-graphql-yoga-csrf: 403 "Required CSRF header(s) not present"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(YO, '/graphql?query=%7Bhello%7D'))),
    expect: [refusal('/graphql', 403, 'csrf.invalid', 'the CSRF-prevention header is required on a simple request')],
  },
  {
    id: 'csrf-cross-site-form',
    what: 'useCSRFPrevention: the lab page posts an urlencoded form to Yoga (a simple request): 403 (browser)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await Promise.all([
        t.page.waitForURL(/graphql/).catch(() => undefined),
        t.page.evaluate(submitForm(t.url(YO, '/graphql'), { query: 'mutation { cancelOrder(id: 1) }' })),
      ]);
    },
    expect: [
      refusal(
        '/graphql',
        403,
        'csrf.invalid',
        'a cross-site form POST refused by the CSRF-prevention plugin',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'csrf-header-sent',
    what: 'a GET query with x-graphql-yoga-csrf: 200 (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(YO, '/graphql?query=%7Bhello%7D'), { headers: { 'x-graphql-yoga-csrf': '1' } })),
    expect: [quiet('/graphql', 200, 'the CSRF header satisfies the plugin')],
  },
  {
    id: 'rate-limited-search',
    what: 'a resolver throwing GraphQLError with extensions.http {status 429, Retry-After: 60} on the 4th search',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 4; i++)
        await t.api.post(t.url(YO, `/graphql?n=${i}`), { headers: json, data: gql('{ search(term: "a") }') });
    },
    expect: [
      quiet('/graphql?n=2', 200, 'the third search still answers', 'POST'),
      refusal('/graphql?n=3', 429, 'rate_limit.exceeded', '429 with Retry-After', [], 'POST'),
    ],
  },
  {
    id: 'cors-origin-mismatch',
    what: "Yoga's cors { origin: https://app.example.com }: the lab page POSTs JSON (DevTools HAR with the preflight)",
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(YO, '/graphql'), {
        method: 'POST',
        headers: json,
        body: JSON.stringify(gql('{ hello }')),
      })),
    expect: [
      refusal(
        '/graphql',
        204,
        'cors.allow_origin_mismatch',
        'preflight allows https://app.example.com only',
        [],
        'OPTIONS',
      ),
      refusal('/graphql', undefined, 'cors.allow_origin_mismatch', 'the POST behind it, blocked', [], 'POST'),
    ],
  },
  {
    id: 'lookalike-masked-error',
    what: 'a resolver throws an unexpected Error: 200 with the masked "Unexpected error." (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(YO, '/graphql'), { headers: json, data: gql('{ broken }') })),
    expect: [quiet('/graphql', 200, 'a server fault, masked', 'POST')],
  },
  {
    id: 'lookalike-validation',
    what: 'a query naming an unknown field: 200 GRAPHQL_VALIDATION_FAILED (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(YO, '/graphql'), { headers: json, data: gql('{ secrets }') })),
    expect: [quiet('/graphql', 200, 'a query the schema does not have', 'POST')],
  },
  {
    id: 'lookalike-not-found',
    what: 'GraphQLError NOT_FOUND with extensions.http.status 404, "Invoice 7 not found" (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(YO, '/graphql'), { headers: json, data: gql('{ invoice(id: 7) }') })),
    expect: [quiet('/graphql', 404, 'not found', 'POST')],
  },
  {
    id: 'lookalike-bad-password-input',
    what: 'a signIn mutation whose password is too short: 400 BAD_USER_INPUT naming the password field (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(YO, '/graphql'), {
        headers: json,
        data: gql('mutation { signIn(email: "a@lab.example", password: "short") }'),
      })),
    expect: [quiet('/graphql', 400, 'input validation naming a password, not a refusal', 'POST')],
  },
];

/** A Feathers access token as its AuthenticationService signs one (HS256, its audience, sub = user id). */
const feathersJwt = (claims: Record<string, unknown>, secret = 'lab-feathers-secret-not-for-production') =>
  hs256({ iat: now(), exp: now() + 3600, aud: 'https://lab.feathers.example', sub: '1', ...claims }, secret);
const feathersLogin = async (t: Parameters<Scenario['run']>[0]): Promise<string> => {
  const r = await t.api.post(t.url(FE, '/authentication'), {
    data: { strategy: 'local', email: 'member@lab.example', password: 'member-pass' },
  });
  return ((await r.json()) as { accessToken: string }).accessToken;
};

export const FEATHERS_SCENARIOS: Scenario[] = [
  {
    id: 'jwt-none',
    what: 'authenticate("jwt") on messages, nothing sent: 401 NotAuthenticated "Not authenticated"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(FE, '/messages'))),
    expect: [refusal('/messages', 401, 'auth.missing', 'no Authorization sent')],
  },
  {
    id: 'login-wrong-password',
    what: 'the local strategy with a wrong password: 401 NotAuthenticated "Invalid login"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(FE, '/authentication'), {
        data: { strategy: 'local', email: 'member@lab.example', password: 'guess-1234' },
      })),
    expect: [refusal('/authentication', 401, 'auth.invalid', 'a sign-in refused for its password', [], 'POST')],
  },
  {
    id: 'jwt-expired',
    what: 'an access token that expired an hour ago: 401 "jwt expired"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(FE, '/messages'), {
        headers: bearer(feathersJwt({ iat: now() - 7200, exp: now() - 3600 })),
      })),
    expect: [refusal('/messages', 401, 'auth.token_expired', 'jsonwebtoken\'s "jwt expired"', ['auth.invalid'])],
  },
  {
    id: 'jwt-bad-signature',
    what: 'a current token signed with another secret: 401 "invalid signature"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(FE, '/messages'), {
        headers: bearer(feathersJwt({}, 'someone-elses-secret')),
      })),
    expect: [refusal('/messages', 401, 'auth.invalid', 'the signature does not verify')],
  },
  {
    id: 'jwt-basic-scheme',
    what: 'Basic credentials to the JWT strategy (schemes Bearer, JWT): its parse() skips the header, 401 "Not authenticated"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(FE, '/messages'), {
        headers: { authorization: basic('member@lab.example', 'member-pass') },
      })),
    expect: [
      refusal(
        '/messages',
        401,
        'auth.malformed',
        'a Basic header where only Bearer/JWT is read; the server answers as if none came',
        ['auth.invalid'],
      ),
    ],
  },
  {
    id: 'forbidden-not-owner',
    what: "a hook's Forbidden('You can only edit your own messages') to a signed-in member patching another's message",
    via: 'api',
    run: async (t) => {
      const token = await feathersLogin(t);
      await t.api.patch(t.url(FE, '/messages/1'), { headers: bearer(token), data: { text: 'edited' } });
    },
    expect: [
      quiet('/authentication', 201, 'a sign-in that succeeded', 'POST'),
      refusal('/messages/1', 403, 'permission.denied', 'the owner check refuses this user', [], 'PATCH'),
    ],
  },
  {
    id: 'forbidden-role',
    what: 'a custom service refusing a member: 403 Forbidden "Admin role required"',
    via: 'api',
    run: async (t) => {
      const token = await feathersLogin(t);
      await t.api.get(t.url(FE, '/admin/stats'), { headers: bearer(token) });
    },
    expect: [refusal('/admin/stats', 403, 'permission.denied', 'a role the signed-in user lacks')],
  },
  {
    id: 'too-many-searches',
    what: "a hook's TooManyRequests on the third search: 429 (the second quiet)",
    via: 'api',
    run: async (t) => {
      const token = await feathersLogin(t);
      for (let i = 0; i < 3; i++) await t.api.get(t.url(FE, `/messages?q=${i}`), { headers: bearer(token) });
    },
    expect: [
      quiet('/messages?q=1', 200, 'the second search answers'),
      refusal('/messages?q=2', 429, 'rate_limit.exceeded', '"Too many searches, try again in a minute"'),
    ],
  },
  {
    id: 'cors-origin-mismatch',
    what: "@feathersjs/express cors({ origin: 'https://app.example.com' }); a simple GET from the lab page (DevTools HAR)",
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(FE, '/nope'))),
    expect: [
      refusal(
        '/nope',
        undefined,
        'cors.allow_origin_mismatch',
        'ACAO names another origin; the browser blocks the read',
        [],
        'GET',
      ),
    ],
  },
  {
    id: 'lookalike-bad-request-password',
    what: 'a signup whose password is too short: 400 BadRequest "Invalid password" with errors.password (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(FE, '/signup'), { data: { email: 'new@lab.example', password: 'short' } })),
    expect: [quiet('/signup', 400, 'validation naming the password field', 'POST')],
  },
  {
    id: 'lookalike-record-not-found',
    what: 'a signed-in get of a message that does not exist: 404 NotFound "No record found for id \'99\'" (quiet)',
    via: 'api',
    run: async (t) => {
      const token = await feathersLogin(t);
      await t.api.get(t.url(FE, '/messages/99'), { headers: bearer(token) });
    },
    expect: [quiet('/messages/99', 404, 'not found')],
  },
  {
    id: 'lookalike-method-not-allowed',
    what: 'DELETE on a service that throws MethodNotAllowed: 405 (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(FE, '/signup/1'))),
    expect: [quiet('/signup/1', 405, 'method not allowed', 'DELETE')],
  },
  {
    id: 'lookalike-page-not-found',
    what: 'an unknown path: notFound() 404 "Page not found" (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(FE, '/no/such/page'))),
    expect: [quiet('/no/such/page', 404, 'not found')],
  },
];

export const TRPC_SCENARIOS: Scenario[] = [
  {
    id: 'unauthorized-none',
    what: 'protectedProcedure, nothing sent: 401 TRPCError UNAUTHORIZED "Please sign in"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TR, '/me'))),
    expect: [refusal('/me', 401, 'auth.missing', 'no Authorization sent')],
  },
  {
    id: 'unauthorized-unknown-token',
    what: 'protectedProcedure with a token the context does not know: 401 UNAUTHORIZED "Invalid session token"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TR, '/me'), { headers: bearer('lab-trpc-stale') })),
    expect: [refusal('/me', 401, 'auth.invalid', 'a token sent and refused')],
  },
  {
    id: 'forbidden-role',
    what: 'an admin-only mutation called by a member: 403 TRPCError FORBIDDEN "Admins only"',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(TR, '/users.delete'), {
        headers: { ...json, ...bearer('lab-trpc-member') },
        data: { id: 2 },
      })),
    expect: [refusal('/users.delete', 403, 'permission.denied', 'a role the member lacks', [], 'POST')],
  },
  {
    id: 'too-many-requests',
    what: 'TOO_MANY_REQUESTS on the third export: 429 (the second quiet)',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(TR, `/export?n=${i}`), { headers: bearer('lab-trpc-member') });
    },
    expect: [
      quiet('/export?n=1', 200, 'the second export answers'),
      refusal('/export?n=2', 429, 'rate_limit.exceeded', '"Export limit reached, try again later"'),
    ],
  },
  {
    id: 'unauthorized-batch',
    what: "a batch from tRPC's client (?batch=1) of a protected and a public query, nothing sent: 207 Multi-Status, UNAUTHORIZED in its first item",
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TR, '/me,health?batch=1&input=%7B%7D'))),
    expect: [
      refusal(
        '/me,health',
        207,
        'auth.missing',
        'the protected call in the batch is refused (httpStatus 401); nothing sent',
      ),
    ],
  },
  {
    id: 'unauthorized-batch-single',
    what: 'a batch of one protected query (?batch=1), nothing sent: 401, an array with one UNAUTHORIZED',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TR, '/me?batch=1&input=%7B%7D'))),
    expect: [refusal('/me?batch', 401, 'auth.missing', 'the only call in the batch is refused; nothing sent')],
  },
  {
    id: 'cors-allowed',
    what: 'cors({ origin: [the lab page] }): a signed-in JSON mutation from the lab page, preflight and call pass (quiet, DevTools)',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(TR, '/signIn'), {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'member@lab.example', password: 'member-password' }),
      })),
    expect: [
      quiet('/signIn', 204, 'a successful preflight', 'OPTIONS'),
      quiet('/signIn', 200, 'the call it allowed', 'POST'),
    ],
  },
  {
    id: 'lookalike-bad-request-password',
    what: 'input parser refusing a short password: 400 BAD_REQUEST "password: must contain at least 8 characters" (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(TR, '/signIn'), { headers: json, data: { email: 'a@lab.example', password: 'x' } })),
    expect: [quiet('/signIn', 400, 'input validation naming the password', 'POST')],
  },
  {
    id: 'lookalike-no-procedure',
    what: 'an unknown procedure: 404 NOT_FOUND "No procedure found on path" (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TR, '/admin.secrets'))),
    expect: [quiet('/admin.secrets', 404, 'not found')],
  },
  {
    id: 'lookalike-internal-error',
    what: 'a signed-in query whose resolver throws: 500 INTERNAL_SERVER_ERROR (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TR, '/report'), { headers: bearer('lab-trpc-member') })),
    expect: [quiet('/report', 500, 'a server fault')],
  },
];

export const MOLECULER_SCENARIOS: Scenario[] = [
  {
    id: 'no-token',
    what: 'authorize() on an action marked auth: "required", nothing sent: 401 UnAuthorizedError type NO_TOKEN',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(MO, '/api/orders'))),
    expect: [refusal('/api/orders', 401, 'auth.missing', '"type":"NO_TOKEN"')],
  },
  {
    id: 'invalid-token',
    what: 'authenticate() with a token it does not know: 401 UnAuthorizedError type INVALID_TOKEN',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(MO, '/api/orders'), { headers: bearer('lab-mol-stale') })),
    expect: [refusal('/api/orders', 401, 'auth.invalid', '"type":"INVALID_TOKEN"')],
  },
  {
    id: 'forbidden-no-rights',
    what: 'authorize() refusing a member an admin action: 403 ForbiddenError type NO_RIGHTS',
    via: 'api',
    run: async (t) => void (await t.api.delete(t.url(MO, '/api/orders/7'), { headers: bearer('lab-mol-member') })),
    expect: [refusal('/api/orders/7', 403, 'permission.denied', '"type":"NO_RIGHTS" to a known user', [], 'DELETE')],
  },
  {
    id: 'rate-limit',
    what: 'route rateLimit { limit: 2, headers: true }: the third search 429 "Rate limit exceeded" (the second quiet, X-Rate-Limit-Remaining 0)',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++) await t.api.get(t.url(MO, `/search?q=${i}`));
    },
    expect: [
      quiet('/search?q=1', 200, 'answered, nothing left'),
      refusal('/search?q=2', 429, 'rate_limit.exceeded', 'RateLimitExceeded'),
    ],
  },
  {
    id: 'cors-origin-not-allowed',
    what: 'route cors { origin: [https://app.example.com] }; a simple GET from the lab page: 403 ORIGIN_NOT_ALLOWED, no ACAO (DevTools)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(MO, '/partner/catalog'))),
    expect: [
      refusal(
        '/partner/',
        undefined,
        'cors.missing_allow_origin',
        'the gateway refuses the origin without any CORS header',
        ['permission.denied'],
        'GET',
      ),
    ],
  },
  {
    id: 'cors-preflight-not-allowed',
    what: 'the same route, a GET with X-Api-Key from the lab page: the preflight answered 403 ORIGIN_NOT_ALLOWED (DevTools)',
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(MO, '/partner/catalog'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      refusal(
        '/partner/',
        403,
        'cors.missing_allow_origin',
        'a 403 preflight without ACAO',
        ['cors.preflight_invalid_status'],
        'OPTIONS',
      ),
      refusal(
        '/partner/',
        undefined,
        'cors.missing_allow_origin',
        'the GET behind it, blocked',
        ['cors.preflight_invalid_status'],
        'GET',
      ),
    ],
  },
  {
    id: 'cors-allowed',
    what: "route cors for the lab page's origin: the preflight and the GET pass (quiet, DevTools)",
    via: 'devtools',
    run: async (t) =>
      void (await t.fetchInPage(t.url(MO, '/widgets/catalog'), { headers: { 'x-api-key': 'lab-key-123' } })),
    expect: [
      quiet('/widgets/', 204, 'a successful preflight', 'OPTIONS'),
      quiet('/widgets/', 200, 'the call it allowed', 'GET'),
    ],
  },
  {
    id: 'lookalike-validation',
    what: 'fastest-validator refusing the params: 422 ValidationError "Parameters validation error!" (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(MO, '/api/orders'), { headers: json, data: { item: 'a', quantity: -1 } })),
    expect: [quiet('/api/orders', 422, 'parameter validation', 'POST')],
  },
  {
    id: 'lookalike-not-whitelisted',
    what: 'an alias to an action outside the whitelist: 404 ServiceNotFoundError (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(MO, '/api/internal'))),
    expect: [quiet('/api/internal', 404, 'service not found')],
  },
  {
    id: 'lookalike-route-not-found',
    what: 'an unknown route: 404 NotFoundError (quiet)',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(MO, '/nope'))),
    expect: [quiet('/nope', 404, 'not found')],
  },
];

export const CORS_ANYWHERE_SCENARIOS: Scenario[] = [
  {
    id: 'origin-blacklisted',
    what: 'originBlacklist names the lab page; its fetch through the proxy: 403 "The origin … was blacklisted by the operator of this proxy." (browser)',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(CA, `/http://127.0.0.1:${t.ports.app}/data`));
    },
    expect: [
      refusal('/data', 403, 'permission.denied', "the proxy's operator refuses this site's origin", ['waf.blocked']),
    ],
  },
  {
    id: 'origin-blacklisted-devtools',
    what: 'the same blacklisted origin, recorded by DevTools (which keeps the body the page did not read)',
    via: 'devtools',
    run: async (t) => void (await t.fetchInPage(t.url(CA, `/http://127.0.0.1:${t.ports.app}/data`))),
    expect: [
      refusal('/data', 403, 'permission.denied', "the proxy's operator refuses this site's origin", ['waf.blocked']),
    ],
  },
  {
    id: 'rate-limited',
    what: 'the demo rate limit (2 per minute per origin): the third call 429 "The origin … has sent too many requests."',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 3; i++)
        await t.api.get(t.url(CA, `/http://127.0.0.1:${t.ports.app}/data?n=${i}`), {
          headers: { origin: 'https://busy.example' },
        });
    },
    expect: [
      quiet('/data?n=1', 200, 'proxied'),
      refusal('/data?n=2', 429, 'rate_limit.exceeded', 'too many requests from this origin'),
    ],
  },
  {
    id: 'lookalike-dead-upstream',
    what: 'the target refuses the connection: 404 "Not found because of proxy error: Error: connect ECONNREFUSED" (quiet)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(CA, '/http://127.0.0.1:18999/api'), {
        headers: { origin: 'https://app.example.com' },
      })),
    expect: [quiet('18999/api', 404, 'the upstream is down')],
  },
];
