import { Inflate, inflateSync } from 'fflate';
import { DEFAULT_MAX_BYTES } from './limits';

// A zip read under a budget. A zip states each file's size and a hostile one states anything: a
// 2 MB archive can inflate to gigabytes (DEFLATE reaches ~1032:1), and fflate's one-shot
// unzipSync grows its output past the stated size, so a lie is not caught before memory runs
// out. Here the central directory is read directly (APPNOTE.TXT 4.3.12, 4.3.16; Zip64 4.3.14,
// 4.5.3: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) and every wanted file is
// inflated in small pushes, counting the bytes that really come out, so the read stops as soon
// as the budget is spent, whatever the archive claims.

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

/** Thrown when inflating would pass the budget: what it was and why, for one line to the user. */
export class ZipBudgetError extends ZipError {}

export interface ZipLimits {
  /** The most bytes all read files may inflate to, whatever the archive's size (default 512 MiB). */
  maxBytes?: number;
  /** The most they may inflate to as a multiple of the archive's size (default 100). */
  ratio?: number;
  /** Below this many bytes the ratio does not apply (default 64 MiB): a small trace with one very repetitive body is no bomb. */
  floor?: number;
}

const MIB = 1024 * 1024;
export const DEFAULT_RATIO = 100;
const RATIO_FLOOR = 64 * MIB;
// Compressed bytes per push: at most ~16 MiB come out of one push before the budget is checked.
const PUSH = 16 * 1024;
// DEFLATE's largest expansion: a 258-byte match per 2 bits at best (RFC 1951), about 1032:1.
const MAX_DEFLATE_RATIO = 1032;

interface Member {
  name: string;
  method: number;
  compressed: number;
  /** The uncompressed size the archive states: a hint for one allocation, never trusted. */
  size: number;
  headerOffset: number;
}

export interface ZipReader {
  /** Every file name, in central directory order. */
  names: string[];
  /** The inflated bytes of `name` (undefined when the archive has no such file), charged to the budget. */
  read(name: string): Uint8Array | undefined;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
const utf8 = new TextDecoder('utf-8');

function directory(bytes: Uint8Array): Member[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A read past either end throws RangeError (openZip makes it a broken directory): a record or
  // an offset that runs out of the file is never read as a number.
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // End of central directory: the last 22 bytes, before a comment of up to 65535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--)
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipError('no end of central directory');
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const z64 = u64(end - 20 + 8);
    if (u32(end - 20) !== 0x07064b50 || u32(z64) !== 0x06064b50) throw new ZipError('broken Zip64 directory');
    count = u64(z64 + 32);
    offset = u64(z64 + 48);
  }
  const members: Member[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw new ZipError('broken central directory');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise it is CP437, read as Latin-1 as fflate does.
    const name = u16(at + 8) & 0x800 ? utf8.decode(nameBytes) : latin1(nameBytes);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    let headerOffset = u32(at + 42);
    // Zip64 extended information: the 64-bit values, in order, for each field stated as 0xffffffff.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 1) continue;
      let field = x + 4;
      if (size === 0xffffffff) {
        size = u64(field);
        field += 8;
      }
      if (compressed === 0xffffffff) {
        compressed = u64(field);
        field += 8;
      }
      if (headerOffset === 0xffffffff) headerOffset = u64(field);
    }
    members.push({ name, method: u16(at + 10), compressed, size, headerOffset });
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return members;
}

function readDirectory(bytes: Uint8Array): Member[] {
  try {
    return directory(bytes);
  } catch (err) {
    if (err instanceof RangeError) throw new ZipError('broken central directory');
    throw err;
  }
}

/**
 * Opens a zip for reading under a budget: at most min(maxBytes, max(64 MiB, ratio × the archive's
 * size)) inflated bytes over every read. Throws ZipError when the archive cannot be read and
 * ZipBudgetError as soon as a read would pass the budget.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipReader {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const ratio = limits.ratio ?? DEFAULT_RATIO;
  const budget = Math.min(maxBytes, Math.max(limits.floor ?? RATIO_FLOOR, ratio * bytes.length));
  const members = readDirectory(bytes);
  const byName = new Map(members.map((m) => [m.name, m]));
  let spent = 0;

  function over(m: Member): never {
    throw new ZipBudgetError(
      `inflating ${m.name} passes the limit of ${Math.round(budget / MIB)} MiB ` +
        `(the smaller of ${Math.round(maxBytes / MIB)} MiB and ${ratio} times the archive's size)`,
    );
  }

  function charge(m: Member, out: Uint8Array): Uint8Array {
    if (spent + out.length > budget) over(m);
    spent += out.length;
    return out;
  }

  /** Inflates in pushes of PUSH compressed bytes, counting what comes out: stops at the budget. */
  function streamed(m: Member, data: Uint8Array): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (spent + size > budget) over(m);
      chunks.push(chunk);
    });
    for (let at = 0; at < data.length; at += PUSH)
      inflater.push(data.subarray(at, at + PUSH), at + PUSH >= data.length);
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return charge(m, out);
  }

  function inflate(m: Member): Uint8Array {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const header = m.headerOffset;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50)
      throw new ZipError(`${m.name}: broken local header`);
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const data = bytes.subarray(start, start + m.compressed);
    if (data.length < m.compressed) throw new ZipError(`${m.name}: truncated`);
    if (m.method === 0) return charge(m, data);
    if (m.method !== 8) throw new ZipError(`${m.name}: compression method ${m.method} is not supported`);
    // A small member (most of a trace: one file per body) in one call, trusting then checking:
    // into a buffer of the stated size plus one byte, never past what the budget has left (fflate
    // writes nothing beyond a buffer it is given, and one push's worth of input bounds the work).
    // Short of full, that is the file; full or failing, it is streamed and counted like the rest.
    // This path is speed only (bench/trace.ts): skipping it, or giving up on it sooner, streams
    // the member to the same bytes or the same refusal, so the marks below are equivalent. What
    // is not (a full buffer taken as the file) stays live: `once.length < cap`'s operator.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: speed only, see above
    if (data.length <= PUSH) {
      // Stryker disable next-line ArithmeticOperator: a larger cap is refused by charge() with the same message
      const left = budget - spent;
      // Stryker disable next-line ArithmeticOperator,MethodExpression: a wrong cap ends full or short of the file, then streamed
      const cap = Math.min(m.size, MAX_DEFLATE_RATIO * data.length + 1024, left) + 1;
      let once: Uint8Array | null = null;
      // Stryker disable next-line BlockStatement: no one-call result is streamed instead
      try {
        // Stryker disable next-line ObjectLiteral: a buffer of fflate's own size is checked against cap the same way
        once = inflateSync(data, { out: new Uint8Array(cap) });
      } catch {
        // streamed below, which says what is wrong
      }
      // Stryker disable next-line ConditionalExpression: never taking it streams the member instead
      if (once && once.length < cap) return charge(m, once);
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: streaming it reaches the same refusal
      if (once && cap === left + 1) over(m);
    }
    return streamed(m, data);
  }

  return {
    names: members.map((m) => m.name),
    read(name) {
      const m = byName.get(name);
      if (!m) return undefined;
      try {
        return inflate(m);
      } catch (err) {
        if (err instanceof ZipError) throw err;
        throw new ZipError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}
