import { envName } from './names';
import { describeSecret, keptJwtParts } from './describe';
import type { Piece } from './pieces';
import type { SecretKind } from './kinds';

export type { SecretKind } from './kinds';

/** What a placeholder stands for, safe to print: never the value, never a signature. */
export interface SecretInfo {
  /** Environment variable / placeholder name, e.g. WHY403_AUTHORIZATION. */
  name: string;
  kind: SecretKind;
  /** Where it was first seen ("request header Authorization"), then every other place. */
  places: string[];
  length: number;
  /** A safe description: JWT claims kept, Basic user, … */
  note: string;
}

export interface SecretHint {
  /** Becomes the name: "authorization" → WHY403_AUTHORIZATION. */
  base: string;
  kind: SecretKind;
  where: string;
}

const MAX_PLACES = 12;

/**
 * One per artefact: the same secret value always gets the same placeholder, so a reader
 * still sees "the same token in both requests" without seeing the token. Values stay in
 * memory only; `list()` describes them without them.
 */
export class Vault {
  private readonly byValue = new Map<string, SecretInfo>();
  private readonly byName = new Map<string, string>();
  /** Personal claims of JWTs seen (sub, email, name…): hunted down wherever they are echoed. */
  private readonly personal = new Map<string, SecretHint>();
  /** The hint each value was first named with, so another vault can learn it the same way. */
  private readonly hints = new Map<string, SecretHint>();
  /** Distinctive values by their first KEY characters, rebuilt when a value is added. */
  private index: Map<string, string[]> | null = null;
  private readonly pairs = new Set<number>();

  /** `reveal`: placeholder names the user chose to show as they are, or 'all' (no redaction). */
  constructor(private readonly reveal: ReadonlySet<string> | 'all' = new Set()) {}

  private revealed(name: string): boolean {
    return this.reveal === 'all' || this.reveal.has(name);
  }

  /** The piece to write in place of `value`: a reference, or the value when revealed. */
  secret(value: string, hint: SecretHint): Piece {
    if (value === '') return '';
    let info = this.byValue.get(value);
    if (!info) {
      const name = this.allocate(`WHY403_${envName(hint.base)}`);
      const d = describeSecret(value, hint.kind);
      info = { name, kind: d.kind, places: [hint.where], length: value.length, note: d.note };
      this.byValue.set(value, info);
      this.byName.set(name, value);
      this.hints.set(value, hint);
      this.indexValue(value);
      if (d.kind === 'jwt') this.rememberPersonal(value);
    } else if (!info.places.includes(hint.where) && info.places.length < MAX_PLACES) {
      info.places.push(hint.where);
    }
    return this.revealed(info.name) ? value : { ref: info.name };
  }

  private rememberPersonal(token: string): void {
    const parts = keptJwtParts(token.replace(/^bearer\s+/i, ''));
    for (const [claim, v] of Object.entries(parts?.droppedClaims ?? {})) {
      if (typeof v === 'string' && !this.personal.has(v)) {
        this.personal.set(v, { base: `JWT_${claim}`, kind: 'personal', where: `JWT claim ${claim}` });
        this.indexValue(v);
      }
    }
  }

  private allocate(base: string): string {
    if (!this.byName.has(base)) return base;
    for (let i = 2; ; i++) if (!this.byName.has(`${base}_${i}`)) return `${base}_${i}`;
  }

  /** Every placeholder, in order of discovery. */
  list(): SecretInfo[] {
    return [...this.byValue.values()].map((s) => ({ ...s, places: [...s.places] }));
  }

  info(name: string): SecretInfo | undefined {
    const value = this.byName.get(name);
    return value === undefined ? undefined : this.byValue.get(value);
  }

  /** The real value, for the panel's explicit "reveal" and for tests. Never serialised. */
  valueOf(name: string): string | undefined {
    return this.byName.get(name);
  }

  /** Known values worth hunting for elsewhere (echoes in bodies, URLs), longest first. */
  sweepable(): { value: string; hint: SecretHint }[] {
    const out: { value: string; hint: SecretHint }[] = [];
    for (const [value, info] of this.byValue)
      if (isDistinctive(value)) out.push({ value, hint: { base: 'SECRET', kind: info.kind, where: 'echo' } });
    for (const [value, hint] of this.personal)
      if (isDistinctive(value) && !this.byValue.has(value)) out.push({ value, hint });
    return out.sort((a, b) => b.value.length - a.value.length);
  }

  /**
   * Where known values occur in `s`, longest first at each position. One pass over `s` with a
   * lookup by the next KEY characters: linear in `s` however many secrets the log holds.
   */
  hunt(s: string): { start: number; end: number; value: string; hint: SecretHint }[] {
    if (this.index === null) {
      this.index = new Map();
      for (const { value } of this.sweepable()) this.indexValue(value);
    }
    const out: { start: number; end: number; value: string; hint: SecretHint }[] = [];
    if (this.index.size === 0) return out;
    for (let i = 0; i + KEY <= s.length; i++) {
      // Most positions start no known value: two character codes rule them out without a slice.
      if (!this.pairs.has(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1))) continue;
      const list = this.index.get(s.slice(i, i + KEY));
      const value = list?.find((v) => s.startsWith(v, i));
      if (value === undefined) continue;
      const info = this.byValue.get(value);
      const hint = info ? { base: 'SECRET', kind: info.kind, where: 'echo' } : this.personal.get(value)!;
      out.push({ start: i, end: i + value.length, value, hint });
      i += value.length - 1;
    }
    return out;
  }

  private indexValue(value: string): void {
    if (this.index === null || !isDistinctive(value)) return;
    const k = value.slice(0, KEY);
    this.pairs.add(value.charCodeAt(0) * 65536 + value.charCodeAt(1));
    const list = this.index.get(k);
    if (!list) this.index.set(k, [value]);
    else if (!list.includes(value)) {
      list.push(value);
      list.sort((a, b) => b.length - a.length);
    }
  }

  /** Every value and the hint it was first named with, in order of discovery. */
  learned(): { value: string; hint: SecretHint }[] {
    return [...this.hints].map(([value, hint]) => ({ value, hint }));
  }

  /** Values a final sweep must not let through: every secret not revealed by the user. */
  sealable(): { value: string; name: string }[] {
    const out: { value: string; name: string }[] = [];
    for (const [value, info] of this.byValue) if (!this.revealed(info.name)) out.push({ value, name: info.name });
    for (const [value, hint] of [...this.personal]) {
      if (this.byValue.has(value)) continue;
      const name = this.secret(value, hint);
      if (typeof name !== 'string') out.push({ value, name: name.ref });
    }
    return out;
  }
}

/** Known values are looked up by their first characters (every distinctive value has 8 or more). */
const KEY = 6;

// A short or plain-word value ("dark", "enabled") would be "found" all over an artefact.
function isDistinctive(v: string): boolean {
  if (v.length < 8) return false;
  return v.length >= 16 || /[0-9]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)) || /[^A-Za-z0-9]/.test(v);
}
