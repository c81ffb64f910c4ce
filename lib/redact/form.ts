import { joinText, type Text } from './pieces';
import { isSecretParam } from './names';
import { safeDecode } from './text';
import type { SecretKind, Vault } from './vault';

/**
 * Redacts `name=value&…` (a query string, a fragment, a form body) in place: separators,
 * names and every byte that is not a secret value stay exactly as they were, so the
 * redacted request is the original once the placeholders are filled in.
 */
export function redactPairs(text: string, vault: Vault, opts: { base: string; kind: SecretKind; where: string }): Text {
  const out: Text = [];
  for (const m of text.matchAll(/([^&]*)(&?)/g)) {
    const pair = m[1]!;
    const sep = m[2]!;
    const eq = pair.indexOf('=');
    // A bare name (`flag`, and the empty match at the end) has no value to hide.
    if (eq === -1) {
      out.push(pair + sep);
      continue;
    }
    const value = pair.slice(eq + 1);
    const decoded = safeDecode(pair.slice(0, eq).replace(/\+/g, ' '));
    // An empty value (`pin=`) comes back as itself from vault.secret, which names no empty secret.
    if (isSecretParam(decoded)) {
      out.push(
        pair.slice(0, eq + 1),
        vault.secret(value, { base: `${opts.base}_${decoded}`, kind: opts.kind, where: `${opts.where} ${decoded}` }),
        sep,
      );
    } else out.push(pair + sep);
  }
  return joinText(out);
}
