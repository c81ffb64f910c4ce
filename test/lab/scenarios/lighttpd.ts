// lighttpd 1.4 from Debian (the third set, issue 17): mod_auth Basic and Digest, a `require user=` the signed-in
// user does not meet, mod_access's url.access-deny for backup files and a remote-IP condition. Config:
// conf/lighttpd/lighttpd.conf, users in conf/lighttpd/htpasswd and conf/htdigest.
import type { Scenario } from '../types';
import { basic, digest, quiet, refusal } from './helpers';

const L = 'lighttpd';

export const LIGHTTPD_SCENARIOS: Scenario[] = [
  {
    id: 'basic-none',
    what: 'mod_auth Basic, a page navigation without credentials',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(L, '/private/report.txt'))),
    expect: [refusal('/private/', 401, 'auth.missing', 'Basic challenge, nothing sent')],
  },
  {
    id: 'basic-wrong',
    what: 'mod_auth Basic, a wrong password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(L, '/private/report.txt'), { headers: { authorization: basic('lab', 'wrong') } })),
    expect: [refusal('/private/', 401, 'auth.invalid', 'Basic credentials sent and challenged again')],
  },
  {
    id: 'basic-ok',
    what: 'mod_auth Basic, the right password',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(L, '/private/report.txt'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [quiet('/private/', 200, 'served')],
  },
  {
    id: 'require-user',
    what: '"require" => "user=admin": the right password of another user',
    via: 'api',
    run: async (t) =>
      void (await t.api.get(t.url(L, '/staff/roster.txt'), { headers: { authorization: basic('lab', 'labpass') } })),
    expect: [
      refusal(
        '/staff/',
        401,
        'auth.invalid',
        'lighttpd answers a user the requirement excludes as it answers a wrong password (401 and the challenge; its log says "password doesn\'t match"): the capture cannot tell them apart',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'digest-none',
    what: 'mod_auth Digest, nothing sent',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(L, '/vault/'))),
    expect: [refusal('/vault/', 401, 'auth.missing', 'Digest challenge, nothing sent')],
  },
  {
    id: 'digest-wrong',
    what: 'mod_auth Digest, a script computes the response from a wrong password',
    via: 'api',
    run: async (t) => {
      const challenge = (await t.api.get(t.url(L, '/vault/'))).headers()['www-authenticate'] ?? '';
      await t.api.get(t.url(L, '/vault/'), {
        headers: { authorization: digest(challenge, 'GET', '/vault/', 'lab', 'nope') },
      });
    },
    expect: [refusal('/vault/', 401, 'auth.invalid', 'a Digest response sent and challenged again')],
  },
  {
    id: 'access-deny-backup',
    what: 'url.access-deny = ("~", ".inc", ".bak"): a backup file',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(L, '/index.html.bak'))),
    expect: [
      refusal(
        '/index.html.bak',
        403,
        'filesystem.forbidden',
        "lighttpd's bare 403 page for a file type it never serves",
      ),
    ],
  },
  {
    id: 'remote-ip-deny',
    what: '$HTTP["remoteip"] != "10.0.0.0/8" { url.access-deny = ("") } on /intranet/',
    via: 'browser',
    run: async (t) => void (await t.open(t.url(L, '/intranet/'))),
    expect: [
      refusal(
        '/intranet/',
        403,
        'filesystem.forbidden',
        "lighttpd's bare 403 page; the config denies the IP, which the capture cannot show",
        ['ip.blocked', 'permission.denied'],
      ),
    ],
  },
  {
    id: 'lookalike-404',
    what: 'a missing page',
    via: 'api',
    run: async (t) => void (await t.api.get(t.url(L, '/missing.html'))),
    expect: [quiet('/missing.html', 404, 'not found')],
  },
];
