import { envName } from './names';
import { describeSecret, keptJwtParts } from './describe';
import { basicParts } from './basic';
import { FormIndex, type Found } from './finder';
import { huntMode, nestedForms, spelledPath, type Layer } from './forms';
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
  /** A safe description: JWT claims kept, Basic user when it is not a key, … */
  note: string;
}

export interface SecretHint {
  /** Becomes the name: "authorization" → WHY403_AUTHORIZATION. */
  base: string;
  kind: SecretKind;
  where: string;
}

/** A known value found in a text, possibly in an encoded form (`text` is what the text holds). */
export interface Echo {
  start: number;
  end: number;
  /** The characters found: the value itself or one of its encodings. */
  text: string;
  /** The known value they stand for. */
  value: string;
  hint: SecretHint;
}

const MAX_PLACES = 12;

/**
 * One per artefact, and the one owner of redaction's memory: the same secret value always gets
 * the same placeholder, so a reader still sees "the same token in both requests" without seeing
 * the token. It learns values (and what they imply: a Basic credential's password, a JWT's
 * personal claims), indexes every encoded form of each, and answers the one search both the
 * piece-by-piece sweep and the final seal use. Values stay in memory only; `list()` describes
 * them without them.
 */
export class Vault {
  private readonly byValue = new Map<string, SecretInfo>();
  private readonly byName = new Map<string, string>();
  /** Values implied by others (JWT personal claims), named only when first found in a text. */
  private readonly implied = new Map<string, SecretHint>();
  /** The hint each value was first named with, so another vault can learn it the same way. */
  private readonly hints = new Map<string, SecretHint>();
  /** Next free suffix per base name: a new name costs O(1), never a probe of `_2`, `_3`, … */
  private readonly nextSuffix = new Map<string, number>();
  private readonly forms = new FormIndex<string>();
  /** Texts the closure could not read whole, whatever name they were first learned under. */
  private readonly unreadTexts = new Set<string>();

  /**
   * `reveal`: placeholder names the user chose to show as they are, or 'all' (no redaction).
   * `learnOnly`: a vault that only collects values for another (learn.ts) neither indexes nor
   * hunts them; the vault that renders does, once per value.
   */
  constructor(
    private readonly reveal: ReadonlySet<string> | 'all' = new Set(),
    private readonly learnOnly = false,
  ) {}

  private revealed(name: string): boolean {
    return this.reveal === 'all' || this.reveal.has(name);
  }

  /** Decodings through which values now being learned were found (closure.ts), outermost first. */
  private path: readonly Layer[] = [];
  /** Every such path per value, so another vault can learn the same forms. */
  private readonly paths = new Map<string, Set<string>>();

  /** What pays for the forms of values found through `\u` layers (forms.ts nestedForms). */
  private take: ((n: number) => boolean) | undefined;
  /** A value's forms were refused payment: what it was found in cannot be vouched for. */
  private refused = false;

  /**
   * Runs `learn` with `path` as the decodings that led to the values it finds. `take` (the
   * closure's budget) pays for the forms of those found through `\u` layers; whether it refused
   * is asked with unpaid().
   */
  within<R>(path: readonly Layer[], learn: () => R, take?: (n: number) => boolean): R {
    const outer = this.path;
    const outerTake = this.take;
    this.path = path;
    this.take = take;
    try {
      return learn();
    } finally {
      this.path = outer;
      this.take = outerTake;
    }
  }

  /** Whether forms went unpaid since last asked (the closure then withholds its root text). */
  unpaid(): boolean {
    const r = this.refused;
    this.refused = false;
    return r;
  }

  private learnPath(value: string, kind: SecretKind): void {
    const key = this.path.join('>');
    let set = this.paths.get(value);
    // Stryker disable next-line ConditionalExpression: speed only: the index keeps each form once
    if (set?.has(key)) return;
    if (!set) this.paths.set(value, (set = new Set()));
    set.add(key);
    const mode = huntMode(value, kind);
    if (!mode) return;
    if (this.learnOnly) {
      // Only paid for here: the vault that renders builds the same forms from the same paths.
      if (this.take && spelledPath(value, this.path) && nestedForms(value, this.path, this.take) === null) {
        // Not passed on (learned()): the vault that renders would build them unpaid.
        set.delete(key);
        this.refused = true;
      }
      return;
    }
    this.forms.addForms(nestedForms(value, this.path, this.take)!, mode, value);
  }

  /** The piece to write in place of `value`: a reference, or the value when revealed. */
  secret(value: string, hint: SecretHint): Piece {
    if (value === '') return '';
    if (hint.kind === 'unread' && !this.unreadTexts.has(value)) {
      this.unreadTexts.add(value);
      // Passed on by learned() even when the text was first learned under another name.
      this.hints.set(value, hint);
    }
    if (this.path.length > 0) this.learnPath(value, this.byValue.get(value)?.kind ?? hint.kind);
    let info = this.byValue.get(value);
    if (!info) {
      const name = this.allocate(`WHY403_${envName(hint.base)}`);
      const d = describeSecret(value, hint.kind);
      info = { name, kind: d.kind, places: [hint.where], length: value.length, note: d.note };
      this.byValue.set(value, info);
      this.byName.set(name, value);
      this.hints.set(value, hint);
      this.index(value, hint.kind);
      this.learnImplied(value, d.kind, hint);
    } else {
      if (info.places.length < MAX_PLACES && !info.places.includes(hint.where)) info.places.push(hint.where);
      // First seen as a plain token (a Basic credential in prose is found by its shape first),
      // now known as Basic: what it implies, its password, is learned too, whatever the order.
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: learned again, a known Basic credential would only add places to its password
      if (hint.kind === 'basic' && info.kind !== 'basic') this.learnImplied(value, 'basic', hint);
    }
    return this.revealed(info.name) ? value : { ref: info.name };
  }

  private index(value: string, kind: SecretKind): void {
    if (this.learnOnly) return;
    const mode = huntMode(value, kind);
    if (mode) this.forms.add(value, mode, value);
  }

  /**
   * What a value implies: a JWT's personal claims (hunted where echoed, named when found), a
   * Basic credential's decoded password, and its user when the user is a key (`sk_live_…:`).
   */
  private learnImplied(value: string, kind: SecretKind, hint: SecretHint): void {
    const token = value.replace(/^(bearer|basic)\s+/i, '');
    if (kind === 'jwt') {
      for (const [claim, v] of Object.entries(keptJwtParts(token)?.droppedClaims ?? {})) {
        if (typeof v !== 'string' || this.implied.has(v) || this.byValue.has(v)) continue;
        this.implied.set(v, { base: `JWT_${claim}`, kind: 'personal', where: `JWT claim ${claim}` });
        // Stryker disable next-line StringLiteral: `personal` is no field kind: a claim is hunted only when distinctive, as any unnamed kind
        this.index(v, 'personal');
      }
      return;
    }
    // Stryker disable next-line Regex: `basic ` anywhere but the start leaves a token basicParts refuses (it holds a space)
    if (kind !== 'basic' && !/^basic\s/i.test(value)) return;
    const pair = basicParts(token);
    if (!pair) return;
    const base = `${hint.base}_`;
    this.secret(pair.password, { base: `${base}PASSWORD`, kind: 'password', where: `${hint.where} (password)` });
    if (!pair.userShown)
      this.secret(pair.user, { base: `${base}USER`, kind: 'api-key', where: `${hint.where} (user, key-shaped)` });
  }

  private allocate(base: string): string {
    let n = this.nextSuffix.get(base);
    // Stryker disable next-line ConditionalExpression: a base with a counter was given out, so byName has it
    if (n === undefined && !this.byName.has(base)) {
      this.nextSuffix.set(base, 2);
      return base;
    }
    n ??= 2;
    // Only a base that itself ends in `_<n>` can collide with a suffixed name; the counter
    // moves forward, so the loop runs once per name in total.
    while (this.byName.has(`${base}_${n}`)) n++;
    this.nextSuffix.set(base, n + 1);
    return `${base}_${n}`;
  }

  /** Every placeholder, in order of discovery. */
  list(): SecretInfo[] {
    return [...this.byValue.values()].map((s) => ({ ...s, places: [...s.places] }));
  }

  info(name: string): SecretInfo | undefined {
    // '' is never a value (secret('') names nothing), so a name never given finds nothing.
    return this.byValue.get(this.byName.get(name) ?? '');
  }

  /** The real value, for the panel's explicit "reveal" and for tests. Never serialised. */
  valueOf(name: string): string | undefined {
    return this.byName.get(name);
  }

  /**
   * Where known values occur in `s`, in any encoded form, the longest at each position; a value
   * starting inside another's hit and running past it is reported too (spans.ts merges them). One
   * pass over `s`: linear in `s` however many secrets the log holds.
   */
  hunt(s: string): Echo[] {
    return this.forms.find(s).map((f: Found<string>) => ({
      start: f.start,
      end: f.end,
      text: f.form,
      value: f.owner,
      // Every hunted form belongs to a value learned (byValue) or implied by one (implied).
      hint: this.implied.get(f.owner) ?? { base: 'SECRET', kind: this.byValue.get(f.owner)!.kind, where: 'echo' },
    }));
  }

  /**
   * The one placeholder for a text the closure could not read whole (kind `unread`), or null:
   * every entry point of redaction (body, header, URL, sweep) asks before reading a text.
   */
  unread(text: string, where: string): Piece | null {
    if (!this.unreadTexts.has(text)) return null;
    // Stryker disable next-line StringLiteral: the text is known already: its first name and kind stand, only the place is added
    return this.secret(text, { base: 'UNREAD', kind: 'unread', where });
  }

  /** The placeholder name a final seal writes for a found value; null when the user revealed it. */
  sealName(value: string, hint: SecretHint): string | null {
    const piece = this.secret(value, hint);
    return typeof piece === 'string' ? null : piece.ref;
  }

  /** Every value, the hint it was first named with and the decodings it was found through. */
  learned(): { value: string; hint: SecretHint; paths: Layer[][] }[] {
    return [...this.hints].map(([value, hint]) => ({
      value,
      hint,
      paths: [...(this.paths.get(value) ?? [])].map((p) => p.split('>') as Layer[]),
    }));
  }
}
