// The seventh Debian set (issue 17): Prometheus 2.42 (conf/prometheus/: Basic auth from its web configuration file,
// the lifecycle API left off; a second instance with only --web.cors.origin) and InfluxDB 1.6 (conf/influxdb/:
// auth-enabled, users and grants made over its own API, JWTs signed with its shared-secret). The labels were written
// before the engine was scored on the recordings.
import type { Scenario } from '../types';
import { appPage, basic, hs256, quiet, refusal } from './helpers';

const P = 'prometheus';
const PC = 'prometheus-cors';
const I = 'influxdb';

const QUERY = '/api/v1/query?query=up';
const lab = { authorization: basic('lab', 'labpass') };

export const PROMETHEUS_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'web.yml basic_auth_users, nothing sent: 401 "Unauthorized" with a bare Basic challenge',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, QUERY))),
    expect: [refusal('/api/v1/query', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'basic-wrong',
    what: 'a known user with a wrong password: the same 401',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, QUERY), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/api/v1/query', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'unknown-user',
    what: 'a user that is not in basic_auth_users: the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(P, QUERY), { headers: { authorization: basic('grafana', 'labpass') } })),
    expect: [refusal('/api/v1/query', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'bearer',
    what: 'a Bearer token to a web config that has basic_auth_users only: 401 with the Basic challenge',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(P, QUERY), { headers: { authorization: 'Bearer lab-prometheus-token' } })),
    expect: [
      refusal('/api/v1/query', 401, 'auth.malformed', 'a Bearer credential to a server that challenges for Basic', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'lookalike-basic-right',
    what: 'the right password: 200 with the query result',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, QUERY), { headers: lab })),
    expect: [quiet('/api/v1/query', 200, 'signed in, served')],
  },
  {
    id: 'lifecycle-disabled',
    what: 'POST /-/reload without --web.enable-lifecycle, signed in: 403 "Lifecycle API is not enabled."',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(P, '/-/reload'), { headers: lab })),
    expect: [
      refusal(
        '/-/reload',
        403,
        'service.disabled',
        'the endpoint is switched off by a start-up flag; the caller is signed in',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'graph-none-page',
    what: 'the expression browser opened in the browser without credentials: 401 Basic challenge',
    via: 'browser',
    run: async (t) => t.open(t.url(P, '/graph')),
    expect: [refusal('/graph', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'lookalike-bad-query',
    what: 'signed in, a PromQL syntax error: 400 {"errorType":"bad_data"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/api/v1/query?query=up%5B'), { headers: lab })),
    expect: [quiet('/api/v1/query', 400, 'a malformed query, not a refusal of the caller')],
  },
  {
    id: 'lookalike-reload-get',
    what: 'signed in, GET /-/reload: 405 "Only POST or PUT requests allowed"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/-/reload'), { headers: lab })),
    expect: [quiet('/-/reload', 405, 'the wrong method, not a refusal of the caller')],
  },
  {
    id: 'lookalike-404',
    what: 'signed in, an unknown API path: 404 "404 page not found"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/api/v1/nothing'), { headers: lab })),
    expect: [quiet('/api/v1/nothing', 404, 'not found')],
  },
];

export const PROMETHEUS_CORS_SCENARIOS: Scenario[] = [
  {
    id: 'cors-origin-refused',
    what: "--web.cors.origin='https://grafana\\.lab\\.example': the lab page's fetch of a query gets 200 without Access-Control-Allow-Origin",
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await t.fetchInPage(t.url(PC, QUERY));
    },
    expect: [
      refusal(
        '/api/v1/query',
        undefined,
        'cors.missing_allow_origin',
        'the origin does not match the CORS regexp, so no Access-Control-Allow-Origin; the browser blocks the answer',
        ['cors.allow_origin_mismatch'],
      ),
    ],
  },
  {
    id: 'lookalike-api',
    what: 'the same query from the API client (no Origin): 200',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(PC, QUERY))),
    expect: [quiet('/api/v1/query', 200, 'served; no browser, no CORS')],
  },
];

/** InfluxDB's shared-secret (conf/influxdb/influxdb.conf): its bearer tokens are HS256 JWTs with `username` and `exp`. */
const SECRET = 'lab-influx-shared-secret';
const now = () => Math.floor(Date.now() / 1000);
const admin = { authorization: basic('admin', 'adminpass') };
const q = (query: string, db?: string) =>
  `/query?${new URLSearchParams({ ...(db ? { db } : {}), q: query }).toString()}`;

export const INFLUXDB_SCENARIOS: Scenario[] = [
  {
    id: 'no-admin-yet',
    what: 'auth-enabled and no user created yet: any query without credentials gets 403 "error authorizing query: create admin user first or disable authentication"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, q('SHOW DATABASES')))),
    expect: [
      refusal(
        '/query',
        403,
        'auth.missing',
        'no credential sent to a server that wants one (none can be accepted until an admin user exists)',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'lookalike-setup',
    what: 'the first admin user created without credentials (allowed while there is none), then a database, a user and a READ grant: 200s',
    via: 'api',
    run: async (t) => {
      await t.api.post(t.url(I, q("CREATE USER admin WITH PASSWORD 'adminpass' WITH ALL PRIVILEGES")));
      for (const stmt of [
        'CREATE DATABASE metrics',
        "CREATE USER lab WITH PASSWORD 'labpass'",
        'GRANT READ ON metrics TO lab',
      ])
        await t.api.post(t.url(I, q(stmt)), { headers: admin });
    },
    expect: [quiet('CREATE+USER+admin', 200, 'the first admin user, created')],
  },
  {
    id: 'query-none',
    what: 'a query without credentials: 401 {"error":"unable to parse authentication credentials"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, q('SHOW DATABASES')))),
    expect: [refusal('/query', 401, 'auth.missing', 'Basic challenge, nothing sent')],
  },
  {
    id: 'query-wrong-password',
    what: 'Basic credentials with a wrong password: 401 {"error":"authorization failed"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(I, q('SHOW DATABASES')), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/query', 401, 'auth.invalid', 'credentials sent and refused')],
  },
  {
    id: 'query-params-wrong',
    what: 'the documented u= and p= query parameters with a wrong password: 401 {"error":"authorization failed"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, `/query?u=lab&p=wrong&q=SHOW+DATABASES`))),
    expect: [refusal('/query', 401, 'auth.invalid', 'credentials sent in the URL and refused')],
  },
  {
    id: 'lookalike-read',
    what: 'the read-only user queries its database: 200',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, q('SELECT * FROM cpu', 'metrics')), { headers: lab })),
    expect: [quiet('/query', 200, 'signed in, served')],
  },
  {
    id: 'create-db-not-admin',
    what: 'a non-admin user runs CREATE DATABASE: 403 "… not authorized to execute statement …, requires admin privilege"',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(I, q('CREATE DATABASE other')), { headers: lab })),
    expect: [refusal('/query', 403, 'permission.denied', 'signed in, without the admin privilege', [], 'POST')],
  },
  {
    id: 'write-read-only',
    what: 'the user with READ on metrics writes a point: 403 {"error":"\\"lab\\" user is not authorized to write to database \\"metrics\\""}',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(I, '/write?db=metrics'), { headers: lab, data: 'cpu,host=lab value=1' })),
    expect: [refusal('/write', 403, 'permission.denied', 'signed in, without the WRITE grant', [], 'POST')],
  },
  {
    id: 'read-other-db',
    what: 'the same user queries a database it has no grant on: 403 "… requires READ on nope"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, q('SELECT * FROM cpu', 'nope')), { headers: lab })),
    expect: [refusal('/query', 403, 'permission.denied', 'signed in, without a READ grant on that database')],
  },
  {
    id: 'jwt-expired',
    what: 'a Bearer JWT signed with the shared-secret whose exp has passed: 401 {"error":"Token is expired"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(I, q('SHOW DATABASES')), {
        headers: { authorization: `Bearer ${hs256({ username: 'lab', exp: now() - 3600 }, SECRET)}` },
      })),
    expect: [refusal('/query', 401, 'auth.token_expired', 'the JWT exp is in the past')],
  },
  {
    id: 'jwt-other-secret',
    what: 'a Bearer JWT signed with another secret: 401 {"error":"signature is invalid"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(I, q('SHOW DATABASES')), {
        headers: { authorization: `Bearer ${hs256({ username: 'lab', exp: now() + 3600 }, 'another-secret')}` },
      })),
    expect: [refusal('/query', 401, 'auth.invalid', 'a token the server did not sign')],
  },
  {
    id: 'jwt-unknown-user',
    what: 'a valid Bearer JWT for a username that does not exist: 401 {"error":"user not found"}',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(I, q('SHOW DATABASES')), {
        headers: { authorization: `Bearer ${hs256({ username: 'ghost', exp: now() + 3600 }, SECRET)}` },
      })),
    expect: [refusal('/query', 401, 'auth.invalid', "the token's user is unknown")],
  },
  {
    id: 'lookalike-ping',
    what: '/ping needs no credentials: 204',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, '/ping'))),
    expect: [quiet('/ping', 204, 'served')],
  },
  {
    id: 'lookalike-parse-error',
    what: 'signed in, a query with a typo: 400 {"error":"error parsing query: …"}',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(I, q('SELEC * FROM cpu', 'metrics')), { headers: lab })),
    expect: [quiet('/query', 400, 'a malformed query, not a refusal of the caller')],
  },
  {
    id: 'lookalike-write-no-db',
    what: 'the admin writes to a database that does not exist: 404 {"error":"database not found: \\"nope\\""}',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(I, '/write?db=nope'), { headers: admin, data: 'cpu value=1' })),
    expect: [quiet('/write', 404, 'not found', 'POST')],
  },
  {
    id: 'lookalike-line-protocol',
    what: 'the admin writes a point without fields: 400 {"error":"unable to parse \'cpu\': missing fields"}',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(I, '/write?db=metrics'), { headers: admin, data: 'cpu' })),
    expect: [quiet('/write', 400, 'a malformed body, not a refusal of the caller', 'POST')],
  },
];
