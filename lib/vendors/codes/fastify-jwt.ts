import type { CodeTable } from './types';

/**
 * @fastify/jwt's error codes ({"statusCode","code","error","message"}, Fastify's error shape). Its
 * malformed-header error is a 400, not a 401, so only the code tells it is a refusal of the
 * credential. Codes and messages: https://github.com/fastify/fastify-jwt/blob/main/jwt.js
 * (createError calls; version 10).
 */
export const FASTIFY_JWT_CODES: CodeTable = {
  name: '@fastify/jwt',
  families: ['code'],
  source: 'https://github.com/fastify/fastify-jwt/blob/main/jwt.js',
  rows: [
    {
      codes: ['FST_JWT_BAD_REQUEST', 'FST_JWT_BAD_COOKIE_REQUEST'],
      cause: 'auth.malformed',
      level: 'certain',
      refusal: true,
      means: 'the token is not sent in the form the server reads ("Authorization: Bearer <token>")',
      fixes: [
        'Send exactly one "Authorization: Bearer <token>" header: the scheme once, then the token, nothing else.',
      ],
    },
    {
      codes: ['FST_JWT_NO_AUTHORIZATION_IN_HEADER', 'FST_JWT_NO_AUTHORIZATION_IN_COOKIE'],
      cause: 'auth.missing',
      level: 'certain',
      refusal: true,
      means: 'no token was found where the server looks for it',
      fixes: ['Attach the token: "Authorization: Bearer <token>" (or the cookie the server is configured to read).'],
    },
    {
      codes: ['FST_JWT_AUTHORIZATION_TOKEN_EXPIRED'],
      cause: 'auth.token_expired',
      level: 'certain',
      refusal: true,
      means: 'the token expired',
      fixes: ['Refresh the token (or sign in again) and retry.'],
    },
    {
      codes: [
        'FST_JWT_AUTHORIZATION_TOKEN_INVALID',
        'FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED',
        'FAST_JWT_MISSING_SIGNATURE',
      ],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'the token did not verify (signature, issuer or trust)',
      fixes: ['Use a token issued for this server, signed with the key it verifies with.'],
    },
  ],
};
