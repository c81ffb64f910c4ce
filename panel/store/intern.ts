import type { HarEntry } from '../../lib';

/** Strings kept in the table at most; past it, new strings are left as they are. */
const MAX_STRINGS = 100_000;
/** Longer strings are rarely repeated byte for byte, and would make the table costly. */
const MAX_LENGTH = 4096;

/**
 * One copy of each repeated header string. A session repeats the same request headers in every
 * call (User-Agent, Accept, sec-ch-ua, Authorization, cookies…), and each captured entry arrives
 * with its own copies: at 20,000 entries they were most of the panel's heap (issue 19). Strings
 * are immutable, so sharing one is invisible to every reader.
 */
export class StringTable {
  private readonly table = new Map<string, string>();

  /** The table's copy of `s` (recorded now if there is room). */
  get(s: string): string {
    if (s.length > MAX_LENGTH) return s;
    const kept = this.table.get(s);
    if (kept !== undefined) return kept;
    if (this.table.size < MAX_STRINGS) this.table.set(s, s);
    return s;
  }

  /** Swaps the entry's header and cookie strings, and a few other repeated fields, for shared copies. */
  internEntry(entry: HarEntry): void {
    const req = entry.request;
    const res = entry.response;
    if (req) {
      this.internPairs(req.headers);
      this.internPairs(req.cookies);
      if (typeof req.method === 'string') req.method = this.get(req.method);
      if (typeof req.httpVersion === 'string') req.httpVersion = this.get(req.httpVersion);
    }
    if (res) {
      this.internPairs(res.headers);
      this.internPairs(res.cookies);
      if (typeof res.statusText === 'string') res.statusText = this.get(res.statusText);
      if (typeof res.httpVersion === 'string') res.httpVersion = this.get(res.httpVersion);
      const content = res.content;
      if (content && typeof content.mimeType === 'string') content.mimeType = this.get(content.mimeType);
    }
  }

  clear(): void {
    this.table.clear();
  }

  private internPairs(list: unknown): void {
    if (!Array.isArray(list)) return;
    for (const pair of list as { name?: unknown; value?: unknown }[]) {
      if (!pair || typeof pair !== 'object') continue;
      if (typeof pair.name === 'string') pair.name = this.get(pair.name);
      if (typeof pair.value === 'string') pair.value = this.get(pair.value);
    }
  }
}
