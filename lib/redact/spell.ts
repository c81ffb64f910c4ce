import { keptJwtParts } from './describe';
import { docRef, displayText, type Text } from './pieces';
import { base64UrlEncode } from './text';
import type { Vault } from './vault';

/**
 * A JWT in a redacted HAR keeps its diagnostic claims and loses its signature (replaced by
 * the placeholder name, which is valid base64url), so the redacted HAR still diagnoses
 * "token expired" or "wrong audience" and two requests with the same token still match.
 */
export function redactedJwt(token: string, name: string): string | null {
  // A value learned with its scheme (`"authorization": "Bearer eyJ…"` in a JSON body) keeps the
  // scheme as written: it is no secret, and the field still reads as a Bearer credential.
  // Without `^`, a `bearer ` further in would cut the value from its start by the scheme's length,
  // leaving its space inside, which no JWT holds: null either way.
  // Stryker disable next-line Regex: see above
  const scheme = /^bearer\s+/i.exec(token)?.[0] ?? '';
  const parts = keptJwtParts(token.slice(scheme.length));
  if (!parts) return null;
  return `${scheme}${base64UrlEncode(JSON.stringify(parts.header))}.${base64UrlEncode(JSON.stringify(parts.claims))}.${name}`;
}

/** How documents spell a placeholder: `${NAME}`, or a claims-only JWT in a HAR. */
export function docSpeller(vault: Vault, jwtShape: boolean): (name: string) => string {
  return (name) => {
    if (jwtShape && vault.info(name)?.kind === 'jwt') {
      // A name the vault describes, it holds the value of.
      const jwt = redactedJwt(vault.valueOf(name)!, name);
      if (jwt) return jwt;
    }
    return docRef(name);
  };
}

export function renderDoc(t: Text, vault: Vault, jwtShape = false): string {
  return displayText(t, docSpeller(vault, jwtShape));
}
