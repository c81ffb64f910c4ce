import { createHmac, timingSafeEqual } from 'node:crypto';

// The scenario server is a demo and test fixture, not a real service: every "correct"
// credential below is a documented constant so replay tests (issue 5) can type it into the
// panel and expect the server to accept it. Nothing here is a real secret.

/** HS256 key the demo API signs and verifies its JWTs with. */
export const JWT_SECRET = 'why403-demo-hs256-secret-not-a-real-key';
export const JWT_ISSUER = 'https://auth.why403.test/';
export const JWT_AUDIENCE = 'why403-demo-api';

/** Kong key-auth consumer key (header or query parameter `apikey`). */
export const KONG_API_KEY = 'kong-demo-key-7f3c9a1e5b2d4c68';
/** AWS API Gateway usage-plan key (`x-api-key`); real ones are 40 characters. */
export const AWS_API_KEY = 'Zk3vQm9TnR2wLp8XyB4cHs6JdF1gKa7EuV5oWi0N';
export const AWS_WRONG_API_KEY = 'Ab1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3a';
export const KONG_WRONG_API_KEY = 'kong-demo-key-revoked-0000';

export const BASIC_USER = 'admin';
export const BASIC_PASSWORD = 'correct horse battery staple';
export const BASIC_WRONG_PASSWORD = 'Tr0ub4dor&3';

/** GitHub-style personal access token: authenticated calls get the 5,000/h limit. */
export const GITHUB_TOKEN = 'ghp_why403DemoToken0000000000000000000000';
export const CSRF_TOKEN = 'csrf-demo-9c1f0e7b2a4d4e8f8b6a';
export const SESSION_ID = 'sess-demo-5d2a9f41c7e8';
export const SESSION_COOKIE = 'session';

function b64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export interface DemoClaims {
  sub: string;
  scope: string;
  iat: number;
  exp: number;
  nbf?: number;
  iss?: string;
  aud?: string;
}

export function signJwt(claims: DemoClaims): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ iss: JWT_ISSUER, aud: JWT_AUDIENCE, ...claims }));
  const sig = createHmac('sha256', JWT_SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

// Fixed times keep the valid tokens stable constants: issued 2025-01-01, expiring 2100-01-01.
const ISSUED = 1735689600;
const FAR_FUTURE = 4102444800;

/** Accepted by every Bearer endpoint: both scopes, far-future expiry. */
export const VALID_JWT = signJwt({ sub: 'user-42', scope: 'orders:read orders:write', iat: ISSUED, exp: FAR_FUTURE });
/** Valid but read-only: the DELETE endpoint answers 403 insufficient_scope. */
export const READ_ONLY_JWT = signJwt({ sub: 'user-42', scope: 'orders:read', iat: ISSUED, exp: FAR_FUTURE });

/** A token that expired two hours before `nowMs`, as a real expired session token would. */
export function expiredJwt(nowMs: number = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  return signJwt({ sub: 'user-42', scope: 'orders:read orders:write', iat: now - 3 * 3600, exp: now - 2 * 3600 });
}

export type JwtCheck =
  { ok: true; claims: DemoClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not_yet_valid' };

export function verifyJwt(token: string, nowMs: number = Date.now()): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [head, body, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', JWT_SECRET).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: DemoClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as DemoClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const now = nowMs / 1000;
  if (typeof claims.exp === 'number' && claims.exp <= now) return { ok: false, reason: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > now) return { ok: false, reason: 'not_yet_valid' };
  return { ok: true, claims };
}

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
