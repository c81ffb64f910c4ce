import { mapLiterals, type Piece, type Text } from './pieces';
import type { Vault } from './vault';

// Defence in depth: a secret found in its usual place is also hunted for everywhere else
// (echoed in a response body, copied into a Referer), and any JWT or Bearer/Basic credential
// in free text is caught even when nothing named it.
const JWT_ANYWHERE = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const SCHEME_CREDENTIAL = /\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/-]{8,}=*)/gi;

interface Hit {
  start: number;
  end: number;
  piece: Piece;
}

function collect(s: string, vault: Vault, where: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of s.matchAll(JWT_ANYWHERE)) {
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      piece: vault.secret(m[0], { base: 'JWT', kind: 'jwt', where }),
    });
  }
  for (const m of s.matchAll(SCHEME_CREDENTIAL)) {
    if (!tokenLike(m[1]!)) continue; // "Bearer authentication required" is prose
    const start = m.index + m[0].length - m[1]!.length;
    hits.push({
      start,
      end: m.index + m[0].length,
      piece: vault.secret(m[1]!, { base: 'TOKEN', kind: 'token', where }),
    });
  }
  for (const { value, hint } of vault.sweepable()) {
    for (let i = s.indexOf(value); i !== -1; i = s.indexOf(value, i + value.length)) {
      hits.push({ start: i, end: i + value.length, piece: vault.secret(value, { ...hint, where }) });
    }
  }
  return hits;
}

function tokenLike(v: string): boolean {
  return /[0-9._~+/=-]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v));
}

/** Replaces known secrets, JWTs and scheme credentials in one literal string. */
export function sweepString(s: string, vault: Vault, where: string): Text {
  if (s.length < 8) return [s];
  const hits = collect(s, vault, where).sort((a, b) => a.start - b.start || b.end - a.end);
  if (hits.length === 0) return [s];
  const out: Text = [];
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue; // overlapping: the earlier, longer match already covers it
    out.push(s.slice(at, h.start), h.piece);
    at = h.end;
  }
  out.push(s.slice(at));
  return out.filter((p) => p !== '');
}

export function sweep(t: Text, vault: Vault, where: string): Text {
  return mapLiterals(t, (s) => sweepString(s, vault, where));
}
