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
      if (d.kind === 'jwt') this.rememberPersonal(value);
    } else if (!info.places.includes(hint.where) && info.places.length < MAX_PLACES) {
      info.places.push(hint.where);
    }
    return this.revealed(info.name) ? value : { ref: info.name };
  }

  private rememberPersonal(token: string): void {
    const parts = keptJwtParts(token.replace(/^bearer\s+/i, ''));
    for (const [claim, v] of Object.entries(parts?.droppedClaims ?? {})) {
      if (typeof v === 'string' && !this.personal.has(v))
        this.personal.set(v, { base: `JWT_${claim}`, kind: 'personal', where: `JWT claim ${claim}` });
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
}

// A short or plain-word value ("dark", "enabled") would be "found" all over an artefact.
function isDistinctive(v: string): boolean {
  if (v.length < 8) return false;
  return v.length >= 16 || /[0-9]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)) || /[^A-Za-z0-9]/.test(v);
}
