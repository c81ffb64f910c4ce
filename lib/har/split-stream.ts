import { HarError } from './read';
import { entriesStart, splitHar } from './split';

/**
 * Splits a HAR file into the text of its entries while the file is still being read, so the
 * panel's import can parse and show the first entries while the rest is on its way (issue 19:
 * reading a 150 MB file whole kept the first refusal off screen for two seconds).
 *
 * Feed it the decoded text piece by piece (`push`), then `end()`. It answers with the text of
 * each entry completed so far, in order. It keeps no more than the head of the file (what is
 * around the entries) and the entry in progress; each character is scanned once.
 *
 * Until the first entry, it may decide the file is not one it can read this way (`wholeFile`: a
 * JSONP wrapper, no "entries", a head larger than HEAD_LIMIT): the caller then reads the whole
 * file as before. After it, a file it cannot read is an error (HarError), as JSON.parse would
 * give, with the entry's pointer; `end()` checks the head the way readHar would: it must parse,
 * and "log" and "entries" must be named once (JSON.parse would keep the last of two, which would
 * not be the entries already shown).
 */
export class HarStreamSplitter {
  /** The file's beginning, until the entries are found; then the head before them. */
  private prefix = '';
  private tail = '';
  private phase: 'head' | 'entries' | 'tail' | 'whole-file' = 'head';
  /** Entries completed so far (their count names the next one's pointer). */
  private count = 0;
  /** Between entries: what may come next. */
  private expect: 'first' | 'comma' | 'value' = 'first';
  /** Inside an entry: its pieces, bracket depth, and whether in a string (after a backslash). */
  private parts: string[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;

  /** True once the entries array was found: entries follow, and the file is not read whole. */
  get started(): boolean {
    return this.phase === 'entries' || this.phase === 'tail';
  }

  /** True once the file must be read whole instead (only ever before the first entry). */
  get wholeFile(): boolean {
    return this.phase === 'whole-file';
  }

  /** The entries completed by this piece of text, in file order. */
  push(piece: string): string[] {
    if (this.phase === 'whole-file') return [];
    if (this.phase === 'tail') {
      this.tail += piece;
      return [];
    }
    if (this.phase === 'head') {
      this.prefix += piece;
      const text = this.prefix.charCodeAt(0) === 0xfeff ? this.prefix.slice(1) : this.prefix;
      const open = entriesStart(text);
      // Stryker disable next-line EqualityOperator: entriesStart answers -1 or the offset after a '[' that follows '{', never 0
      if (open < 0) {
        // Not a plain JSON object, or a head this long without entries: leave it to the whole-file reader.
        const first = /\S/.exec(text)?.[0];
        if ((first !== undefined && first !== '{') || this.prefix.length > HEAD_LIMIT) this.phase = 'whole-file';
        return [];
      }
      this.prefix = text.slice(0, open);
      this.phase = 'entries';
      return this.scan(text.slice(open));
    }
    return this.scan(piece);
  }

  /** The file is in: the head with its entries emptied, checked; throws HarError when it is not a HAR. */
  end(): { head: string } | null {
    if (this.phase === 'whole-file' || this.phase === 'head') {
      this.phase = 'whole-file';
      return null;
    }
    if (this.phase === 'entries') throw new HarError('not JSON: the file ends inside its entries', this.pointer());
    const head = `${this.prefix}]${this.tail}`;
    try {
      JSON.parse(head);
    } catch (err) {
      throw new HarError(`not JSON: ${err instanceof Error ? err.message : String(err)}`, '');
    }
    if (!splitHar(head))
      throw new HarError(
        'not a valid HAR: "log" or "entries" is named twice, and readers differ on which to keep',
        '/log',
      );
    return { head };
  }

  private pointer(): string {
    return `/log/entries/${this.count}`;
  }

  private fail(what: string): never {
    throw new HarError(`not JSON: ${what}`, this.pointer());
  }

  /** Scans `text` from the entries' side; returns the entries it completed. */
  private scan(text: string): string[] {
    const done: string[] = [];
    let i = 0;
    let from = -1;
    const n = text.length;
    while (i < n) {
      if (this.depth === 0 && !this.inString && !this.scalar) {
        // Between entries: spaces, then a comma, the end of the array, or the next entry.
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
          i++;
          continue;
        }
        if (c === 0x5d && this.expect !== 'value') {
          this.phase = 'tail';
          this.tail = text.slice(i + 1);
          return done;
        }
        if (c === 0x2c) {
          if (this.expect !== 'comma') this.fail(`a comma where an entry belongs`);
          this.expect = 'value';
          i++;
          continue;
        }
        if (this.expect === 'comma') this.fail(`${JSON.stringify(text[i])} after an entry, where a comma belongs`);
        from = i;
        if (c === 0x7b || c === 0x5b) this.depth = 1;
        else if (c === 0x22) this.inString = true;
        else if (/[-0-9tfn]/.test(text[i]!)) this.scalar = true;
        else this.fail(`${JSON.stringify(text[i])} where an entry belongs`);
        i++;
        continue;
      }
      if (from < 0) from = i;
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        STRING_STOP.lastIndex = i;
        const m = STRING_STOP.exec(text);
        if (!m) {
          i = n;
          break;
        }
        i = m.index + 1;
        if (text.charCodeAt(m.index) === 0x5c) this.escaped = true;
        else {
          this.inString = false;
          if (this.depth === 0) this.complete(done, text, from, i);
        }
        continue;
      }
      if (this.scalar) {
        SCALAR_END.lastIndex = i;
        const m = SCALAR_END.exec(text);
        if (!m) {
          i = n;
          break;
        }
        this.scalar = false;
        this.complete(done, text, from, m.index);
        i = m.index;
        continue;
      }
      BRACKET.lastIndex = i;
      const m = BRACKET.exec(text);
      if (!m) {
        i = n;
        break;
      }
      i = m.index + 1;
      const c = text.charCodeAt(m.index);
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (--this.depth === 0) this.complete(done, text, from, i);
    }
    if (from >= 0 && (this.depth > 0 || this.inString || this.scalar)) this.parts.push(text.slice(from));
    return done;
  }

  private complete(done: string[], text: string, from: number, to: number): void {
    this.parts.push(text.slice(from, to));
    done.push(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    this.parts = [];
    this.count++;
    this.expect = 'comma';
  }
}

/** A head larger than this without entries is read whole (the splitter re-reads its head per piece). */
const HEAD_LIMIT = 4 * 1024 * 1024;
const STRING_STOP = /["\\]/g;
const BRACKET = /["{}[\]]/g;
const SCALAR_END = /[,\]\t\n\r ]/g;
