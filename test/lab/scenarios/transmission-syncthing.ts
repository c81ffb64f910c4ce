// The seventh Debian set (issue 17): Transmission 3.00's RPC server (conf/transmission*/settings.json: Basic auth,
// the session-id CSRF handshake, the anti-brute-force lock, rpc-host-whitelist and rpc-whitelist) and Syncthing
// 1.19's GUI/REST API (conf/syncthing/config.xml: a GUI user, an API key, its CSRF cookie/header pair and its
// Host check). The labels were written before the engine was scored on the recordings.
import type { Scenario } from '../types';
import { appPage, basic, quiet, refusal } from './helpers';

const T = 'transmission';
const TO = 'transmission-open';
const TA = 'transmission-acl';
const S = 'syncthing';

const RPC = '/transmission/rpc';
const sessionGet = { method: 'session-get' };
const lab = { authorization: basic('lab', 'labpass') };

/** A form POSTed from the lab's page to another origin (a cross-site form, as CSRF would send it). */
const submitForm = (action: string, fields: Record<string, string>): string =>
  `(() => { const f = document.createElement('form'); f.method = 'post'; f.action = ${JSON.stringify(action)};
    for (const [k, v] of Object.entries(${JSON.stringify(fields)})) { const i = document.createElement('input'); i.name = k; i.value = v; f.append(i); }
    document.body.append(f); f.submit(); })()`;

export const TRANSMISSION_SCENARIOS: Scenario[] = [
  {
    id: 'rpc-none',
    what: 'rpc-authentication-required, nothing sent: 401 "Unauthorized User" with Basic realm="Transmission"',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(T, RPC), { data: sessionGet })),
    expect: [refusal(RPC, 401, 'auth.missing', 'Basic challenge, no Authorization sent', [], 'POST')],
  },
  {
    id: 'rpc-wrong-password',
    what: 'a wrong rpc-password: 401 "Unauthorized User. N unsuccessful login attempts."',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(T, RPC), { headers: { authorization: basic('lab', 'wrong') }, data: sessionGet })),
    expect: [refusal(RPC, 401, 'auth.invalid', 'Basic credentials sent, challenged again', [], 'POST')],
  },
  {
    id: 'rpc-bearer',
    what: 'a Bearer token to the RPC server, which reads Basic only: the same 401 with its Basic challenge',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(T, RPC), {
        headers: { authorization: 'Bearer lab-transmission-token' },
        data: sessionGet,
      })),
    expect: [
      refusal(RPC, 401, 'auth.malformed', 'a Bearer credential to a server that challenges for Basic', [
        'auth.invalid',
      ]),
    ],
  },
  {
    id: 'lookalike-session-handshake',
    what: 'the right password without X-Transmission-Session-Id: 409 with the id, the same call sent again with it: 200',
    via: 'api',
    run: async (t) => {
      const first = await t.api.post(t.url(T, RPC), { headers: lab, data: sessionGet });
      const id = first.headers()['x-transmission-session-id'] ?? '';
      await t.api.post(t.url(T, RPC), { headers: { ...lab, 'x-transmission-session-id': id }, data: sessionGet });
    },
    expect: [
      quiet(RPC, 409, 'the CSRF handshake leg: the client answers at once with the id it was given', 'POST'),
      quiet(RPC, 200, 'the call with its session id, served', 'POST'),
    ],
  },
  {
    id: 'session-id-stale',
    what: 'the right password with a session id from an earlier daemon (a stale client): 409 "invalid session-id header", not resent',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(T, RPC), {
        headers: { ...lab, 'x-transmission-session-id': 'kMaHqWgZ0N3jPpRzLx8v2cYbT5eFsD1oUiQ7wE9rA4nB6lHm' },
        data: sessionGet,
      })),
    expect: [
      refusal(
        RPC,
        409,
        'csrf.invalid',
        'the anti-CSRF session id sent is not the current one, and the client did not retry with the one given',
        [],
        'POST',
      ),
    ],
  },
  {
    id: 'web-ui-none',
    what: 'the web interface opened in the browser without credentials: 401 Basic challenge',
    via: 'browser',
    run: async (t) => t.open(t.url(T, '/transmission/web/')),
    expect: [refusal('/transmission/web/', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'brute-force-lock',
    what: 'wrong passwords until the daemon locks (100 failures), then the right password: 403 "Too many unsuccessful login attempts. Please restart transmission-daemon."',
    via: 'api',
    run: async (t) => {
      for (let i = 0; i < 120; i++) {
        const r = await t.api.post(t.url(T, RPC), { headers: { authorization: basic('lab', `guess${i}`) } });
        if (r.status() === 403) break;
      }
      await t.api.post(t.url(T, RPC), { headers: lab, data: sessionGet });
    },
    expect: [
      refusal(
        RPC,
        403,
        'rate_limit.exceeded',
        'the anti-brute-force lock: after 100 failed logins every call is refused, the right password too',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
];

export const TRANSMISSION_OPEN_SCENARIOS: Scenario[] = [
  {
    id: 'host-unrecognized',
    what: 'no password and rpc-host-whitelist "transmission.lab.example": a call with Host nas.example:9091 gets 421 "the hostname was unrecognized" (DNS-rebinding protection)',
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(TO, RPC), { headers: { host: 'nas.example:9091' }, data: sessionGet })),
    expect: [
      refusal(
        RPC,
        421,
        'waf.blocked',
        'a Host header outside rpc-host-whitelist: the server refuses the name, not the caller',
        ['permission.denied'],
        'POST',
      ),
    ],
  },
  {
    id: 'lookalike-host-whitelisted',
    what: 'Host transmission.lab.example (whitelisted): the session handshake (409, then 200)',
    via: 'api',
    run: async (t) => {
      const host = { host: 'transmission.lab.example:9091' };
      const first = await t.api.post(t.url(TO, RPC), { headers: host, data: sessionGet });
      const id = first.headers()['x-transmission-session-id'] ?? '';
      await t.api.post(t.url(TO, RPC), { headers: { ...host, 'x-transmission-session-id': id }, data: sessionGet });
    },
    expect: [
      quiet(RPC, 409, 'the CSRF handshake leg, answered at once', 'POST'),
      quiet(RPC, 200, 'the call with its session id, served', 'POST'),
    ],
  },
  {
    id: 'csrf-cross-site-form',
    what: 'the lab page\'s form POSTed to the RPC URL (what the session id guards against): 409 "invalid session-id header"',
    via: 'browser',
    run: async (t) => {
      await t.open(appPage(t.ports.app));
      await Promise.all([
        t.page.waitForURL(/transmission\/rpc/).catch(() => undefined),
        t.page.evaluate(
          submitForm(t.url(TO, RPC), { method: 'torrent-add', filename: 'http://evil.example/x.torrent' }),
        ),
      ]);
    },
    expect: [refusal(RPC, 409, 'csrf.invalid', 'a cross-site form POST without the session id', [], 'POST')],
  },
  {
    id: 'lookalike-web-ui',
    what: 'the web interface, no password set: 200',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TO, '/transmission/web/'))),
    expect: [quiet('/transmission/web/', 200, 'served')],
  },
  {
    id: 'lookalike-404',
    what: 'a file the web interface does not have: 404',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(TO, '/transmission/web/nothing.js'))),
    expect: [quiet('/transmission/web/nothing.js', 404, 'not found')],
  },
];

export const TRANSMISSION_ACL_SCENARIOS: Scenario[] = [
  {
    id: 'ip-not-whitelisted',
    what: 'rpc-whitelist "10.1.2.3,192.168.1.*": the lab (127.0.0.1) with the right password gets 403 "Unauthorized IP Address."',
    via: 'api',
    run: async (t) => void (await t.api.post(t.url(TA, RPC), { headers: lab, data: sessionGet })),
    expect: [
      refusal(RPC, 403, 'ip.blocked', "the caller's address is not on rpc-whitelist", ['permission.denied'], 'POST'),
    ],
  },
  {
    id: 'ip-not-whitelisted-page',
    what: 'the same whitelist, the web interface opened in the browser: the 403 page',
    via: 'browser',
    run: async (t) => t.open(t.url(TA, '/transmission/web/')),
    expect: [refusal('/transmission/web/', 403, 'ip.blocked', "the caller's address is not on rpc-whitelist")],
  },
];

const KEY = 'lab-syncthing-api-key-0123456789ab';

/** The CSRF cookie Syncthing sets on its GUI page (CSRF-Token-<first 5 of the device ID>) as [suffix, value]. */
const csrfCookie = (setCookie: string): [string, string] => {
  const m = /CSRF-Token-(\w+)=(\w+)/.exec(setCookie);
  return [m?.[1] ?? '', m?.[2] ?? ''];
};

export const SYNCTHING_SCENARIOS: Scenario[] = [
  {
    id: 'rest-none',
    what: 'a GUI user is set: the REST API with nothing sent, 401 "Not Authorized" with Basic realm="Authorization Required"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/rest/system/status'))),
    expect: [
      refusal('/rest/system/status', 401, 'auth.missing', 'Basic challenge, no Authorization or X-API-Key sent', [
        'api_key.missing',
      ]),
    ],
  },
  {
    id: 'basic-wrong',
    what: 'the GUI user with a wrong password: the same 401',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/rest/system/status'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/rest/system/status', 401, 'auth.invalid', 'Basic credentials sent, challenged again')],
  },
  {
    id: 'api-key-wrong',
    what: 'an X-API-Key that is not the configured one: 401 "Not Authorized" (the key is checked first, then Basic)',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/rest/system/status'), { headers: { 'x-api-key': 'lab-old-key-9876543210' } })),
    expect: [
      refusal('/rest/system/status', 401, 'api_key.invalid', 'an X-API-Key sent and not recognised', ['auth.invalid']),
    ],
  },
  {
    id: 'lookalike-api-key',
    what: 'the configured X-API-Key: 200',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/rest/system/status'), { headers: { 'x-api-key': KEY } })),
    expect: [quiet('/rest/system/status', 200, 'the right key, served')],
  },
  {
    id: 'csrf-missing',
    what: 'the GUI user\'s right password on a REST call without the X-CSRF-Token-<id> header: 403 "CSRF Error"',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(S, '/rest/system/status'), { headers: lab })),
    expect: [refusal('/rest/system/status', 403, 'csrf.invalid', 'signed in, but the REST call lacks the CSRF header')],
  },
  {
    id: 'csrf-wrong',
    what: 'the GUI page (sets CSRF-Token-<id> and the session cookie), then a REST call whose X-CSRF-Token-<id> is another value: 403 "CSRF Error"',
    via: 'api',
    run: async (t) => {
      const page = await t.api.get(t.url(S, '/'), { headers: lab });
      const [id] = csrfCookie(page.headers()['set-cookie'] ?? '');
      await t.api.get(t.url(S, '/rest/system/status'), {
        headers: { [`x-csrf-token-${id}`]: 'W5oXmPq2sLk8dF3hJ7gT1rZcV9bN4yUe' },
      });
    },
    expect: [
      quiet('127.0.0.1:20054/', 200, 'the GUI page for its user'),
      refusal('/rest/system/status', 403, 'csrf.invalid', "the CSRF header's value is not the cookie's token"),
    ],
  },
  {
    id: 'lookalike-csrf-right',
    what: "the GUI page, then the REST call with the session cookie and the cookie's token in X-CSRF-Token-<id>: 200",
    via: 'api',
    run: async (t) => {
      const page = await t.api.get(t.url(S, '/'), { headers: lab });
      const [id, token] = csrfCookie(page.headers()['set-cookie'] ?? '');
      await t.api.get(t.url(S, '/rest/system/status'), { headers: { [`x-csrf-token-${id}`]: token } });
    },
    expect: [quiet('/rest/system/status', 200, 'the session and its CSRF token, served')],
  },
  {
    id: 'host-check',
    what: 'the GUI on 127.0.0.1 with the default host check: a call with Host syncthing.lab.example:8384 and the right key gets 403 "Host check error"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/rest/system/ping'), {
        headers: { host: 'syncthing.lab.example:8384', 'x-api-key': KEY },
      })),
    expect: [
      refusal(
        '/rest/system/ping',
        403,
        'waf.blocked',
        'a Host header that is not the GUI address (DNS-rebinding protection); the key is right',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'gui-none-page',
    what: 'the GUI opened in the browser without credentials: 401 Basic challenge',
    via: 'browser',
    run: async (t) => t.open(t.url(S, '/')),
    expect: [refusal('127.0.0.1:20054/', 401, 'auth.missing', 'Basic challenge, no Authorization sent')],
  },
  {
    id: 'lookalike-no-such-folder',
    what: 'the right key, a folder that does not exist: 404 "no such folder"',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(S, '/rest/db/status?folder=nope'), { headers: { 'x-api-key': KEY } })),
    expect: [quiet('/rest/db/status', 404, 'not found')],
  },
  {
    id: 'lookalike-bad-json',
    what: "the right key, a folder list that is not JSON: 400 with the JSON parser's message",
    via: 'api',
    run: async (t) =>
      void (await t.api.post(t.url(S, '/rest/config/folders'), {
        headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        data: 'notjson',
      })),
    expect: [quiet('/rest/config/folders', 400, 'a malformed body, not a refusal of the caller', 'POST')],
  },
];
