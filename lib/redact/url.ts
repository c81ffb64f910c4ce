import { joinText, type Text } from './pieces';
import { redactPairs } from './form';
import { sweep } from './sweep';
import { isFillerPassword, keyShapedUser } from './basic';
import { safeDecode } from './text';
import type { Vault } from './vault';

const AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)([\s\S]*)$/;

function redactUserinfo(authority: string, vault: Vault, where: string): Text {
  const at = authority.lastIndexOf('@');
  if (at === -1) return [authority];
  const userinfo = authority.slice(0, at);
  const host = authority.slice(at);
  const colon = userinfo.indexOf(':');
  // user:password keeps the user (which account) like Basic, unless the user is the key
  // (https://<token>:x-oauth-basic@github.com, https://sk_live_…:@api): then it goes too, as a
  // lone userinfo does (https://<token>@github.com).
  if (colon === -1)
    return [vault.secret(userinfo, { base: 'URL_USER', kind: 'url', where: `${where} userinfo` }), host];
  const user = userinfo.slice(0, colon);
  const password = userinfo.slice(colon + 1);
  const decoded = safeDecode(user);
  const keyed = keyShapedUser(decoded) || isFillerPassword(safeDecode(password));
  return [
    keyed ? vault.secret(user, { base: 'URL_USER', kind: 'url', where: `${where} user` }) : user,
    ':',
    vault.secret(password, { base: 'URL_PASSWORD', kind: 'url', where: `${where} password` }),
    host,
  ];
}

/** Redacts a URL byte for byte: userinfo, secret query and fragment parameters; then sweeps. */
export function redactUrl(raw: string, vault: Vault, where = 'URL'): Text {
  const unread = vault.unread(raw, where);
  if (unread !== null) return [unread];
  const m = AUTHORITY.exec(raw);
  const head: Text = m ? [m[1]!, ...redactUserinfo(m[2]!, vault, where)] : [];
  const rest = m ? m[3]! : raw;
  const hash = rest.indexOf('#');
  const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
  const fragment = hash === -1 ? null : rest.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  const path = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const query = q === -1 ? null : beforeHash.slice(q + 1);
  const out = joinText(
    head,
    path,
    query === null
      ? []
      : ['?', ...redactPairs(query, vault, { base: 'QUERY', kind: 'query', where: `${where} query` })],
    // Implicit-flow OAuth puts access_token in the fragment.
    fragment === null
      ? []
      : ['#', ...redactPairs(fragment, vault, { base: 'FRAGMENT', kind: 'query', where: `${where} fragment` })],
  );
  return sweep(out, vault, where);
}
