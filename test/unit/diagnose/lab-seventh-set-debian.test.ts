import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { CONFIDENCE } from '../../../lib/core/confidence';
import { LogIndex } from '../../../lib/core/log-index';
import { isEchoedTokenLeg } from '../../../lib/diagnose/handshake';
import { signsInWithQuery } from '../../../lib/inspect/sign-in';
import { makeHar, type EntrySpec } from '../../support/har';
import { lastDiagnosis } from '../../support/last-diagnosis';

// Issue 17, the lab's seventh Debian set (test/lab/servers7.ts; scenarios/transmission-syncthing.ts,
// prometheus-influxdb.ts): classes the engine did not read before it saw Transmission 3.00, Prometheus 2.42,
// Syncthing 1.19 and InfluxDB 1.6, each stated from the behaviour the program documents.

const top = (entries: EntrySpec[]) => {
  const d = lastDiagnosis(entries);
  return d.flagged ? d.causes[0]?.id : undefined;
};
const at = (entries: EntrySpec[], index: number) => {
  const har = makeHar(entries);
  har.log.creator = { name: 'Playwright', version: '1' };
  return diagnose(har, { all: true }).find((d) => d.index === index)!;
};

const basic = `Basic ${Buffer.from('lab:labpass').toString('base64')}`;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const JWT = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ username: 'lab', exp: 4102444800 })}.c2lnbmF0dXJlLW9mLXRoZS1sYWI`;

describe("Transmission's X-Transmission-Session-Id (rpc-spec §2.3.1, CSRF protection)", () => {
  const RPC = 'http://nas.local:9091/transmission/rpc';
  const ID = 'W40om0KxE7VOcF5CQplid0CCr2SCBwxblp0UFdWVz8YOeni2';
  const BODY =
    '<h1>409: Conflict</h1><p>Your request had an invalid session-id header.</p><p>To fix this, follow these steps:' +
    '<ol><li> When reading a response, get its X-Transmission-Session-Id header and remember it<li> Add the updated ' +
    'header to your outgoing requests<li> When you get this 409 error message, resend your request with the updated ' +
    'header</ol></p><p>This requirement has been added to help prevent <a href="https://en.wikipedia.org/wiki/' +
    `Cross-site_request_forgery">CSRF</a> attacks.</p><p><code>X-Transmission-Session-Id: ${ID}</code></p>`;
  const conflict = (sent?: string): EntrySpec => ({
    method: 'POST',
    url: RPC,
    status: 409,
    requestHeaders: { Authorization: basic, ...(sent ? { 'X-Transmission-Session-Id': sent } : {}) },
    requestBody: '{"method":"session-get"}',
    responseHeaders: { Server: 'Transmission', 'X-Transmission-Session-Id': ID, 'Content-Type': 'text/html' },
    body: BODY,
    mimeType: 'text/html',
  });
  const resend = (id: string, status = 200): EntrySpec => ({
    method: 'POST',
    url: RPC,
    status,
    requestHeaders: { Authorization: basic, 'X-Transmission-Session-Id': id },
    requestBody: '{"method":"session-get"}',
    responseHeaders: { 'Content-Type': 'application/json' },
    body: '{"arguments":{},"result":"success"}',
  });

  it('a 409 not answered with the id it handed out (a stale id, a cross-site form) is csrf.invalid', () => {
    expect(top([conflict('kMaHqWgZ0N3jPpRzLx8v2cYbT5eFsD1oUiQ7wE9rA4nB6lHm')])).toBe('csrf.invalid');
    expect(top([conflict()])).toBe('csrf.invalid');
  });

  it('the same 409 resent at once with the id it handed out, and served, is the handshake leg: not flagged', () => {
    expect(at([conflict(), resend(ID)], 0).flagged).toBe(false);
    // resent with another value, or refused again: the 409 stays a refusal
    expect(at([conflict(), resend('someOtherValueOfTheRightLength0000')], 0).causes[0]?.id).toBe('csrf.invalid');
    expect(at([conflict(), resend(ID, 403)], 0).flagged).toBe(true);
  });

  it('reads a leg only from a token handed in an x- header and echoed under the same name', () => {
    const log = (entries: EntrySpec[]) => new LogIndex(makeHar(entries));
    let l = log([conflict(), resend(ID)]);
    expect(isEchoedTokenLeg(l.at(0)!, l)).toBe(true);
    // A short flag is no token: Tomcat's RestCsrfPreventionFilter answers 403 with "X-CSRF-Token: Required".
    const required: EntrySpec = {
      method: 'POST',
      url: RPC,
      status: 403,
      responseHeaders: { 'X-CSRF-Token': 'Required' },
    };
    l = log([required, { ...resend('Required'), requestHeaders: { 'X-CSRF-Token': 'Required' } }]);
    expect(isEchoedTokenLeg(l.at(0)!, l)).toBe(false);
    // Another resource answered is not this call resent.
    l = log([conflict(), { ...resend(ID), url: 'http://nas.local:9091/transmission/web/' }]);
    expect(isEchoedTokenLeg(l.at(0)!, l)).toBe(false);
  });

  describe('the leg, at its edges', () => {
    const log = (entries: EntrySpec[]) => new LogIndex(makeHar(entries));
    const leg = (entries: EntrySpec[]) => {
      const l = log(entries);
      return isEchoedTokenLeg(l.at(0)!, l);
    };
    const other = { url: 'http://nas.local:9091/transmission/web/', status: 200 };

    it('only a 4xx hands a token out', () => {
      for (const status of [400, 409, 499]) expect(leg([{ ...conflict(), status }, resend(ID)])).toBe(true);
      for (const status of [200, 302, 399, 500, 503]) expect(leg([{ ...conflict(), status }, resend(ID)])).toBe(false);
    });

    it('the resend is the next call to the same resource, among the next eight entries, within 30 s', () => {
      expect(leg([conflict(), other, other, resend(ID)])).toBe(true);
      expect(leg([conflict(), ...Array(7).fill(other), resend(ID)])).toBe(true);
      expect(leg([conflict(), ...Array(8).fill(other), resend(ID)])).toBe(false);
      const at = (s: number) => new Date(Date.UTC(2026, 10, 21, 12, 0, s)).toISOString();
      expect(
        leg([
          { ...conflict(), startedDateTime: at(0) },
          { ...resend(ID), startedDateTime: at(30) },
        ]),
      ).toBe(true);
      expect(
        leg([
          { ...conflict(), startedDateTime: at(0) },
          { ...resend(ID), startedDateTime: at(31) },
        ]),
      ).toBe(false);
      // A refusal whose start the capture lost still pairs with the call right after it.
      expect(leg([{ ...conflict(), startedDateTime: 'not a date' }, resend(ID)])).toBe(true);
      // The first call to the same resource decides: refused again, or sent without the value, it is no leg.
      expect(leg([conflict(), resend(ID, 409), resend(ID)])).toBe(false);
      // Served means a 2xx or 3xx: a resend answered 400, or that never got an answer (status 0), completes nothing.
      expect(leg([conflict(), resend(ID, 302)])).toBe(true);
      expect(leg([conflict(), resend(ID, 400)])).toBe(false);
      expect(leg([conflict(), resend(ID, 0)])).toBe(false);
      expect(leg([conflict(), resend('someOtherValueOfTheRightLength0000'), resend(ID)])).toBe(false);
    });

    it('a token is an x- header of at least 16 characters that the refused call did not carry already', () => {
      const handing = (name: string, value: string, sent: Record<string, string> = {}): EntrySpec => ({
        method: 'POST',
        url: RPC,
        status: 409,
        requestHeaders: sent,
        responseHeaders: { [name]: value, 'X-Request-Id': 'r-0123456789abcdef0123' },
      });
      const echo = (name: string, value: string): EntrySpec => ({
        method: 'POST',
        url: RPC,
        status: 200,
        requestHeaders: { [name]: value },
      });
      expect(leg([handing('X-Session', '0123456789abcdef'), echo('X-Session', '0123456789abcdef')])).toBe(true);
      expect(leg([handing('X-Session', '0123456789abcde'), echo('X-Session', '0123456789abcde')])).toBe(false);
      // Another of the handed headers echoed is enough (the correlation id beside it is not sent back).
      expect(leg([handing('X-Session', '0123456789abcdef'), echo('x-session', '0123456789abcdef')])).toBe(true);
      // A standard header the next request happens to send alike (its Content-Type) is no token handed out.
      const json = 'application/json; charset=utf-8';
      expect(leg([handing('Content-Type', json), echo('Content-Type', json)])).toBe(false);
      // A correlation id the client sends on every call and the server echoes is not handed to it.
      const cid = 'c-0123456789abcdef0123';
      expect(leg([handing('X-Correlation-Id', cid, { 'X-Correlation-Id': cid }), echo('X-Correlation-Id', cid)])).toBe(
        false,
      );
    });
  });
});

describe('a DNS-rebinding guard refusing the Host header', () => {
  const refused = (status: number, body: string, mimeType = 'text/plain'): EntrySpec => ({
    url: 'http://127.0.0.1:8384/rest/system/ping',
    status,
    requestHeaders: { Host: 'syncthing.lab.example:8384', 'X-API-Key': 'lab-syncthing-api-key-0123456789ab' },
    responseHeaders: { 'Content-Type': mimeType },
    body,
    mimeType,
  });

  it("Syncthing's 403 \"Host check error\", Transmission's 421, webpack-dev-server's and Vite's 403: waf.blocked", () => {
    expect(top([refused(403, 'Host check error\n')])).toBe('waf.blocked');
    expect(
      top([
        refused(
          421,
          '<h1>421: Misdirected Request</h1><p>Transmission received your request, but the hostname was unrecognized.</p>',
          'text/html',
        ),
      ]),
    ).toBe('waf.blocked');
    expect(top([refused(403, 'Invalid Host header')])).toBe('waf.blocked');
    expect(
      top([
        refused(
          403,
          'Blocked request. This host ("dev.lab.example") is not allowed.\nTo allow this host, add "dev.lab.example" to `server.allowedHosts` in vite.config.js.',
        ),
      ]),
    ).toBe('waf.blocked');
  });

  it('the words at another status, or in a page served 200, are not this refusal', () => {
    expect(top([refused(400, 'Invalid Host header')])).toBeUndefined();
    expect(top([refused(200, 'Troubleshooting: "Host check error" means the GUI address differs.', 'text/html')])).toBe(
      undefined,
    );
  });
});

describe('refusals stated in a daemon page or line', () => {
  const page = (status: number, body: string, headers: Record<string, string> = {}): EntrySpec => ({
    method: 'POST',
    url: 'http://nas.local:9091/transmission/rpc',
    status,
    requestHeaders: { Authorization: basic, ...headers },
    responseHeaders: { Server: 'Transmission', 'Content-Type': 'text/html' },
    body,
    mimeType: 'text/html',
  });

  it('"Unauthorized IP Address." (rpc-whitelist) is ip.blocked', () => {
    expect(
      top([
        page(
          403,
          "<h1>403: Forbidden</h1><p>Unauthorized IP Address.</p><p>Either disable the IP address whitelist or add your address to it.</p><p>If you're editing settings.json, see the 'rpc-whitelist' and 'rpc-whitelist-enabled' entries.</p>",
        ),
      ]),
    ).toBe('ip.blocked');
  });

  it('"Too many unsuccessful login attempts" (the anti-brute-force lock) is rate_limit.exceeded', () => {
    expect(
      top([
        page(
          403,
          '<h1>403: Forbidden</h1><p>Too many unsuccessful login attempts. Please restart transmission-daemon.</p>',
        ),
      ]),
    ).toBe('rate_limit.exceeded');
    expect(top([page(403, 'Too many failed login attempts. Try again in 20 minutes.')])).toBe('rate_limit.exceeded');
  });

  it('Prometheus\' "Lifecycle API is not enabled." to a signed-in caller is service.disabled', () => {
    const reload: EntrySpec = {
      method: 'POST',
      url: 'http://prometheus.local:9090/-/reload',
      status: 403,
      requestHeaders: { Authorization: basic },
      responseHeaders: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Lifecycle API is not enabled.\n',
      mimeType: 'text/plain',
    };
    expect(top([reload])).toBe('service.disabled');
    expect(top([{ ...reload, body: 'Admin APIs are disabled' }])).toBe('service.disabled');
    expect(top([{ ...reload, body: 'Forbidden' }])).not.toBe('service.disabled');
  });
});

describe('InfluxDB 1.x with auth-enabled', () => {
  const QUERY = 'http://influx.local:8086/query';
  const answer = (url: string, status: number, error: string, headers: Record<string, string> = {}): EntrySpec => ({
    url,
    status,
    requestHeaders: headers,
    responseHeaders: {
      'Content-Type': 'application/json',
      'X-Influxdb-Version': '1.6.7~rc0',
      'X-Influxdb-Error': error,
      ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="InfluxDB"' } : {}),
    },
    body: JSON.stringify({ error }),
  });
  const NO_ADMIN = 'error authorizing query: create admin user first or disable authentication';

  it('"create admin user first" to a caller that sent nothing is auth.missing; with credentials it is not', () => {
    // From InfluxDB's own sentence, not from an anonymous 403's weak reading.
    const d = lastDiagnosis([answer(`${QUERY}?q=SHOW+DATABASES`, 403, NO_ADMIN)]);
    expect(d.causes[0]?.id).toBe('auth.missing');
    expect(d.causes[0]!.confidence).toBeGreaterThanOrEqual(CONFIDENCE.likely);
    expect(top([answer(`${QUERY}?q=SHOW+DATABASES`, 403, NO_ADMIN, { Authorization: basic })])).not.toBe(
      'auth.missing',
    );
  });

  it('a Bearer JWT it verified and refused ("signature is invalid", "user not found") is auth.invalid, though the challenge says Basic', () => {
    const bearer = { Authorization: `Bearer ${JWT}` };
    expect(top([answer(`${QUERY}?q=SHOW+DATABASES`, 401, 'signature is invalid', bearer)])).toBe('auth.invalid');
    expect(top([answer(`${QUERY}?q=SHOW+DATABASES`, 401, 'user not found', bearer)])).toBe('auth.invalid');
    // The bare challenge alone says nothing was read: the Bearer token went under a scheme the server does not take.
    expect(
      top([
        {
          url: 'http://prometheus.local:9090/api/v1/query?query=up',
          status: 401,
          requestHeaders: bearer,
          responseHeaders: { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Basic' },
          body: 'Unauthorized\n',
          mimeType: 'text/plain',
        },
      ]),
    ).toBe('auth.malformed');
  });

  it('"signature is invalid" without a JWT stays a signed request refused', () => {
    const signed: EntrySpec = {
      method: 'POST',
      url: 'https://hooks.example.com/deliver',
      status: 401,
      requestHeaders: { 'X-Api-Key': 'k-0123456789abcdef', 'X-Signature': 'sha256=abcdef' },
      responseHeaders: { 'Content-Type': 'application/json' },
      body: '{"error":"signature is invalid"}',
    };
    expect(top([signed])).toBe('signature.mismatch');
  });

  it('u= and p= in the query string are credentials sent: a 401 to them is auth.invalid, not auth.missing', () => {
    expect(top([answer(`${QUERY}?u=lab&p=wrong&q=SHOW+DATABASES`, 401, 'authorization failed')])).toBe('auth.invalid');
    expect(top([answer(`${QUERY}?q=SHOW+DATABASES`, 401, 'unable to parse authentication credentials')])).toBe(
      'auth.missing',
    );
  });

  it('reads only a user-and-password pair, each with a value', () => {
    const x = (url: string) => new LogIndex(makeHar([{ url, status: 401 }])).at(0)!;
    expect(signsInWithQuery(x('http://h/query?u=lab&p=pw'))).toBe(true);
    expect(signsInWithQuery(x('http://h/rest/ping?username=lab&password=pw'))).toBe(true);
    expect(signsInWithQuery(x('http://h/list?user=ada&p=2'))).toBe(false);
    expect(signsInWithQuery(x('http://h/list?p=2'))).toBe(false);
    expect(signsInWithQuery(x('http://h/query?u=lab&p='))).toBe(false);
    expect(signsInWithQuery(x('http://h/query?U=lab&P=pw'))).toBe(true);
    expect(signsInWithQuery(x('http://h/query?user_name=lab&pwd=pw'))).toBe(true);
    expect(signsInWithQuery(x('http://h/query?up=lab&pp=pw'))).toBe(false);
    expect(signsInWithQuery(x('not a url?u=lab&p=pw'))).toBe(false);
  });
});
