/**
 * Finds the entries of a HAR file in its text without parsing it (issue 19). The panel's import
 * reads a file as it streams in (split-stream.ts): it finds where the entries start with
 * `entriesStart`, and checks the file's head once it is in with `splitHar` (a key named twice).
 *
 * `head` is the file with its entries array emptied (`[]`): parsing it checks everything around
 * the entries. `spans` holds the [start, end) offsets of each entry's text, in order; each one
 * parses on its own. Parsing `head` and every span gives exactly what JSON.parse(text) gives.
 *
 * Returns null for any layout it does not read with certainty: a key named twice (JSON.parse
 * keeps the last), an entry that is not an object, text between entries other than a comma, a
 * string or bracket left open. The caller then parses the whole file as before: null never
 * loses anything, it only costs the speed-up. Every byte is attacker-controlled: nothing here
 * evaluates, and the scan is linear (each character is looked at a bounded number of times).
 */
export interface HarSplit {
  head: string;
  spans: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
// JSON whitespace only (RFC 8259): \s would also pass a no-break space JSON.parse refuses.
const SPACE = /[ \t\n\r]/;

export function splitHar(text: string): HarSplit | null {
  const walker = new Walker(text);
  let spans: number[] | null = null;
  // Stryker disable next-line UnaryOperator: inLog() sets open before spans, and without spans splitHar returns null before reading it
  let open = -1;
  // Stryker disable next-line UnaryOperator: set beside open, read only when spans is
  let close = -1;
  // Members of "log": the entries array is walked entry by entry, once; any other value skipped.
  const inLog = (name: unknown, at: number): number | null => {
    if (name !== 'entries') return null;
    if (spans || text.charCodeAt(at) !== 0x5b) return -1;
    open = at + 1;
    spans = walker.elements(open);
    close = walker.pos;
    return spans ? close : -1;
  };
  let log = false;
  const inRoot = (name: unknown, at: number): number | null => {
    if (name !== 'log') return null;
    if (log || text.charCodeAt(at) !== 0x7b) return -1;
    log = true;
    return walker.members(at + 1, inLog);
  };
  const start = walker.skipSpace(0);
  if (text.charCodeAt(start) !== 0x7b || walker.members(start + 1, inRoot) < 0 || !spans) return null;
  return { head: text.slice(0, open) + ']' + text.slice(close), spans };
}

/**
 * What to do with a member: the end of its value when the callback walked it itself, -1 to give
 * up on the file, null to have the value skipped.
 */
type OnMember = (name: unknown, valueAt: number) => number | null;

/**
 * Where the entries of a HAR file start (the position after the `[` of log.entries), read from the
 * file's beginning alone: -1 when this text does not show it (yet). Nothing after that bracket is
 * looked at; the whole head is checked once the file is in (see lib/har/split-stream.ts).
 */
export function entriesStart(text: string): number {
  const walker = new Walker(text);
  let open = -1;
  const inLog = (name: unknown, at: number): number | null => {
    if (name !== 'entries') return null;
    if (text.charCodeAt(at) === 0x5b) open = at + 1;
    return -1;
  };
  const inRoot = (name: unknown, at: number): number | null =>
    name !== 'log' ? null : text.charCodeAt(at) === 0x7b ? walker.members(at + 1, inLog) : -1;
  const start = walker.skipSpace(0);
  if (text.charCodeAt(start) === 0x7b) walker.members(start + 1, inRoot);
  return open;
}

/** A cursor over the text that knows strings and brackets, and nothing of what they hold. */
class Walker {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(at: number): number {
    // Past the end charAt is '', which is no space: the end needs no check of its own.
    while (SPACE.test(this.text.charAt(at))) at++;
    return at;
  }

  /** The position after the closing quote of the string opening at `at`, or -1 if none closes it. */
  endOfString(at: number): number {
    let q = at;
    for (;;) {
      q = this.text.indexOf('"', q + 1);
      // Stryker disable next-line EqualityOperator: indexOf from q + 1 >= 1 never finds 0, so `<= 0` reads the same
      if (q < 0) return -1;
      // An even run of backslashes escapes itself, not the quote: only the run's parity counts.
      let escaped = false;
      for (let b = q - 1; this.text.charCodeAt(b) === BACKSLASH; b--) escaped = !escaped;
      if (!escaped) return q + 1;
    }
  }

  /**
   * The end of the value starting at `at` (an object, an array, a string or a scalar), or -1.
   * Containers are matched by depth only: what they hold is checked by whoever parses them.
   */
  endOfValue(at: number): number {
    const c = this.text.charCodeAt(at);
    if (c === QUOTE) return this.endOfString(at);
    if (c !== 0x7b && c !== 0x5b) {
      let e = at;
      while (/[^,}\]\t\n\r ]/.test(this.text.charAt(e))) e++;
      return e > at ? e : -1;
    }
    const text = this.text;
    let depth = 0;
    INTERESTING.lastIndex = at;
    for (;;) {
      const m = INTERESTING.exec(text);
      if (!m) return -1;
      const p = m.index;
      const ch = text.charCodeAt(p);
      if (ch === QUOTE) {
        const end = this.endOfString(p);
        if (end < 0) return -1;
        INTERESTING.lastIndex = end;
      } else if (ch === 0x7b || ch === 0x5b) depth++;
      else if (--depth === 0) return p + 1;
    }
  }

  /**
   * Walks the members of the object whose members start at `inside`, each value handed to
   * `onMember` first; the position after its closing brace, or -1 (also for an empty object:
   * only the root and "log" are walked, and either one empty holds no entries).
   */
  members(inside: number, onMember: OnMember): number {
    let p = this.skipSpace(inside);
    for (;;) {
      if (this.text.charCodeAt(p) !== QUOTE) return -1;
      const keyEnd = this.endOfString(p);
      if (keyEnd < 0) return -1;
      let name: unknown;
      try {
        name = JSON.parse(this.text.slice(p, keyEnd));
      } catch {
        return -1;
      }
      p = this.skipSpace(keyEnd);
      if (this.text.charCodeAt(p) !== 0x3a) return -1;
      p = this.skipSpace(p + 1);
      const end = onMember(name, p) ?? this.endOfValue(p);
      // An end of -1 let through reads charAt(-1), which is neither '}' nor ',': -1 two lines on anyway.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: see above; a value never ends at 0
      if (end < 0) return -1;
      p = this.skipSpace(end);
      const c = this.text.charCodeAt(p);
      if (c === 0x7d) return p + 1;
      if (c !== 0x2c) return -1;
      p = this.skipSpace(p + 1);
    }
  }

  /** The spans of the objects in the array whose elements start at `inside`; sets `pos` after `]`. */
  elements(inside: number): number[] | null {
    const spans: number[] = [];
    let p = this.skipSpace(inside);
    if (this.text.charCodeAt(p) === 0x5d) {
      this.pos = p + 1;
      return spans;
    }
    for (;;) {
      if (this.text.charCodeAt(p) !== 0x7b) return null;
      const end = this.endOfValue(p);
      // An end of -1 let through reads charAt(-1), which is neither ']' nor ',': null two lines on anyway.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: see above; a value never ends at 0
      if (end < 0) return null;
      spans.push(p, end);
      p = this.skipSpace(end);
      const c = this.text.charCodeAt(p);
      if (c === 0x5d) {
        this.pos = p + 1;
        return spans;
      }
      if (c !== 0x2c) return null;
      p = this.skipSpace(p + 1);
    }
  }
}

/** Quotes and brackets: a regex finds the next one far faster than a loop over characters in JS. */
const INTERESTING = /["{}[\]]/g;
