/**
 * A value that is not a credential at all but a placeholder the client stringified:
 * `Bearer ${token}` with token unset gives "undefined"; an object gives "[object Object]";
 * unexpanded template variables ship as "{{token}}" or "${TOKEN}".
 */
export function placeholderOf(value: string): string | null {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (stringifiedOf(v)) return v;
  if (/^\$\{[^}]*\}$|^\{\{[^}]*\}\}$|^<[^>]*>$|^%[A-Za-z_]+%$|^\$[A-Z_][A-Z0-9_]*$/.test(v)) return v;
  if (/^(your|my)[-_ ]?(api[-_ ]?)?(token|key|secret|access[-_ ]?token)([-_ ]?here)?$/i.test(v)) return v;
  return null;
}

/** A missing value the client turned into text: "undefined", "null", "[object Object]"… */
export function stringifiedOf(value: string): string | null {
  const v = value.trim().replace(/^["']|["']$/g, '');
  const lower = v.toLowerCase();
  return ['undefined', 'null', 'nan', '[object object]', 'none', 'nil', 'false', 'true'].includes(lower) ? v : null;
}

// Prefixes the issuers document for their opaque tokens. Naming the kind tells the reader
// which credential was sent (a GitHub PAT, an OpenAI key) without showing it.
const PREFIXES: readonly [RegExp, string][] = [
  [/^github_pat_/, 'GitHub fine-grained personal access token'],
  [/^ghp_/, 'GitHub personal access token (classic)'],
  [/^gho_/, 'GitHub OAuth access token'],
  [/^ghu_/, 'GitHub user-to-server token'],
  [/^ghs_/, 'GitHub installation (server-to-server) token'],
  [/^ghr_/, 'GitHub refresh token'],
  [/^glpat-/, 'GitLab personal access token'],
  [/^xox[abpre]-/, 'Slack token'],
  [/^sk_(live|test)_/, 'Stripe secret key'],
  [/^rk_(live|test)_/, 'Stripe restricted key'],
  [/^pk_(live|test)_/, 'Stripe publishable key'],
  [/^sk-ant-/, 'Anthropic API key'],
  [/^sk-(proj-)?[A-Za-z0-9_-]{16,}/, 'OpenAI-style secret key'],
  [/^ya29\./, 'Google OAuth access token'],
  [/^AIza[0-9A-Za-z_-]{30,}/, 'Google API key'],
  [/^EAA[A-Za-z0-9]{20,}/, 'Facebook/Meta access token'],
  [/^(AKIA|ASIA)[A-Z0-9]{16}$/, 'AWS access key id'],
  [/^hf_[A-Za-z0-9]{20,}/, 'Hugging Face token'],
  [/^npm_[A-Za-z0-9]{20,}/, 'npm token'],
  [/^SG\.[\w-]{16,}\.[\w-]{16,}/, 'SendGrid API key'],
];

/** Names a token's issuer from its documented prefix, or null for an anonymous opaque token. */
export function tokenKindOf(token: string): string | null {
  for (const [re, kind] of PREFIXES) if (re.test(token)) return kind;
  return null;
}

/** RFC 6750 b64token: what a Bearer credential may contain. */
export const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
