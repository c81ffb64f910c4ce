import { encodedForms, type HuntMode } from './forms';
import { hashOf, PrefixHashes, type Hashed } from './rolling';

// The index of every known secret in every encoded form (forms.ts), searched in one pass over
// a text: at each position two character codes rule most starts out, then a lookup by the next
// KEY characters gives the forms starting there, longest first. Insertion keeps each list in
// order (binary search), so learning n secrets never re-sorts: the cost is in the text searched.
// A long form is compared by its first LONG characters, then by hash (rolling.ts): a text that
// repeats a long secret's start would otherwise cost the secret's length at every position.

const KEY = 4;
const LONG = 64;

export interface Form<T> {
  form: string;
  mode: HuntMode;
  owner: T;
  /** For forms longer than LONG: their first LONG characters, compared first, and their hash. */
  long?: { head: string; hashed: Hashed };
}

export interface Found<T> {
  start: number;
  end: number;
  form: string;
  owner: T;
}

const isWordCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;

/** A whole token: no letter, digit or underscore right before or after (nor a `%XX` escape after). */
function tokenAt(s: string, start: number, end: number): boolean {
  if (start > 0 && isWordCode(s.charCodeAt(start - 1))) return false;
  if (end < s.length && isWordCode(s.charCodeAt(end))) return false;
  return true;
}

export class FormIndex<T> {
  private readonly byKey = new Map<string, Form<T>[]>();
  private readonly pairs = new Set<number>();
  private readonly known = new Set<string>();

  get size(): number {
    return this.known.size;
  }

  /** Indexes `value` in every encoded form, owned by `owner` (what a hit reports). */
  add(value: string, mode: HuntMode, owner: T): void {
    this.addForms(encodedForms(value), mode, owner);
  }

  /** Indexes given forms (and what each becomes once escaped in an artefact). */
  addEncoded(forms: readonly string[], mode: HuntMode, owner: T): void {
    for (const f of forms) this.addForms(encodedForms(f), mode, owner);
  }

  private addForms(forms: readonly string[], mode: HuntMode, owner: T): void {
    for (const form of forms) {
      if (this.known.has(form)) continue;
      this.known.add(form);
      const k = form.slice(0, KEY);
      this.pairs.add(form.charCodeAt(0) * 65536 + form.charCodeAt(1));
      const list = this.byKey.get(k);
      const entry: Form<T> = { form, mode, owner };
      if (form.length > LONG) entry.long = { head: form.slice(0, LONG), hashed: hashOf(form) };
      if (!list) {
        this.byKey.set(k, [entry]);
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
    if (this.byKey.size === 0) return out;
    let reach = 0;
    let hashes: PrefixHashes | undefined;
    const startsAt = (f: Form<T>, i: number): boolean => {
      if (!f.long) return s.startsWith(f.form, i);
      if (!s.startsWith(f.long.head, i)) return false;
      hashes ??= new PrefixHashes(s);
      return hashes.equals(i, f.long.hashed);
    };
    for (let i = 0; i + KEY <= s.length; i++) {
      if (!this.pairs.has(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1))) continue;
      const list = this.byKey.get(s.slice(i, i + KEY));
      if (!list) continue;
      const hit = list.find((f) => startsAt(f, i) && (f.mode === 'anywhere' || tokenAt(s, i, i + f.form.length)));
      // Longest first: when the longest form here ends within the hits so far, every one does.
      if (!hit || i + hit.form.length <= reach) continue;
      out.push({ start: i, end: i + hit.form.length, form: hit.form, owner: hit.owner });
      reach = i + hit.form.length;
    }
    return out;
  }
}
