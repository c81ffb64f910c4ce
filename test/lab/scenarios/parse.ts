// Parse Server 9 on PostgreSQL: its REST API answers most Parse.Error codes with HTTP 400 and a body
// {"code":N,"error":"…"}, refusals included (an invalid session token, a class-level permission, the master key).
// The look-alikes are its ordinary 400 validation answers, several of them about passwords and fields.
import type { Scenario } from '../types';
import { quiet, refusal } from './helpers';

const APP = { 'x-parse-application-id': 'lab-app' };
/** Logs the lab user in and returns its session token (r:…), as the Parse SDKs do. */
async function login(t: Parameters<Scenario['run']>[0], P: string): Promise<string> {
  const r = await t.api.post(t.url(P, '/parse/login'), {
    headers: APP,
    data: { username: 'lab', password: 'labpass123' },
  });
  return ((await r.json()) as { sessionToken: string }).sessionToken;
}

const parseScenarios = (P: string): Scenario[] => [
  {
    id: 'session-token-invalid',
    what: 'GET /users/me with a session token the server never issued',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(P, '/parse/users/me'), {
        headers: { ...APP, 'x-parse-session-token': 'r:0b9f3c6e2d1a4f5e8c7b6a5d4e3f2a1b' },
      })),
    expect: [
      refusal('/parse/users/me', 400, 'auth.invalid', 'Parse 400 {"code":209,"error":"Invalid session token"}', [
        'auth.token_expired',
      ]),
    ],
  },
  {
    id: 'session-token-logged-out',
    what: 'log in, log out, then query with the old session token',
    via: 'api',
    run: async (t) => {
      const token = await login(t, P);
      const headers = { ...APP, 'x-parse-session-token': token };
      await t.api.post(t.url(P, '/parse/logout'), { headers });
      await t.api.get(t.url(P, '/parse/classes/Note'), { headers });
    },
    expect: [
      quiet('/parse/login', 200, 'login succeeded', 'POST'),
      refusal(
        '/parse/classes/Note',
        400,
        'auth.invalid',
        'the session ended at logout; Parse answers 400 code 209 "Invalid session token"',
        ['auth.token_expired'],
      ),
    ],
  },
  {
    id: 'clp-denied',
    what: 'a logged-in ordinary user reads a class whose CLP allows only role:admin',
    via: 'api',
    run: async (t) => {
      const token = await login(t, P);
      await t.api.get(t.url(P, '/parse/classes/Payroll'), { headers: { ...APP, 'x-parse-session-token': token } });
    },
    expect: [
      refusal(
        '/parse/classes/Payroll',
        400,
        'permission.denied',
        'Parse 400 {"code":119,"error":"Permission denied"} (OPERATION_FORBIDDEN) with a valid session',
      ),
    ],
  },
  {
    id: 'clp-anonymous',
    what: 'the same class read with no session token at all',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(P, '/parse/classes/Payroll'), { headers: APP })),
    expect: [
      refusal(
        '/parse/classes/Payroll',
        400,
        'auth.missing',
        'code 119 "Permission denied" to a caller who sent no session: signing in is the first step',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'master-key-required',
    what: 'POST /loginAs (master-key only) with the app id and a user session, no master key',
    via: 'api',
    run: async (t) => {
      const token = await login(t, P);
      await t.api.post(t.url(P, '/parse/loginAs'), {
        headers: { ...APP, 'x-parse-session-token': token },
        data: { userId: 'someone' },
      });
    },
    expect: [
      refusal(
        '/parse/loginAs',
        400,
        'permission.denied',
        'code 119 "Permission denied": loginAs needs the master key (the server logs "master key is required")',
        ['api_key.missing', 'auth.missing'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-username-taken',
    what: 'sign-up with a username that exists',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(P, '/parse/users'), {
        headers: APP,
        data: { username: 'lab', password: 'another-pass-1' },
      })),
    expect: [quiet('/parse/users', 400, 'code 202 "Account already exists for this username."', 'POST')],
  },
  {
    id: 'lookalike-password-policy',
    what: "sign-up whose password fails the server's password policy",
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(P, '/parse/users'), {
        headers: APP,
        data: { username: 'newcomer', password: 'password' },
      })),
    expect: [quiet('/parse/users', 400, 'code 142 "Password must contain at least 1 digit."', 'POST')],
  },
  {
    id: 'lookalike-password-missing',
    what: 'sign-up without a password field',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(P, '/parse/users'), { headers: APP, data: { username: 'newcomer2' } })),
    expect: [quiet('/parse/users', 400, 'code 201 "password is required." on a sign-up', 'POST')],
  },
  {
    id: 'lookalike-schema-mismatch',
    what: 'a logged-in user saves a Note with a string where the schema has a number',
    via: 'api',
    run: async (t) => {
      const token = await login(t, P);
      await t.api.post(t.url(P, '/parse/classes/Note'), {
        headers: { ...APP, 'x-parse-session-token': token },
        data: { count: 'three', text: 'a' },
      });
    },
    expect: [
      quiet('/parse/classes/Note', 400, 'code 111 "schema mismatch…": a typed field, the session was accepted', 'POST'),
    ],
  },
  {
    id: 'lookalike-invalid-field-name',
    what: 'a save whose field name is not allowed',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(P, '/parse/classes/Note'), {
        headers: APP,
        data: { 'bad field!': 1 },
      })),
    expect: [quiet('/parse/classes/Note', 400, 'code 105 invalid field name', 'POST')],
  },
];

export const PARSE_SCENARIOS = parseScenarios('parse');

/** What the same refusals say with enableSanitizedErrorResponse: false (Parse's detailed messages). */
const DETAILED: Record<string, string> = {
  'clp-denied': '400 {"code":119,"error":"Permission denied for action find on class Payroll."} with a valid session',
  'clp-anonymous': 'the same detailed code 119 message to a caller who sent no session',
  'master-key-required': '400 {"code":119,"error":"master key is required"} on /loginAs',
};

/** The CLP and master-key refusals again on parse-verbose, in Parse's detailed wording. */
export const PARSE_VERBOSE_SCENARIOS: Scenario[] = parseScenarios('parse-verbose')
  .filter((s) => s.id in DETAILED)
  .map((s) => ({
    ...s,
    expect: s.expect.map((e) =>
      e.label.kind === 'refusal' ? { ...e, label: { ...e.label, why: DETAILED[s.id]! } } : e,
    ),
  }));
