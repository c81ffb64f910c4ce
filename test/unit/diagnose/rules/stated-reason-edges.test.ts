import { describe, expect, it } from 'vitest';
import { RuleContext } from '../../../../lib/core/context';
import { LogIndex } from '../../../../lib/core/log-index';
import type { Cause } from '../../../../lib/core/causes';
import { statedReasonRule } from '../../../../lib/diagnose/rules/stated-reason';
import { makeHar, type EntrySpec } from '../../../support/har';
import { makeJwt } from '../../inspect/support';

// The stated-reason rule alone (lib/diagnose/rules/stated-reason.ts), on the readings its other tests left
// unstated: API Gateway's x-amzn-ErrorType header as the stated code
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html), a JWT's own
// signature refused (golang-jwt's ErrSignatureInvalid, as InfluxDB 1.x answers it), a credential only the server's
// message shows was sent, and Socket.IO's CONNECT_ERROR (https://socket.io/docs/v4/middlewares/#handling-middleware-error).

const out = (entries: EntrySpec[]): Cause[] => {
  const log = new LogIndex(makeHar(entries));
  return statedReasonRule.run(new RuleContext(log.exchanges.at(-1)!, log));
};
// A GraphQL server's "not authenticated" (Apollo's UNAUTHENTICATED code), the answer several readings below are given.
const UNAUTHENTICATED =
  '{"errors":[{"message":"You must be logged in","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}';
const one = (entries: EntrySpec[]): Cause => {
  const causes = out(entries);
  expect(causes).toHaveLength(1);
  return causes[0]!;
};

describe("API Gateway's x-amzn-ErrorType header", () => {
  it('is quoted as the header it came in, not as a body field', () => {
    const c = one([
      {
        url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items',
        status: 403,
        requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
        responseHeaders: { 'x-amzn-ErrorType': 'AccessDeniedException', 'Content-Type': 'application/json' },
        body: '{"Message":"User is not authorized to access this resource"}',
      },
    ]);
    expect(c.evidence[0]).toEqual({
      where: 'response.header',
      name: 'x-amzn-errortype',
      detail: 'x-amzn-ErrorType: AccessDeniedException',
    });
  });
});

describe('"signature is invalid"', () => {
  const answer = (headers: Record<string, string>): EntrySpec => ({
    url: 'http://influx.example.test:8086/query?q=SHOW+DATABASES',
    status: 401,
    requestHeaders: headers,
    responseHeaders: { 'Content-Type': 'application/json' },
    body: '{"error":"signature is invalid"}',
  });

  it("said to a Bearer JWT refuses the token, and says the signature is the JWT's own", () => {
    const jwt = makeJwt({ username: 'bo', exp: 4102444800 });
    const c = one([answer({ Authorization: `Bearer ${jwt}` })]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).toContain(
      "The signature the server speaks of is the JWT's own: the token was signed with another key.",
    );
  });

  it('said to a call without an Authorization header stays a signature mismatch', () => {
    const c = one([answer({ 'X-Api-Key': 'k-0123456789abcdef', 'X-Signature': 'sha256=abcdef' })]);
    expect(c.id).toBe('signature.mismatch');
    expect(c.summary).not.toContain("JWT's own");
  });
});

describe('a credential only the server quotes back', () => {
  const token = 'e3Kq9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gH';

  it('counts as sent, and the evidence names the run it quotes (its first 20 characters) and where the request sent it', () => {
    const c = one([
      {
        url: `https://a.example.test/rpc?st=${token}`,
        status: 401,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ error: 'invalid_token', error_description: `Bad token ${token}` }),
      },
    ]);
    expect(c.id).toBe('auth.invalid');
    expect(c.evidence).toContainEqual({
      where: 'request.query',
      detail: `the server's message quotes "${token.slice(0, 20)}…", which the request sent in its query parameter st`,
    });
  });
});

describe("Socket.IO's CONNECT_ERROR", () => {
  const APP = 'http://app.example.test';
  const SIO = `${APP}/socket.io/?EIO=4&transport=polling`;
  const SID = 'dH_u9472q4bjIS0PAAAA';
  const connect = (packet: string): EntrySpec => ({
    method: 'POST',
    url: `${SIO}&sid=${SID}`,
    status: 200,
    requestHeaders: { 'Content-Type': 'text/plain;charset=UTF-8' },
    requestBody: packet,
    requestMimeType: 'text/plain;charset=UTF-8',
    body: 'ok',
    mimeType: 'text/html',
  });
  const refused: EntrySpec = {
    url: `${SIO}&sid=${SID}`,
    status: 200,
    body: '44{"message":"not authorized"}',
    mimeType: 'text/plain',
  };

  it('to a CONNECT packet without auth is a missing credential, and says the packet carried none', () => {
    const c = one([connect('40'), refused]);
    expect(c.id).toBe('auth.missing');
    expect(c.summary).toContain(
      'The Socket.IO CONNECT packet this answers carried no `auth` object: nothing was sent to refuse.',
    );
  });

  it('to a CONNECT packet without auth, "invalid token" too is a missing credential; "forbidden" stays a permission', () => {
    const invalid = one([connect('40'), { ...refused, body: '44{"message":"invalid token"}' }]);
    expect(invalid.id).toBe('auth.missing');
    expect(invalid.summary).toContain('carried no `auth` object');
    const forbidden = one([connect('40'), { ...refused, body: '44{"message":"Forbidden"}' }]);
    expect(forbidden.summary).not.toContain('carried no `auth` object');
  });

  it('to a CONNECT packet that carried a token is that token refused', () => {
    const c = one([connect('40{"token":"nope"}'), refused]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).not.toContain('CONNECT packet');
  });
});

describe('"not accepted" said to a call whose only credential is an API key', () => {
  it("is the key refused (Unsplash's client_id answered with an OAuth error)", () => {
    const c = one([
      {
        url: 'https://api.unsplash.com/photos/random?client_id=Zk3q9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gHiJkLmNoPq',
        status: 401,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"errors":["OAuth error: The access token is invalid"]}',
      },
    ]);
    expect(c.id).toBe('api_key.invalid');
  });
});

describe('the statuses the rule reads', () => {
  const at = (status: number) =>
    out([
      {
        url: 'https://api.example.test/v1/me',
        status,
        requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ error: 'invalid_token', error_description: 'The access token is invalid' }),
      },
    ]);

  it('reads a 2xx and a 4xx answer, and says when the refusal came inside a success status', () => {
    expect(at(200)[0]?.summary).toContain(', inside an HTTP 200)');
    expect(at(299)[0]?.summary).toContain(', inside an HTTP 299)');
    expect(at(400)[0]?.id).toBe('auth.invalid');
    expect(at(401)[0]?.summary).not.toContain('inside an HTTP');
    expect(at(499)[0]?.id).toBe('auth.invalid');
  });

  it('leaves 1xx, 3xx and 5xx answers alone', () => {
    expect(at(199)).toEqual([]);
    expect(at(300)).toEqual([]);
    expect(at(399)).toEqual([]);
    expect(at(500)).toEqual([]);
  });
});

describe('what the evidence quotes of the stated error', () => {
  it('a body error: its family, code and place, and the message masked; no message, no dash', () => {
    const token = 'e3Kq9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gH';
    const answer = (body: object): EntrySpec => ({
      url: 'https://api.example.test/v1/me',
      status: 401,
      requestHeaders: { Authorization: `Bearer ${token}` },
      responseHeaders: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(one([answer({ error: 'invalid_token', error_description: `Bad token ${token}` })]).evidence[0]).toEqual({
      where: 'response.body',
      name: '/error',
      detail: 'OAuth error invalid_token at /error — "Bad token e3Kq…(34 chars)"',
    });
    expect(one([answer({ error: 'invalid_token' })]).evidence[0]).toEqual({
      where: 'response.body',
      name: '/error',
      detail: 'OAuth error invalid_token at /error',
    });
  });
});

describe('"not authenticated" said to a call that sent credentials in no header', () => {
  it('a sign-in whose body carries the password: the credentials were sent and refused', () => {
    const c = one([
      {
        method: 'POST',
        url: 'https://app.example.test/api/login',
        status: 401,
        requestHeaders: { 'Content-Type': 'application/json' },
        requestBody: '{"email":"bo@lab.test","password":"wrong-pass"}',
        requestMimeType: 'application/json',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: UNAUTHENTICATED,
      },
    ]);
    expect(c.id).toBe('auth.invalid');
  });

  it('a call that names the user and password in its query (u= and p=): sent and refused', () => {
    const c = one([
      {
        url: 'http://influx.example.test:8086/query?u=bo&p=wrong-pass&q=SHOW+DATABASES',
        status: 401,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: UNAUTHENTICATED,
      },
    ]);
    expect(c.id).toBe('auth.invalid');
  });
});

describe('a code that says only "not authenticated", read beside its message', () => {
  it("to a caller that sent nothing, a message naming the API key makes it the key that is missing (Anthropic's authentication_error)", () => {
    // https://docs.anthropic.com/en/api/errors: 401 authentication_error
    const c = one([
      {
        method: 'POST',
        url: 'https://api.anthropic.com/v1/messages',
        status: 401,
        requestHeaders: { 'Content-Type': 'application/json' },
        requestBody: '{"model":"claude","max_tokens":1,"messages":[]}',
        requestMimeType: 'application/json',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"type":"error","error":{"type":"authentication_error","message":"x-api-key header is required"}}',
      },
    ]);
    expect(c.id).toBe('api_key.missing');
  });

  it('to a credential sent, a message saying it expired is an expired token, not merely unaccepted', () => {
    const c = one([
      {
        url: 'https://api.example.test/graphql?query=%7Bme%7Bid%7D%7D',
        status: 200,
        requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"errors":[{"message":"Token has expired","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}',
      },
    ]);
    expect(c.id).toBe('auth.token_expired');
  });

  it('a credential only the message quotes back is one sent: refused, not missing, and no cookie was involved', () => {
    const token = 'e3Kq9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gH';
    const c = one([
      {
        url: `https://a.example.test/rpc?st=${token}`,
        status: 401,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ error: { code: 'unauthenticated', message: `Unknown session ${token}` } }),
      },
    ]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).not.toContain('Only cookies were sent');
  });
});

describe('"not authenticated" and the cookies sent', () => {
  const withHeaders = (headers: Record<string, string>): EntrySpec => ({
    method: 'POST',
    url: 'https://app.example.test/graphql',
    status: 200,
    requestHeaders: { 'Content-Type': 'application/json', ...headers },
    requestBody: '{"query":"{ me { id } }"}',
    requestMimeType: 'application/json',
    responseHeaders: { 'Content-Type': 'application/json' },
    body: UNAUTHENTICATED,
  });

  it('only cookies that name no session: no session was sent', () => {
    const c = one([withHeaders({ Cookie: 'theme=dark; _ga=GA1.2.3456' })]);
    expect(c.id).toBe('auth.missing');
    expect(c.summary).toContain(
      ' Only cookies were sent, and the server says the caller is not signed in: none of them carried a session it knows.',
    );
  });

  it("a session-token cookie among them (Auth.js's authjs.session-token) is a session sent and refused", () => {
    const c = one([withHeaders({ Cookie: 'theme=dark; authjs.session-token=eyJhbGciOiJkaXIifQ..abc.def.ghi' })]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).not.toContain('Only cookies were sent');
  });

  it('cookies beside an API key: the key was sent and refused', () => {
    const c = one([withHeaders({ Cookie: 'theme=dark', 'X-Api-Key': 'k-0123456789abcdef0123' })]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).not.toContain('Only cookies were sent');
  });

  it('in a capture with no credential anywhere (three calls or more: a sanitized export), it cannot be told', () => {
    const plain = (path: string): EntrySpec => ({ url: `https://app.example.test${path}`, status: 200, body: '{}' });
    const c = one([plain('/a'), plain('/b'), withHeaders({})]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).toContain(
      ' The capture carries no credential headers at all (a sanitized export drops them), so whether one was sent cannot be told; the server did not accept what it got.',
    );
  });
});

describe('what else the evidence and the summary carry', () => {
  it('the code table the reading came from, and its fixes', () => {
    const c = one([
      {
        url: 'https://api.example.test/v1/me',
        status: 401,
        requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":"invalid_token"}',
      },
    ]);
    expect(c.evidence.at(-1)).toEqual({
      where: 'log',
      name: 'code table',
      detail: 'OAuth 2.0 codes (https://www.rfc-editor.org/rfc/rfc6749#section-5.2)',
    });
    expect(c.fixes.length).toBeGreaterThan(0);
  });

  it("an OAuth token request's refusal quotes the token request", () => {
    const c = one([
      {
        method: 'POST',
        url: 'https://auth.example.test/oauth/token',
        status: 400,
        requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
        requestBody: 'grant_type=password&username=bo&password=wrong-pass&client_id=web',
        requestMimeType: 'application/x-www-form-urlencoded',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":"invalid_grant","error_description":"Invalid user credentials"}',
      },
    ]);
    const e = c.evidence.find((x) => x.name === 'token endpoint');
    expect(e?.where).toBe('request.body');
    expect(e?.detail).toMatch(/^OAuth token request: \S/);
  });

  it('a 401 with no stated reason gives nothing', () => {
    expect(
      out([
        {
          url: 'https://api.example.test/v1/me',
          status: 401,
          body: '<html>Unauthorized</html>',
          mimeType: 'text/html',
        },
      ]),
    ).toEqual([]);
  });
});

describe('"permission denied" said to a caller that held no credential', () => {
  const denied: EntrySpec = {
    url: 'https://api.example.test/v1/reports',
    status: 403,
    responseHeaders: { 'Content-Type': 'application/json' },
    body: '{"error":{"code":"permission_denied","message":"You may not read reports"}}',
  };
  const signedIn: EntrySpec = {
    url: 'https://api.example.test/v1/me',
    status: 200,
    requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
    body: '{}',
  };

  it('answers an anonymous caller: the credential is missing, and the log shows the other calls carried one', () => {
    const c = one([signedIn, denied]);
    expect(c.id).toBe('auth.missing');
    expect(c.summary).toContain(
      ' The caller held no credential for this call, so the refusal answers an anonymous caller.',
    );
    expect(c.evidence).toContainEqual({
      where: 'log',
      name: 'credentials kept',
      detail: '1 other entry carries credential headers; this one carries none',
    });
  });

  it('said to a caller that sent its token, stays a permission refused', () => {
    const c = one([signedIn, { ...denied, requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' } }]);
    expect(c.id).toBe('permission.denied');
  });
});

describe('wording is common ground: it speaks only when no vendor did', () => {
  it("GitHub's own refusal (its vendor signature speaks) gets no wording reading; the same words elsewhere do", () => {
    const answer = (url: string, headers: Record<string, string>): EntrySpec => ({
      url,
      status: 401,
      requestHeaders: { Authorization: 'token ghp_0123456789abcdefghijABCDEFGHIJ012345' },
      responseHeaders: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
      body: '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}',
    });
    const github = out([
      answer('https://api.github.com/user', {
        'X-GitHub-Request-Id': 'C0DE:1234:5678:9ABC:6560A1B2',
        Server: 'github.com',
      }),
    ]);
    const elsewhere = out([answer('https://api.example.test/user', {})]);
    expect(github).toEqual([]);
    expect(elsewhere).toHaveLength(1);
  });
});

describe('"invalid" said to a call that sent nothing', () => {
  it('is, when the message says none came, more likely how the server answers none', () => {
    const c = one([
      {
        url: 'https://api.example.test/v1/me',
        status: 401,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":"invalid_token","error_description":"No access token was provided"}',
      },
    ]);
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).toContain(
      ' The request carried no credential at all, so this is more likely how the server answers none.',
    );
  });
});

describe('a refusal other than "not accepted" said to a call whose only credential is an API key', () => {
  it('keeps its own reading: a permission refused is not the key refused', () => {
    const c = one([
      {
        url: 'https://api.unsplash.com/photos/random?client_id=Zk3q9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gHiJkLmNoPq',
        status: 403,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":{"code":"permission_denied","message":"You may not read this"}}',
      },
    ]);
    expect(c.id).toBe('permission.denied');
  });
});

describe('a credential the capture hid', () => {
  it('is quoted as hidden, and the summary says only the server can tell what was wrong with it', () => {
    const c = one([
      {
        url: 'https://api.example.test/v1/me',
        status: 401,
        requestHeaders: { Authorization: 'Bearer [REDACTED]' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":"invalid_token"}',
      },
    ]);
    expect(c.evidence.some((e) => e.name === 'hidden' && e.where === 'request.header')).toBe(true);
    expect(c.summary).toContain(' The capture hid the credential, so only the server can say what was wrong with it.');
  });
});

describe('the credential each reading counts as sent', () => {
  it('an API key alone, answered "not authenticated": the key was sent and refused', () => {
    const c = one([
      {
        url: 'https://api.unsplash.com/graphql?client_id=Zk3q9XvLmN4pQ7rS2tU8wY1zA6bD0eF5gHiJkLmNoPq',
        status: 200,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: UNAUTHENTICATED,
      },
    ]);
    expect(c.id).toBe('api_key.invalid');
  });

  it('a credential sent is never told "whether one was sent cannot be told"', () => {
    const c = one([
      {
        method: 'POST',
        url: 'https://app.example.test/api/login',
        status: 401,
        requestHeaders: { 'Content-Type': 'application/json' },
        requestBody: '{"email":"bo@lab.test","password":"wrong-pass"}',
        requestMimeType: 'application/json',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: UNAUTHENTICATED,
      },
    ]);
    expect(c.summary).not.toContain('sanitized export');
  });

  it('cookies beside an OAuth token request or a signed URL are not "only cookies"', () => {
    const tokenRequest = one([
      {
        method: 'POST',
        url: 'https://auth.example.test/oauth/token',
        status: 401,
        requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'theme=dark' },
        requestBody: 'grant_type=client_credentials&client_id=web&client_secret=Zk3q9XvLmN4pQ7rS2tU8',
        requestMimeType: 'application/x-www-form-urlencoded',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":{"code":"unauthenticated","message":"Not signed in"}}',
      },
    ]);
    expect(tokenRequest.summary).not.toContain('Only cookies were sent');
    const signed = one([
      {
        url:
          'https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request' +
          '&X-Amz-Date=20261121T120000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=' +
          'a'.repeat(64),
        status: 403,
        requestHeaders: { Cookie: 'theme=dark' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":{"code":"unauthenticated","message":"Not signed in"}}',
      },
    ]);
    expect(signed.summary).not.toContain('Only cookies were sent');
  });
});

describe('a code, and the message that says why', () => {
  const answer = (body: string): EntrySpec => ({
    url: 'https://api.example.test/v1/me',
    status: 401,
    requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
    responseHeaders: { 'Content-Type': 'application/json' },
    body,
  });

  it('"unauthenticated" with a message saying the token expired: an expired token', () => {
    expect(one([answer('{"error":{"code":"unauthenticated","message":"Token has expired"}}')]).id).toBe(
      'auth.token_expired',
    );
  });

  it('a code that names its own refusal keeps it, whatever key its message names', () => {
    const c = one([answer('{"error":{"code":"permission_denied","message":"API key not valid for this resource"}}')]);
    expect(c.id).toBe('permission.denied');
  });
});

describe('a credential that travels in no header, in a capture whose other calls carry one', () => {
  const other: EntrySpec = {
    url: 'https://api.example.test/v1/me',
    status: 200,
    requestHeaders: { Authorization: 'Bearer opaque-token-0123456789' },
    body: '{}',
  };
  const NONE = 'The request carried no credential at all';

  it("an OAuth client's secret in a token request's body was sent", () => {
    const c = one([
      other,
      {
        method: 'POST',
        url: 'https://auth.example.test/oauth/token',
        status: 401,
        requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
        requestBody: 'grant_type=client_credentials&client_id=web&client_secret=Zk3q9XvLmN4pQ7rS2tU8',
        requestMimeType: 'application/x-www-form-urlencoded',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":"invalid_client","error_description":"Client authentication failed"}',
      },
    ]);
    expect(c.summary).not.toContain(NONE);
  });

  it("a presigned URL's signature was sent", () => {
    const c = one([
      other,
      {
        url:
          'https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request' +
          '&X-Amz-Date=20261121T120000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=' +
          'a'.repeat(64),
        status: 403,
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"error":"invalid_token","error_description":"The signature does not match"}',
      },
    ]);
    expect(c.summary).not.toContain(NONE);
  });
});
