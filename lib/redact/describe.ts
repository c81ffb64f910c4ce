import { decodeJwt, looksLikeJwt } from '../inspect/jwt';
import { clip } from '../inspect/mask';
import { basicUser } from './basic';
import type { SecretKind } from './kinds';

// Claims a diagnosis reads (expiry, audience, scopes, who issued it, for which client);
// everything else (sub, email, name, oid, upn…) is personal and stays out.
export const KEPT_CLAIMS = [
  'exp',
  'nbf',
  'iat',
  'iss',
  'aud',
  'scope',
  'scp',
  'scopes',
  'azp',
  'typ',
  'client_id',
  'roles',
  'token_use',
];
export const KEPT_HEADER = ['alg', 'typ', 'kid'];

function claimValue(name: string, v: unknown): string {
  if (
    (name === 'exp' || name === 'nbf' || name === 'iat') &&
    typeof v === 'number' &&
    Number.isFinite(v) &&
    Math.abs(v) < 1e11
  ) {
    return new Date(v * 1000).toISOString().replace('.000Z', 'Z');
  }
  // Claims are parsed JSON: never undefined, so JSON.stringify always gives text.
  return clip(typeof v === 'string' ? v : JSON.stringify(v), 80);
}

/** The kept claims and header fields of a JWT, or null when it is not one. */
export function keptJwtParts(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  dropped: string[];
  droppedClaims: Record<string, unknown>;
} | null {
  // Stryker disable next-line ConditionalExpression: speed only: decodeJwt refuses what is not a JWT too
  if (!looksLikeJwt(token)) return null;
  const d = decodeJwt(token);
  if (!d.ok) return null;
  const pick = (o: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
  return {
    header: pick(d.jwt.header, KEPT_HEADER),
    claims: pick(d.jwt.claims, KEPT_CLAIMS),
    dropped: Object.keys(d.jwt.claims).filter((k) => !KEPT_CLAIMS.includes(k)),
    droppedClaims: Object.fromEntries(Object.entries(d.jwt.claims).filter(([k]) => !KEPT_CLAIMS.includes(k))),
  };
}

/** A safe one-line description of a secret: what it is, never what it holds. */
export function describeSecret(value: string, kind: SecretKind): { kind: SecretKind; note: string } {
  const token = value.replace(/^bearer\s+/i, '');
  const jwt = keptJwtParts(token);
  if (jwt) {
    const head = KEPT_HEADER.filter((k) => k in jwt.header && k !== 'typ').map(
      (k) => `${k} ${claimValue(k, jwt.header[k])}`,
    );
    const claims = Object.entries(jwt.claims).map(([k, v]) => `${k}=${claimValue(k, v)}`);
    const dropped = jwt.dropped.length
      ? `; signature and claims ${jwt.dropped
          .slice(0, 8)
          .map((k) => clip(k, 20))
          .join(', ')}${jwt.dropped.length > 8 ? '…' : ''} removed`
      : '; signature removed';
    return {
      kind: 'jwt',
      note:
        `JWT${head.length ? ` (${head.join(', ')})` : ''}: ${claims.join(', ') || 'no diagnostic claims'}${dropped}, ` +
        `${value.length} chars`,
    };
  }
  if (kind === 'basic') {
    const user = basicUser(value.replace(/^basic\s+/i, ''));
    return {
      kind,
      note:
        user === null
          ? `Basic credentials (not decodable), ${value.length} chars`
          : user.user === null
            ? `Basic credentials whose user name is a key (hidden, ${user.userLength} chars), password ${user.passwordLength} chars (base64 of user:password)`
            : `Basic credentials for user "${clip(user.user, 60)}", password ${user.passwordLength} chars (base64 of user:password)`,
    };
  }
  const what: Record<SecretKind, string> = {
    authorization: 'credentials',
    basic: 'Basic credentials',
    jwt: 'JWT',
    cookie: 'cookie value',
    'api-key': 'API key',
    query: 'query parameter value, as it appears in the URL',
    body: 'body field value, as it appears in the body',
    url: 'credential in the URL',
    signature: 'signature',
    token: 'token',
    personal: 'personal claim of a JWT, removed',
    password: 'password',
    unread: 'text withheld whole: its nested encodings cost more than redaction reads',
  };
  return { kind, note: `${what[kind]}, ${value.length} chars` };
}
