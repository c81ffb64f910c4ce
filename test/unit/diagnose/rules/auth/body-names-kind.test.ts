import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';
import { makeJwt, sec } from '../../../inspect/support';

// RFC 6750 §3.1 files an expired, a revoked and a malformed token under one code, invalid_token. Envoy's
// jwt_authn filter (Istio's RequestAuthentication) answers with that bare code in the challenge and names
// the kind only in the body, its whole text being jwt_verify_lib's status string
// (https://github.com/google/jwt_verify_lib/blob/master/src/status.cc): 401 "Jwt is expired",
// "Jwt not yet valid", "Jwt verification fails", "Jwt issuer is not configured", and 403 "Audiences in
// Jwt are not allowed". The body's kind is the more specific reading; a body naming two kinds chooses none.

const URL_ = 'https://api.example.com/v1/orders';
// Valid by its own claims at the response Date, so only the server's words can say otherwise.
const JWT = makeJwt({ sub: 'u1', iss: 'https://idp.example.com', aud: 'orders', exp: sec('2026-11-21T13:00:00Z') });

function envoy(status: number, body: string, challenge: string | null = 'invalid_token'): EntrySpec {
  return {
    url: URL_,
    status,
    requestHeaders: { Authorization: `Bearer ${JWT}` },
    responseHeaders: {
      'content-type': 'text/plain',
      server: 'istio-envoy',
      date: 'Sat, 21 Nov 2026 12:00:00 GMT',
      ...(challenge === null
        ? {}
        : { 'www-authenticate': `Bearer realm="${URL_}"${challenge ? `, error="${challenge}"` : ''}` }),
    },
    body,
    mimeType: 'text/plain',
  };
}

const first = (spec: EntrySpec) => diagnose(makeHar([spec]), { all: true })[0]!;

describe('a bare invalid_token challenge, and a body that says which kind', () => {
  it('"Jwt is expired" → auth.token_expired, quoting the challenge and the body', () => {
    const d = first(envoy(401, 'Jwt is expired'));
    expect(d.causes[0]!.id).toBe('auth.token_expired');
    expect(d.causes[0]!.title).toBe('The server says the token expired: "Jwt is expired"');
    const shown = d.causes[0]!.evidence.map((e) => e.detail).join('\n');
    expect(shown).toContain('error="invalid_token"');
    expect(shown).toContain('"Jwt is expired"');
    expect(d.causes.some((c) => c.id === 'auth.invalid' && c.title.includes('invalid_token'))).toBe(false);
    expect(d.causes.some((c) => c.id === 'auth.token_not_yet_valid')).toBe(false);
  });

  it('"Jwt not yet valid" → auth.token_not_yet_valid', () => {
    const d = first(envoy(401, 'Jwt not yet valid'));
    expect(d.causes[0]!.id).toBe('auth.token_not_yet_valid');
    expect(d.causes[0]!.title).toBe('The server says the token is not valid yet: "Jwt not yet valid"');
    expect(d.causes.some((c) => c.id === 'auth.token_expired')).toBe(false);
  });

  it('a body that names no lifetime, or two readings, leaves the invalid_token reading first', () => {
    for (const body of [
      'Jwt verification fails',
      'Jwt issuer is not configured',
      'Invalid or expired token',
      'Token expired or not yet valid',
    ]) {
      const d = first(envoy(401, body));
      expect(d.causes[0]!.id, body).toBe('auth.invalid');
    }
  });

  it('a challenge that gives its own description is read from the description, not the body', () => {
    const d = first({
      ...envoy(401, 'Jwt is expired'),
      responseHeaders: {
        'www-authenticate': 'Bearer error="invalid_token", error_description="signature verification failed"',
      },
    });
    expect(d.causes[0]!.id).toBe('auth.invalid');
  });

  it('without the challenge or a Date to check the token against, the same body is still read', () => {
    const spec = envoy(401, 'Jwt is expired', null);
    spec.responseHeaders = { 'content-type': 'text/plain', server: 'istio-envoy' };
    expect(first(spec).causes[0]!.id).toBe('auth.token_expired');
  });
});

describe('a token meant for another audience is a refused credential, not a missing right', () => {
  it('Envoy\'s 403 "Audiences in Jwt are not allowed" → auth.invalid', () => {
    const d = first(envoy(403, 'Audiences in Jwt are not allowed', null));
    expect(d.causes[0]!.id).toBe('auth.invalid');
    expect(d.causes[0]!.evidence.some((e) => e.detail.includes('Audiences in Jwt are not allowed'))).toBe(true);
  });

  it("ASP.NET's IDX10214 and Spring's aud validator, in a message field", () => {
    for (const message of [
      "IDX10214: Audience validation failed. Audiences: 'api://other'. Did not match: validationParameters.ValidAudience: 'api://orders'.",
      'The aud claim is not valid',
    ]) {
      const d = first({
        ...envoy(401, JSON.stringify({ error: 'Unauthorized', message }), null),
        mimeType: 'application/json',
        responseHeaders: { 'content-type': 'application/json' },
      });
      expect(d.causes[0]!.id, message).toBe('auth.invalid');
    }
  });

  it('a mailing-list "audience" in a validation error stays what it is', () => {
    const d = first({
      method: 'POST',
      url: 'https://api.example.com/3.0/campaigns',
      status: 400,
      requestHeaders: { Authorization: `Bearer ${JWT}`, 'Content-Type': 'application/json' },
      requestBody: '{"recipients":{"list_id":"x"}}',
      responseHeaders: { 'content-type': 'application/problem+json' },
      body: '{"title":"Invalid Resource","status":400,"detail":"The audience is not valid for this campaign type."}',
      mimeType: 'application/problem+json',
    });
    expect(d.flagged).toBe(false);
    expect(d.causes.some((c) => c.id === 'auth.invalid')).toBe(false);
  });
});

// Anthropic's errors carry a generic type and say what in the message
// (https://docs.anthropic.com/en/api/errors): {"type":"error","error":{"type":"authentication_error",
// "message":"x-api-key header is required"}}. The key is what the server is talking about.
describe('a generic code whose message names the API key', () => {
  const anthropic = (headers: Record<string, string>, message: string): EntrySpec => ({
    method: 'POST',
    url: 'https://api.anthropic.com/v1/messages',
    status: 401,
    requestHeaders: { 'Content-Type': 'application/json', ...headers },
    requestBody: '{}',
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'error', error: { type: 'authentication_error', message } }),
    mimeType: 'application/json',
  });

  it('no key sent, "x-api-key header is required" → api_key.missing', () => {
    expect(first(anthropic({}, 'x-api-key header is required')).causes[0]!.id).toBe('api_key.missing');
  });

  it('a key sent, "invalid x-api-key" → api_key.invalid', () => {
    expect(first(anthropic({ 'x-api-key': 'sk-ant-api03-abcdefghijkl' }, 'invalid x-api-key')).causes[0]!.id).toBe(
      'api_key.invalid',
    );
  });

  it('the same code with a message about something else keeps its own reading', () => {
    const d = first(anthropic({ Authorization: `Bearer ${JWT}` }, 'Your session has ended, sign in again'));
    expect(d.causes[0]!.id.startsWith('api_key.')).toBe(false);
  });
});
