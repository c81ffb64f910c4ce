// "Invalid or expired token" names both readings, so the words are no claim of expiry (INVALID_OR_EXPIRED in
// lib/vendors/codes/refusal-wording.ts): X's (Twitter's) documented error 89 "Invalid or expired token."
// (https://developer.x.com/en/support/x-api/error-troubleshooting) and FastAPI apps that raise the same words read
// auth.invalid; only the token itself (a JWT's past exp) makes it an expiry.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { explainMessage } from '../../../lib/vendors/codes';
import { makeHar } from '../../support/har';

const causeOf = (message: string) =>
  explainMessage({ family: 'message', code: '', at: '/message', message })?.row.cause;

function jwt(payload: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', 'k').update(head).digest('base64url')}`;
}

const top = (token: string, detail: string) =>
  diagnose(
    makeHar([
      {
        url: 'https://api.example.com/me',
        status: 401,
        requestHeaders: { Authorization: `Bearer ${token}` },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ detail }),
        mimeType: 'application/json',
      },
    ]),
    { all: true },
  )[0]?.causes[0]?.id;

describe('a token refused as "invalid or expired"', () => {
  it.each(['Invalid or expired token.', 'Token is invalid or has expired', 'Expired or invalid token'])(
    '%s reads as a refused token, not an expiry',
    (message) => expect(causeOf(message)).toBe('auth.invalid'),
  );

  it('leaves a plain expiry an expiry', () => {
    expect(causeOf('Token has expired')).toBe('auth.token_expired');
    expect(causeOf('expired token')).toBe('auth.token_expired');
  });

  it('is auth.invalid for an opaque token, auth.token_expired for a JWT whose exp is past', () => {
    expect(top('lab-token-0000', 'Invalid or expired token')).toBe('auth.invalid');
    expect(top(jwt({ sub: 'u1', exp: 1_600_000_000 }), 'Invalid or expired token')).toBe('auth.token_expired');
  });
});
