import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { makeHar, type EntrySpec } from '../../../support/har';

// The server's own stated reason (a structured error body), as the user reads it. Bodies are the
// documented ones: RFC 6749 §5.2 token-endpoint errors, node-oidc-provider's "no client
// authentication mechanism provided" (https://github.com/panva/node-oidc-provider/blob/main/lib/shared/token_auth.js),
// Auth0's access_denied "Unauthorized" for a wrong client secret
// (https://auth0.com/docs/get-started/authentication-and-authorization-flow/client-credentials-flow),
// RFC 6750 §3.1 invalid_token / insufficient_scope, GitHub's "Bad credentials"
// (https://docs.github.com/en/rest/overview/troubleshooting-the-rest-api).

const DATE = 'Sat, 21 Nov 2026 12:04:10 GMT';
const top = (e: EntrySpec) => diagnose(makeHar([e]), { all: true })[0]!.causes[0]!;
const token = (status: number, body: string, headers: Record<string, string> = {}): EntrySpec => ({
  method: 'POST',
  url: 'https://login.example.com/oauth/token',
  status,
  requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  requestBody: 'grant_type=client_credentials',
  requestMimeType: 'application/x-www-form-urlencoded',
  responseHeaders: { Date: DATE, 'Content-Type': 'application/json' },
  body,
});
const api = (status: number, body: string, headers: Record<string, string>): EntrySpec => ({
  url: 'https://api.example.com/v1/orders',
  status,
  requestHeaders: headers,
  responseHeaders: { Date: DATE, 'Content-Type': 'application/json' },
  body,
});

describe('stated reason at a token endpoint', () => {
  it('"no client authentication mechanism provided": the client sent none (a token request is not always "sent")', () => {
    const c = top(
      token(401, '{"error":"invalid_request","error_description":"no client authentication mechanism provided"}'),
    );
    expect(c.id).toBe('auth.missing');
    expect(c.title).toBe(
      'The server says invalid_request: the client sent no credentials of its own to the token endpoint',
    );
    expect(c.evidence.map((e) => e.detail)).toEqual([
      'OAuth error invalid_request at /error — "no client authentication mechanism provided"',
      '401',
      'OAuth token request: grant_type=client_credentials in the request body',
      'OAuth 2.0 codes (https://www.rfc-editor.org/rfc/rfc6749#section-5.2)',
    ]);
  });

  it("Auth0's access_denied for a wrong client secret is a refused credential, not a permission", () => {
    const c = top(
      token(401, '{"error":"access_denied","error_description":"Unauthorized"}', {
        Authorization: 'Basic Y2xpZW50OnNlY3JldA==',
      }),
    );
    expect(c.id).toBe('auth.invalid');
    expect(c.title).toBe(
      'The server says access_denied: the resource owner or the authorization server denied the request',
    );
  });
});

describe('stated reason at an API', () => {
  it('insufficient_scope said to a Basic caller is a role its account lacks (permission.denied), and says so', () => {
    const c = top(api(403, '{"error":"insufficient_scope"}', { Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }));
    expect(c.id).toBe('permission.denied');
    expect(c.summary).toMatch(
      / The caller sent a password or a session, not a token: the "scope" it lacks is a role of its account\.$/,
    );
  });

  it('a hidden credential: the server is the only witness, and the summary says so', () => {
    const c = top(api(401, '{"error":"invalid_token"}', { Authorization: 'Bearer [REDACTED]' }));
    expect(c.id).toBe('auth.invalid');
    expect(c.summary).toMatch(/ The capture hid the credential, so only the server can say what was wrong with it\.$/);
    expect(c.evidence.map((e) => e.detail)).toContain(
      'the capture hides Authorization: [REDACTED]: a credential was sent but its value was redacted before sharing',
    );
  });

  it('a message without a code is quoted as "the server\'s message", with the table it was read by', () => {
    const c = top(
      api(401, '{"message":"Bad credentials"}', { Authorization: 'token ghp_0123456789abcdef0123456789abcdef0123' }),
    );
    expect(c.id).toBe('auth.invalid');
    expect(c.title).toBe("The server's message says the credential was not accepted");
    expect(c.summary).toBe(
      'The response states its reason in a structured body (error message): the credential was not accepted.',
    );
    expect(c.evidence.map((e) => e.detail).slice(0, 2)).toEqual([
      'error message at /message — "Bad credentials"',
      '401',
    ]);
  });
});
