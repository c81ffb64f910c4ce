import type { Exchange } from '../model/exchange';
import { parseCookieHeader } from '../inspect/credentials';
import { isSecretParam, renderDoc, Vault, type Text } from '../redact';
import { safeDecode } from '../redact/text';
import type { DiffItem } from './types';

function group(pairs: { name: string; value: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of pairs) m.set(p.name, [...(m.get(p.name) ?? []), p.value]);
  return m;
}

function diffPairs(
  failing: { name: string; value: string }[],
  success: { name: string; value: string }[],
  area: 'query' | 'cookie',
  display: (name: string, value: string) => string,
  isSecret: (name: string) => boolean,
): { items: DiffItem[]; same: string[] } {
  const a = group(failing);
  const b = group(success);
  const items: DiffItem[] = [];
  const same: string[] = [];
  for (const name of [...new Set([...b.keys(), ...a.keys()])]) {
    const fa = a.get(name);
    const sb = b.get(name);
    const show = (vs: string[] | undefined) => (vs ? vs.map((v) => display(name, v)).join(', ') : null);
    if (fa && sb && fa.join('\u0000') === sb.join('\u0000')) {
      if (isSecret(name)) same.push(`${area} ${name}: the same value in both (${show(fa)})`);
      continue;
    }
    items.push({
      area,
      name,
      change: !sb ? 'added' : !fa ? 'removed' : 'changed',
      failing: show(fa),
      success: show(sb),
    });
  }
  return { items, same };
}

function queryPairs(x: Exchange): { name: string; value: string }[] {
  const raw = x.rawUrl.split('#')[0]!;
  const q = raw.indexOf('?');
  if (q === -1) return [];
  return raw
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const eq = p.indexOf('=');
      return {
        name: safeDecode((eq === -1 ? p : p.slice(0, eq)).replace(/\+/g, ' ')),
        value: eq === -1 ? '' : p.slice(eq + 1),
      };
    });
}

export function diffQuery(failing: Exchange, success: Exchange, vault: Vault): DiffItem[] {
  const display = (name: string, value: string) => {
    const t: Text =
      isSecretParam(name) && value
        ? [vault.secret(value, { base: `QUERY_${name}`, kind: 'query', where: `request URL query ${name}` })]
        : [value];
    return renderDoc(t, vault);
  };
  return diffPairs(queryPairs(failing), queryPairs(success), 'query', display, isSecretParam).items;
}

/** Cookies by name; every cookie value counts as secret, as in the rest of the engine. */
export function diffCookies(failing: Exchange, success: Exchange, vault: Vault): { items: DiffItem[]; same: string[] } {
  const cookies = (x: Exchange) => x.req.getAll('cookie').flatMap(parseCookieHeader);
  const display = (name: string, value: string) =>
    renderDoc(
      [vault.secret(value, { base: `COOKIE_${name}`, kind: 'cookie', where: `request cookie ${name}` })],
      vault,
    ) || '(empty)';
  return diffPairs(cookies(failing), cookies(success), 'cookie', display, () => true);
}
