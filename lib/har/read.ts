import type { Har, HarEntry } from './types';
import { repairEntry, type Warn } from './repair';

/** A HAR that cannot be read, with where: a JSON pointer (RFC 6901) to the bad value. */
export class HarError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(pointer ? `${message} at ${pointer}` : message);
    this.name = 'HarError';
  }
}

/** What was read, and what the reader had to coerce or skip to read it (one short line each). */
export interface HarRead {
  har: Har;
  warnings: string[];
}

// One line per repair is what the contract asks for, but a writer that gets one field wrong gets it wrong
// in every entry: past this many, the rest are counted, not listed.
const MAX_WARNINGS = 50;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The reader's warnings: one line each, up to MAX_WARNINGS, then a count. */
export function harWarnings(): { list: string[]; warn: Warn; finish: () => string[] } {
  const list: string[] = [];
  let extra = 0;
  const warn: Warn = (pointer, what) => {
    if (list.length < MAX_WARNINGS) list.push(`${pointer}: ${what}`);
    else extra++;
  };
  const finish = () => (extra ? [...list, `/log/entries: ${extra} more warnings like these, not listed`] : list);
  return { list, warn, finish };
}

/**
 * Reads entries one at a time, in file order: each is repaired (repair.ts) or skipped in place, and
 * `finish` throws when none of them could be read. readHarValue reads a parsed array with it; the
 * panel's import worker reads a file entry by entry with it, as it parses them (issue 19).
 */
export function entryReader(warn: Warn) {
  let readable = 0;
  let firstSkip: [string, string] | null = null;
  // The first warning is remembered. It is only used when no entry was readable, and then it is the
  // first entry's skip: an unreadable entry says why in one warning, before any other of its own.
  const note: Warn = (pointer, what) => {
    firstSkip ??= [pointer, what];
    warn(pointer, what);
  };
  return {
    read(raw: unknown, i: number): HarEntry {
      const { entry, ok } = repairEntry(raw, `/log/entries/${i}`, note);
      if (ok) readable++;
      return entry;
    },
    /** `total`: how many entries were read. Throws HarError when there were some and none was readable. */
    finish(total: number): void {
      if (total === 0 || readable > 0) return;
      // Every entry was skipped: there is nothing to diagnose, and saying so beats an empty report.
      const [pointer, what] = firstSkip!;
      const n = total === 1 ? 'its only entry cannot' : `none of its ${total} entries can`;
      throw new HarError(`not a valid HAR: ${n} be read (${what.replace(', entry skipped', '')})`, pointer);
    },
  };
}

/**
 * Reads an already-parsed HAR the way real writers produce it: what has one obvious meaning is coerced
 * (a number where a string belongs, a status written as a string, a header value given as an array), what
 * cannot be diagnosed is skipped in place (so entry positions never shift), and each repair is reported.
 * Throws HarError only when nothing in the value can be read. Never mutates `value`: a repaired entry is
 * a copy, an untouched one is passed through as is.
 */
export function readHarValue(value: unknown): HarRead {
  if (!isObject(value)) throw new HarError('not a HAR file: expected a JSON object with a "log"', '');
  if (!('log' in value)) throw new HarError('not a HAR file: no "log" object', '');
  const log = value.log;
  if (!isObject(log)) throw new HarError('not a HAR file: "log" is not an object', '/log');
  const { warn, finish } = harWarnings();
  let entries: unknown[];
  if (log.entries === undefined || log.entries === null) {
    warn('/log/entries', `${log.entries === null ? 'null' : 'missing'}, read as no entries`);
    entries = [];
  } else if (!Array.isArray(log.entries)) {
    // Neither missing, null nor an array here: an object, or a string, number or boolean.
    const got = typeof log.entries === 'object' ? 'an object' : `a ${typeof log.entries}`;
    throw new HarError(`not a valid HAR: "entries" must be an array, got ${got}`, '/log/entries');
  } else entries = log.entries;

  const reader = entryReader(warn);
  let changed = entries !== log.entries;
  const out: HarEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const raw = entries[i];
    const entry = reader.read(raw, i);
    if (entry !== raw) changed = true;
    out.push(entry);
  }
  reader.finish(entries.length);
  const har = (changed ? { ...value, log: { ...log, entries: out } } : value) as unknown as Har;
  return { har, warnings: finish() };
}

// A JSONP wrapper as harviewer's examples and .harp files have: `onInputData({...});`.
const JSONP = /^\s*([A-Za-z_$][\w$.]*)\s*\(([\s\S]*)\)\s*;?\s*$/;

/** Parses HAR text (BOM, JSONP wrapper tolerated) and reads it with readHarValue. */
export function readHar(text: string): HarRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  let wrapper: string | null = null;
  try {
    value = JSON.parse(body);
  } catch (err) {
    const m = JSONP.exec(body);
    let inner: unknown = undefined;
    // Stryker disable next-line ConditionalExpression: without a match, m[2] throws in the try below and is caught like a wrapper around broken JSON
    if (m) {
      try {
        inner = JSON.parse(m[2]!);
        wrapper = m[1]!;
      } catch {
        // not JSON inside the wrapper either: `wrapper` stays null and the parser's reason is given
      }
    }
    if (wrapper === null) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new HarError(`not JSON: ${reason}`, '');
    }
    value = inner;
  }
  const read = readHarValue(value);
  if (wrapper !== null) read.warnings.unshift(`(root): wrapped as ${wrapper}(...) (JSONP), read the JSON inside`);
  return read;
}

/** Parses HAR text; what readHar does, without the warnings. */
export function parseHar(text: string): Har {
  return readHar(text).har;
}

/** Reads an already-parsed value as HAR; what readHarValue does, without the warnings. */
export function toHar(value: unknown): Har {
  return readHarValue(value).har;
}
