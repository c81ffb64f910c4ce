import { decodeBasicPair } from '../model/base64';

// Many APIs take the key as the Basic user name (`curl -u sk_live_…:`, `<token>:x-oauth-basic`,
// `api:<key>`): the user is then the secret. A user name may be shown (the first thing a reader
// checks: "right account?") only when it does not look like a key and the credential has a real
// password part.

// Passwords documented as fillers: GitHub's `x-oauth-basic`, Stripe's and others' empty one,
// and the `x`/`X` many docs use (https://docs.github.com/en/rest/authentication, https://docs.stripe.com/api/authentication).
const FILLER_PASSWORDS = new Set(['', 'x', 'X', 'x-oauth-basic', 'api', 'apikey', 'api_key', 'token']);

export function isFillerPassword(p: string): boolean {
  return FILLER_PASSWORDS.has(p);
}

/** A user name that is a key: an issuer's prefix, a JWT, or a long run of letters and digits. */
export function keyShapedUser(user: string): boolean {
  if (
    /^(sk|rk|pk)_(live|test)_|^(ghp|gho|ghu|ghs|ghr|github_pat)_|^(glpat|xox[a-z])-|^eyJ|^AKIA|^ASIA|^hf_|^npm_/.test(
      user,
    )
  )
    return true;
  if (user.includes('@') || user.includes(' ')) return false;
  return user.length >= 16 && /[0-9]/.test(user) && /[A-Za-z]/.test(user);
}

/** The parts of `base64(user:password)`; `userShown` says whether the user may be printed. */
export function basicParts(credentials: string): { user: string; password: string; userShown: boolean } | null {
  const v = credentials.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return null;
  const pair = decodeBasicPair(v);
  if (!pair) return null;
  return { ...pair, userShown: !keyShapedUser(pair.user) && !isFillerPassword(pair.password) };
}

/** The user of a Basic credential (RFC 7617), null when it must not be shown, and the lengths. */
export function basicUser(
  credentials: string,
): { user: string | null; userLength: number; passwordLength: number } | null {
  const p = basicParts(credentials);
  if (!p) return null;
  return {
    user: p.userShown ? p.user : null,
    userLength: [...p.user].length,
    passwordLength: [...p.password].length,
  };
}
