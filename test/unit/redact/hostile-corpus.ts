// A hostile log for redaction: a secret planted in every position a shared artefact has leaked
// one from (issue 10), each a unique string so a leak names its position. Formats follow their
// documents: OAuth 2 code and implicit-flow fragment (RFC 6749 §4.1.2, §4.2.2), CAS service
// tickets (https://apereo.github.io/cas/7.0.x/protocol/CAS-Protocol-Specification.html §2.2),
// SAML HTTP-POST binding (https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf
// §3.5), ASP.NET anti-forgery and view state inputs, Servlet `;jsessionid=` URL rewriting
// (Jakarta Servlet 6 §7.1.3), Firefox's HAR joining Set-Cookie headers with "\n", Chrome's
// base64 `_encoding` post data, issuers' documented key prefixes (lib/redact/shapes.ts).
import type { Har, HarEntry } from '../../../lib/har/types';
import { makeEntry } from '../../support/har';
import { makeJwt, rng } from '../inspect/support';

const next = rng(1010);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function rand(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export interface HostileCorpus {
  har: Har;
  /** Secret → where it was planted. */
  planted: Map<string, string>;
  /** Secrets that only evidence about another entry would carry (the unredacted report must hold them). */
  quotedByEvidence: string[];
}

export function hostileCorpus(): HostileCorpus {
  const planted = new Map<string, string>();
  const p = (where: string, value: string) => {
    planted.set(value, where);
    return value;
  };
  const app = 'https://app.example.com';
  const api = 'https://api.example.com';
  const entries: HarEntry[] = [];
  const add = (e: HarEntry) => entries.push(e);

  // 0. A login: tokens in JSON served as text/html, two cookies in one newline-joined Set-Cookie.
  add(
    makeEntry({
      method: 'POST',
      url: `${api}/oauth/token`,
      status: 200,
      mimeType: 'text/html',
      body: `  {"access_token":"${p('JSON as text/html', `at-${rand(10)}-Plant0`)}","token_type":"Bearer"}`,
      responseHeaders: {
        'Set-Cookie': `sid=${p('Set-Cookie line 1', `sid-${rand(12)}`)}; Path=/; HttpOnly\nremember=${p('Set-Cookie line 2', `rem-${rand(12)}`)}; Path=/; Secure`,
      },
    }),
  );
  // 1. OAuth redirect: code in the query, access_token in the Location fragment, code in redirectURL.
  const loc = `${app}/home#access_token=${p('Location fragment', `frag-${rand(14)}`)}&token_type=bearer`;
  const redirect = makeEntry({
    url: `${app}/callback?code=${p('OAuth code in URL', `code-${rand(14)}`)}&state=s1`,
    status: 302,
    responseHeaders: { Location: loc },
  });
  redirect.response.redirectURL = `${app}/next?code=${p('redirectURL code', `rcode-${rand(12)}`)}`;
  add(redirect);
  // 2. Unknown credential headers, userinfo, jsessionid path parameter, CAS ticket, Referer token, shaped keys.
  add(
    makeEntry({
      url: `https://svc:${p('URL userinfo', `Uinfo-${rand(10)}`)}@api.example.com/v1/me;jsessionid=${p('jsessionid', rand(32, UPPER))}?ticket=${p('CAS ticket', `ST-${rand(20)}-cas`)}`,
      status: 401,
      requestHeaders: {
        'X-Authorization': `Bearer ${p('X-Authorization', `xa-${rand(18)}`)}`,
        Authentication: p('Authentication', `authn-${rand(16)}`),
        Referer: `${app}/page?token=${p('Referer query', `ref-${rand(14)}`)}&x=1`,
        'X-Debug': `key ${p('GitHub prefix', `ghp_${rand(36)}`)} for ${p('AWS prefix', `AKIA${rand(16, UPPER)}`)}`,
        'X-Context': p('high-entropy header', rand(40)),
      },
      responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    }),
  );
  // 3. JSON served as text/plain: passphrase, passcode, a credentials object, a nested Cookie, shaped keys.
  add(
    makeEntry({
      method: 'POST',
      url: `${api}/v1/login`,
      status: 403,
      requestMimeType: 'text/plain;charset=UTF-8',
      requestBody:
        `\n {"user":"bob","passphrase":"${p('passphrase', `pp-${rand(10)}`)}","passcode":${p('passcode', '90817263')},` +
        `"credentials":{"user":"bob","value":"${p('credentials object', `cred-${rand(10)}`)}"},` +
        `"headers":{"Cookie":"a=${p('nested Cookie', `ncookie-${rand(10)}`)}"},` +
        `"note":"${p('Stripe prefix', `sk_live_${rand(24)}`)}","other":"${p('Slack prefix', `xoxb-${rand(11, '0123456789')}-${rand(24)}`)}"}`,
    }),
  );
  // 4. An HTML form page: SAML POST binding, anti-forgery and view-state hidden inputs, a csrf meta.
  const saml = p('SAMLResponse', b64(`<samlp:Response ID="_${rand(20)}"><saml:Assertion/></samlp:Response>`));
  add(
    makeEntry({
      method: 'POST',
      url: `${app}/sso/acs`,
      status: 403,
      mimeType: 'text/html; charset=utf-8',
      body:
        `<html><head><meta name="csrf-token" content="${p('csrf meta', `meta-${rand(12)}`)}"></head><body>` +
        `<form method="post" action="${app}/sso/acs"><input type="hidden" name="SAMLResponse" value="${saml}" />` +
        `<input name="__RequestVerificationToken" type="hidden" value="${p('anti-forgery input', `rvt-${rand(12)}`)}">` +
        `<input type=hidden name=__VIEWSTATE value=${p('__VIEWSTATE', `vs${rand(30)}`)}>` +
        `<p>Also see https://admin:${p('userinfo in page text', `Pg-${rand(10)}`)}@internal.example.com/</p></form></body></html>`,
    }),
  );
  // 5. Multipart with an unquoted name=.
  add(
    makeEntry({
      method: 'POST',
      url: `${app}/upload`,
      status: 403,
      requestMimeType: 'multipart/form-data; boundary=XyZ',
      requestBody: `--XyZ\r\nContent-Disposition: form-data; name=password\r\n\r\n${p('multipart unquoted name', `mp-${rand(12)}`)}\r\n--XyZ--\r\n`,
    }),
  );
  // 6. Base64 bodies: a JSON request body in Chrome's `_encoding`, a JSON response body.
  const b64Request = makeEntry({ method: 'POST', url: `${api}/v1/pin`, status: 401, body: '{}' });
  b64Request.request.postData = {
    mimeType: 'application/json',
    text: b64(`{"password":"${p('base64 request body', `b64pw-${rand(10)}`)}"}`),
    _encoding: 'base64',
  } as HarEntry['request']['postData'];
  b64Request.response.content = {
    size: 40,
    mimeType: 'application/json',
    encoding: 'base64',
    text: b64(`{"error":"bad","session_token":"${p('base64 response body', `b64st-${rand(10)}`)}"}`),
  };
  add(b64Request);
  // 7. Shapes under innocent names: a JWT in a query, keys and a random token in a plain-text body.
  const jwt = p(
    'JWT in query',
    makeJwt(
      { exp: 1795255200, sub: 'hostile-sub', email: p('JWT email claim', `mail-${rand(6)}@example.com`) },
      undefined,
      p('JWT signature', rand(43)),
    ),
  );
  add(
    makeEntry({
      url: `${api}/v2/items?state=${jwt}&q=${p('high-entropy query', rand(44))}`,
      status: 403,
      mimeType: 'text/plain',
      body:
        `denied: ${p('Google prefix', `AIza${rand(35)}`)} and ${p('GitLab prefix', `glpat-${rand(20)}`)} ` +
        `and Bearer ${p('Bearer in prose', `br-${rand(14)}`)} rejected`,
    }),
  );
  // 8. A cookie set by one call and missing from a later cross-site one: the evidence quotes the setter's URL.
  add(
    makeEntry({
      url: `${app}/auth/done?code=${p('setter URL code (quoted by evidence)', `ev-${rand(14)}`)}`,
      status: 200,
      responseHeaders: {
        'Set-Cookie': `session=${p('setter cookie', `evsess-${rand(12)}`)}; Path=/; Secure; HttpOnly; SameSite=Strict`,
      },
    }),
  );
  add(
    makeEntry({
      url: `${app}/api/profile`,
      status: 401,
      requestHeaders: {
        'Sec-Fetch-Site': 'cross-site',
        Origin: 'https://other.example.org',
      },
    }),
  );
  // 9. A preflight with a key in its URL, then the failed call; a last success with another key.
  add(
    makeEntry({
      method: 'OPTIONS',
      url: `${api}/v3/things?api_key=${p('preflight URL key', `pfk-${rand(12)}`)}`,
      status: 204,
      requestHeaders: {
        Origin: app,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'x-api-key',
      },
      responseHeaders: { 'Access-Control-Allow-Origin': app },
    }),
  );
  add(
    makeEntry({
      method: 'PUT',
      url: `${api}/v3/things?api_key=${p('failed call URL key', `pfk2-${rand(12)}`)}`,
      status: 0,
      error: 'net::ERR_FAILED',
      requestHeaders: { Origin: app, 'X-Api-Key': p('failed call key', `fk-${rand(14)}`) },
    }),
  );
  add(
    makeEntry({
      url: `${api}/v4/list`,
      status: 200,
      requestHeaders: {
        'X-Api-Key': p('last success key', `ok-${rand(14)}`),
        Cookie: `sid=${p('last success cookie', `okc-${rand(12)}`)}`,
      },
    }),
  );
  add(
    makeEntry({
      url: `${api}/v4/list`,
      status: 401,
      requestHeaders: { 'X-Api-Key': p('failing key', `bad-${rand(14)}`), Cookie: 'sid=short1' },
    }),
  );
  return {
    har: { log: { version: '1.2', creator: { name: 'hostile-corpus', version: '1' }, entries } },
    planted,
    quotedByEvidence: [...planted.keys()].filter((k) => planted.get(k)!.includes('quoted by evidence')),
  };
}

/** Every form a planted secret could leak in: as is, URL- and JSON-escaped, base64 (whole or inside a longer run). */
export function leakForms(secret: string): string[] {
  const out = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (let pad = 0; pad < 3; pad++) {
    const enc = Buffer.from('\0'.repeat(pad) + secret, 'utf8').toString('base64');
    const lead = [0, 2, 3][pad]!;
    const full = Math.floor((pad + Buffer.byteLength(secret)) / 3) * 4;
    const core = enc.slice(lead, full);
    if (core.length >= 12) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** The planted secrets found in `text`, with where they were planted. */
export function hostileLeaks(text: string, planted: Map<string, string>): string[] {
  return [...planted]
    .filter(([secret]) => leakForms(secret).some((f) => text.includes(f)))
    .map(([secret, where]) => `${where}: ${secret.slice(0, 24)}`);
}
