import { trimEndChar } from '../model/trim';
import { docRef } from './pieces';
import type { Vault } from './vault';

// The last step before any redacted artefact (report, export, HAR) is shown or written: the
// finished text is swept once more for every secret the vault knows (the whole log's, see
// learn.ts), as written and in the encodings it could hide in (URL, JSON, HTML escapes,
// base64). Redaction piece by piece should already have caught everything; this is the net
// under it, in one place, so no format or code path can forget.

const KEY = 6;

function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function toBase64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * What `value` looks like inside any base64 text that contains it: for each of the three byte
 * alignments, the characters that depend only on the value's bytes (both alphabets).
 */
function base64Cores(value: string): string[] {
  const out: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const enc = trimEndChar(toBase64('\0'.repeat(pad) + value), '=');
    const lead = pad === 0 ? 0 : pad === 1 ? 2 : 3;
    const bytes = pad + new TextEncoder().encode(value).length;
    const full = Math.floor(bytes / 3) * 4;
    const core = enc.slice(lead, full);
    if (core.length >= 12) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** Long enough, and not a plain word, to be looked for everywhere without false alarms. */
function sealWorthy(v: string): boolean {
  if (v.length >= 8) return !/^[a-z]+$/.test(v) || v.length >= 12;
  return v.length >= 6 && /[0-9A-Z]/.test(v) && /[a-z]/.test(v);
}

function forms(value: string): string[] {
  const out = new Set<string>([value]);
  let url = value;
  try {
    url = encodeURIComponent(value);
  } catch {
    // a lone surrogate cannot be URL-encoded, and no browser would have sent one
  }
  out.add(url);
  out.add(JSON.stringify(value).slice(1, -1));
  out.add(htmlEscape(value));
  out.add(htmlEscape(JSON.stringify(value).slice(1, -1)));
  if (value.length >= 12) for (const c of base64Cores(value)) out.add(c);
  return [...out].filter((f) => f.length >= KEY);
}

interface Sealer {
  index: Map<string, { form: string; name: string }[]>;
  /** First two character codes of every form: rules out most positions without a slice. */
  pairs: Set<number>;
}

function sealerOf(vault: Vault): Sealer {
  const index = new Map<string, { form: string; name: string }[]>();
  for (const { value, name } of vault.sealable()) {
    if (!sealWorthy(value)) continue;
    for (const form of forms(value)) {
      const k = form.slice(0, KEY);
      const list = index.get(k);
      if (list) list.push({ form, name });
      else index.set(k, [{ form, name }]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.form.length - a.form.length);
  const pairs = new Set([...index.keys()].map((k) => k.charCodeAt(0) * 65536 + k.charCodeAt(1)));
  return { index, pairs };
}

function sealWith(text: string, s: Sealer): string {
  if (s.index.size === 0 || text.length < KEY) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i + KEY <= text.length; i++) {
    if (!s.pairs.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))) continue;
    const list = s.index.get(text.slice(i, i + KEY));
    const hit = list?.find((f) => text.startsWith(f.form, i));
    if (!hit) continue;
    out += text.slice(last, i) + docRef(hit.name);
    last = i + hit.form.length;
    i = last - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The finished text of a redacted artefact with every known secret replaced, in any encoding. */
export function sealText(text: string, vault: Vault): string {
  return sealWith(text, sealerOf(vault));
}

/** The same, for every string of a structure (a redacted HAR before it is serialised). */
export function sealDeep<T>(value: T, vault: Vault): T {
  const s = sealerOf(vault);
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return sealWith(v, s);
    if (depth > 64 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [sealWith(k, s), walk(x, depth + 1)]));
  };
  return walk(value, 0) as T;
}
