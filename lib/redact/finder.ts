import { encodedForms, type HuntMode } from './forms';
import { hashOf, PrefixHashes, type Hashed } from './rolling';

// The index of every known secret in every encoded form (forms.ts), searched in one pass over
// a text: at each position two character codes rule most starts out, then a lookup by the
// characters that follow gives the forms starting there, longest first. Insertion keeps each
// list in order (binary search), so learning n secrets never re-sorts.
//
// A form is keyed by as many of its first characters as its length allows, in steps (LEVELS):
// a key of four characters alone put every `\u`-escaped form (`\u0065\u0079…`, one character
// of the value per six) and every double-URL-encoded one (`%252F…`) of every secret in one
// list. A page holding hundreds of secrets, such as a web page full of tokens, then paid that
// list's length at each insertion and at every `\u0026` in its text: YouTube's 800 KB watch
// page took minutes. Keyed by up to 64 characters, forms share a list only when they share
// that start. A form longer than the longest key is compared by hash (rolling.ts): a text that
// repeats a long secret's start would otherwise cost the secret's length at every position.

/** Key lengths, longest first; a form is keyed by the longest one it is not shorter than. */
const LEVELS = [64, 32, 16, 8, 4] as const;
const LONG = LEVELS[0];

export interface Form<T> {
  form: string;
  mode: HuntMode;
  owner: T;
  /** For forms longer than LONG (their first LONG characters are their key): their hash, once compared. */
  hashed?: Hashed;
}

export interface Found<T> {
  start: number;
  end: number;
  form: string;
  owner: T;
}

const isWordCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;

/**
 * A whole token: no letter, digit, underscore or non-ASCII character right before or after. Past
 * either end of `s`, charCodeAt gives NaN, which isWordCode refuses: the text's edges are bounds.
 */
function tokenAt(s: string, start: number, end: number): boolean {
  return !isWordCode(s.charCodeAt(start - 1)) && !isWordCode(s.charCodeAt(end));
}

export class FormIndex<T> {
  /** One map per key length (LEVELS, same order): key → forms starting with it, longest first. */
  private readonly byKey = LEVELS.map(() => new Map<string, Form<T>[]>());
  private readonly pairs = new Set<number>();
  /**
   * Each form indexed, with how. Two values can share a form (a password `p w d x` URL-encoded is
   * a cookie's `p%20w%20d%20x`): a form known only as a whole token is indexed again when another
   * value needs it found anywhere; otherwise the cookie glued to a word would be left in the clear.
   */
  private readonly known = new Map<string, HuntMode>();

  /** Indexes `value` in every encoded form, owned by `owner` (what a hit reports). */
  add(value: string, mode: HuntMode, owner: T): void {
    this.addForms(encodedForms(value), mode, owner);
  }

  /** Indexes forms already encoded (forms.ts nestedForms), owned by `owner`. */
  addForms(forms: readonly string[], mode: HuntMode, owner: T): void {
    for (const form of forms) {
      const had = this.known.get(form);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a form indexed twice is found as once (its first entry comes first); skipping saves the entry
      if (had === mode || had === 'anywhere') continue;
      this.known.set(form, mode);
      // forms.ts never yields a form shorter than the shortest key (MIN_TOKEN).
      const level = LEVELS.findIndex((n) => form.length >= n);
      const byKey = this.byKey[level]!;
      const k = form.slice(0, LEVELS[level]);
      this.pairs.add(form.charCodeAt(0) * 65536 + form.charCodeAt(1));
      const list = byKey.get(k);
      const entry: Form<T> = { form, mode, owner };
      if (!list) {
        byKey.set(k, [entry]);
        continue;
      }
      // Longest first: first index whose form is shorter than this one.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.form.length >= form.length) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, entry);
    }
  }

  /**
   * Occurrences in `s`, left to right, the longest form at each position. A form starting inside
   * an earlier hit is reported only when it runs past it (two known values overlapping in the
   * text): skipping it would leave its tail in the clear. Callers merge overlapping hits into one
   * span. Every position is looked at once, as in a text with no hit at all.
   */
  find(s: string): Found<T>[] {
    const out: Found<T>[] = [];
    // Stryker disable next-line ConditionalExpression: an empty index finds nothing anyway; this saves the pass over the text
    if (this.known.size === 0) return out;
    let reach = 0;
    let hashes: PrefixHashes | undefined;
    // The key matched, so a form no longer than its key is there; a longer one is checked past it.
    const startsAt = (f: Form<T>, i: number, key: number): boolean => {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: startsWith says what the matched key or the hash says; they only save the comparison
      if (f.form.length <= LONG) return f.form.length === key || s.startsWith(f.form, i);
      // Hashed when first compared, not when indexed: most forms' keys never occur in any text, and
      // hashing every form of every secret up front was a tenth of a small capture's diagnosis.
      f.hashed ??= hashOf(f.form);
      hashes ??= new PrefixHashes(s);
      return hashes.equals(i, f.hashed);
    };
    // Levels holding no form are skipped, which only saves a slice and a lookup at each position.
    // Near the end of `s` a slice is shorter than its level's keys, so it finds no list.
    // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: an empty level finds nothing anyway
    const used = LEVELS.map((n, level) => ({ n, map: this.byKey[level]! })).filter((l) => l.map.size > 0);
    const at = (i: number): Form<T> | undefined => {
      for (const { n, map } of used) {
        const hit = map
          .get(s.slice(i, i + n))
          ?.find((f) => startsAt(f, i, n) && (f.mode === 'anywhere' || tokenAt(s, i, i + f.form.length)));
        if (hit) return hit;
      }
      return undefined;
    };
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: past the last pair charCodeAt reads NaN, which no pair equals
    for (let i = 0; i + 1 < s.length; i++) {
      // Stryker disable next-line ConditionalExpression: a position whose pair starts no form finds no list; the check saves the lookups
      if (!this.pairs.has(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1))) continue;
      const hit = at(i);
      // Longest first: when the longest form here ends within the hits so far, every one does.
      if (!hit || i + hit.form.length <= reach) continue;
      out.push({ start: i, end: i + hit.form.length, form: hit.form, owner: hit.owner });
      reach = i + hit.form.length;
    }
    return out;
  }
}
