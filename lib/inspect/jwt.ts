import { base64ToBytes } from '../model/base64';

/** A decoded JWT (JWS compact form). Decoding never verifies: we have no keys, only questions. */
export interface Jwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** Seconds since epoch, when present and numeric. */
  exp?: number;
  nbf?: number;
  iat?: number;
  iss?: string;
  sub?: string;
  aud: string[];
  /** From `scope` (space-separated), `scp` (string or array) or `scopes`. */
  scopes: string[];
  alg?: string;
  hasSignature: boolean;
}

export type JwtResult = { ok: true; jwt: Jwt } | { ok: false; error: string };

const JWT_SHAPE = /^[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]*={0,2}$/;

/** Cheap test: three dot-separated base64url parts. Opaque tokens fail it. */
export function looksLikeJwt(token: string): boolean {
  return token.length < 64 * 1024 && JWT_SHAPE.test(token) && token.startsWith('eyJ');
}

export function base64UrlDecode(part: string): string {
  const bytes = base64ToBytes(part);
  // Stryker disable next-line StringLiteral: json() below replaces this message with one naming the part
  if (!bytes) throw new Error('not base64url');
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((s): s is string => typeof s === 'string');
  return [];
}

function json(part: string, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = base64UrlDecode(part);
  } catch {
    throw new Error(`the ${what} is not valid base64url`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`the ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** Decodes a JWT; returns a reason instead of throwing on broken tokens. */
export function decodeJwt(token: string): JwtResult {
  const parts = token.trim().split('.');
  if (parts.length !== 3)
    return { ok: false, error: `a JWT has 3 dot-separated parts, this token has ${parts.length}` };
  try {
    const header = json(parts[0]!, 'header');
    const claims = json(parts[1]!, 'payload');
    const scopes = [...strings(claims.scope), ...strings(claims.scp), ...strings(claims.scopes)];
    return {
      ok: true,
      jwt: {
        header,
        claims,
        exp: num(claims.exp),
        nbf: num(claims.nbf),
        iat: num(claims.iat),
        iss: typeof claims.iss === 'string' ? claims.iss : undefined,
        sub: typeof claims.sub === 'string' ? claims.sub : undefined,
        aud: strings(claims.aud),
        scopes: [...new Set(scopes)],
        alg: typeof header.alg === 'string' ? header.alg : undefined,
        hasSignature: parts[2]!.length > 0,
      },
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
