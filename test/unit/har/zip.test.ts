// openZip, the budgeted zip reader under Playwright traces, on archives real writers made
// (test/fixtures/zip, built by make.py with Info-ZIP zip 3.0 and CPython's zipfile): every
// member comes out byte for byte, whatever layout the writer chose (stored or deflated, small or
// streamed, Zip64 sizes and offsets, extra fields, an archive comment up to its 65,535-byte
// maximum, UTF-8 and Latin-1 names); the budget holds at its exact edge on each inflating path;
// a damaged structure is a ZipError that names it. Damage is done here, to copies of those files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../../lib/har/limits';
import { openZip, ZipBudgetError, ZipError, type ZipLimits } from '../../../lib/har/zip';
import { rawZip } from '../../support/zip-bomb';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'zip');
const FILES = JSON.parse(readFileSync(join(DIR, 'files.json'), 'utf8')) as Record<
  string,
  { size: number; sha256: string }
>;
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const ORDER = ['a.txt', 'empty', 'bytes.bin', 'd/n.json', 'big.txt'];

/** Every member read, as what make.py wrote into it. */
function expectAllKept(bytes: Uint8Array, names: string[], limits?: ZipLimits) {
  const zip = openZip(bytes, limits);
  expect(zip.names).toEqual(names);
  for (const name of names) {
    const got = zip.read(name)!;
    expect(got, name).toBeInstanceOf(Uint8Array);
    expect({ name, size: got.length, sha256: sha256(got) }).toEqual({ name, ...FILES[name] });
  }
}

/** A copy with `patch` applied to a DataView of it (little-endian helpers). */
function damaged(bytes: Uint8Array, patch: (v: DataView, b: Uint8Array) => void): Uint8Array {
  const copy = bytes.slice();
  patch(new DataView(copy.buffer), copy);
  return copy;
}
const find = (b: Uint8Array, sig: number, from = 0) => {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = from; i + 4 <= b.length; i++) if (v.getUint32(i, true) === sig) return i;
  throw new Error(`signature ${sig.toString(16)} not found`);
};
const findLast = (b: Uint8Array, sig: number) => {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = b.length - 4; i >= 0; i--) if (v.getUint32(i, true) === sig) return i;
  throw new Error(`signature ${sig.toString(16)} not found`);
};
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END = 0x06054b50;

function zipError(f: () => unknown): ZipError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ZipError);
    expect((err as Error).name).toBe('ZipError');
    return err as ZipError;
  }
  throw new Error('expected a ZipError');
}

describe('openZip keeps every byte of what real writers wrote', () => {
  it.each([
    [
      'Info-ZIP zip 3.0: extra fields, stored and deflated members, one over 16 KiB compressed, a comment',
      'infozip.zip',
    ],
    ['Info-ZIP zip -fz: a Zip64 end of central directory, sizes in the Zip64 extra field', 'infozip-zip64.zip'],
  ])('%s', (_what, file) => {
    expectAllKept(fixture(file), ORDER);
  });

  it('CPython zipfile with Zip64 fields: both sizes and the header offset, or the offset alone, from the extra field', () => {
    expectAllKept(fixture('python-zip64.zip'), [...ORDER, 'résumé.json']);
  });

  it('a name without the UTF-8 flag is read byte per character (Latin-1), as fflate reads it', () => {
    expectAllKept(fixture('infozip-latin1.zip'), ['café.txt']);
  });

  it('finds the end record before the longest comment a zip can hold (65,535 bytes)', () => {
    const bytes = fixture('python-comment.zip');
    expectAllKept(bytes, ['a.txt']);
    // Its end record sits exactly 22 + 65,535 bytes before the end: the farthest place looked at.
    expect(findLast(bytes, END)).toBe(bytes.length - 22 - 0xffff);
  });

  it('looks no further back than the longest comment: an archive followed by more is not read', () => {
    const bytes = fixture('python-comment.zip');
    // One byte more than a comment can hold after the end record: a file with a zip inside it
    // (this archive with one more byte) is not taken for a zip, and the search stays bounded.
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(zipError(() => openZip(longer)).message).toBe('no end of central directory');
  });

  it('an end record signature inside a comment past its reach, or in the last 21 bytes, is not read', () => {
    const bytes = fixture('infozip.zip');
    const end = findLast(bytes, END);
    // The comment is the file's tail: a second signature in it, 20 bytes from the end, is too late
    // for a 22-byte record, so the real one is still found.
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint32(copy.length - 20, END, true);
    expect(findLast(copy, END)).toBe(copy.length - 20);
    expect(openZip(copy).names).toEqual(ORDER);
    expect(end).toBe(bytes.length - 22 - 'why403 test archive'.length);
  });

  it('an archive with no member is its end record alone, at offset 0 (CPython zipfile)', () => {
    const bytes = fixture('python-empty.zip');
    expect(bytes.length).toBe(22);
    expect(openZip(bytes).names).toEqual([]);
  });

  it('members deflated in stored blocks whose compressed size is exactly two 16 KiB pushes', () => {
    expectAllKept(fixture('python-blocks.zip'), ['blocks.bin']);
  });

  it('a Zip64 end record named by the member count alone (0xffff, as CPython writes past 65,534 members)', () => {
    // Info-ZIP's -fz marks the directory offset; here the offset is stated and the count marked.
    const bytes = damaged(fixture('infozip-zip64.zip'), (v, b) => {
      const end = findLast(b, END);
      const record = Number(v.getBigUint64(end - 20 + 8, true));
      v.setUint16(end + 8, 0xffff, true);
      v.setUint16(end + 10, 0xffff, true);
      v.setUint32(end + 16, Number(v.getBigUint64(record + 48, true)), true);
    });
    expectAllKept(bytes, ORDER);
  });

  it("Zip64 values after another extra field, as Go's archive/zip lays them out (the timestamp first)", () => {
    // Go's writer appends its Zip64 field after the header's own Extra, which holds the extended
    // timestamp (0x5455) whenever Modified is set (src/archive/zip/writer.go); CPython puts Zip64
    // first. Here CPython's Zip64 archive with a 9-byte timestamp field put before each Zip64 one:
    // its compressed size and header offset (0xffffffff in the record) are found past it.
    const src = fixture('python-zip64.zip');
    const v = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const end = findLast(src, END);
    const record = Number(v.getBigUint64(end - 20 + 8, true));
    const count = Number(v.getBigUint64(record + 32, true));
    const offset = Number(v.getBigUint64(record + 48, true));
    const parts: Uint8Array[] = [src.subarray(0, offset)];
    let at = offset;
    for (let i = 0; i < count; i++) {
      const name = v.getUint16(at + 28, true);
      const extra = v.getUint16(at + 30, true);
      const comment = v.getUint16(at + 32, true);
      const head = src.slice(at, at + 46 + name);
      new DataView(head.buffer).setUint16(30, extra + 9, true);
      const stamp = new Uint8Array([0x55, 0x54, 5, 0, 1, 0x80, 0x9c, 0x75, 0x69]);
      parts.push(head, stamp, src.subarray(at + 46 + name, at + 46 + name + extra + comment));
      at += 46 + name + extra + comment;
    }
    const tail = src.slice(at);
    // The locator (20 bytes before the end record) names where the Zip64 end record now sits.
    new DataView(tail.buffer).setBigUint64(end - 20 + 8 - at, BigInt(record + 9 * count), true);
    parts.push(tail);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((n, p) => (bytes.set(p, n), n + p.length), 0);
    expect(bytes.length).toBe(src.length + 9 * count);
    expectAllKept(bytes, [...ORDER, 'résumé.json']);
  });

  it('reads a member again and again, each time whole; an absent name is undefined and costs nothing', () => {
    const zip = openZip(fixture('infozip.zip'), { maxBytes: 2 * 8892, floor: 0 });
    expect(zip.read('nope')).toBeUndefined();
    expect(zip.read('__proto__')).toBeUndefined();
    expect(sha256(zip.read('d/n.json')!)).toBe(FILES['d/n.json']!.sha256);
    expect(sha256(zip.read('d/n.json')!)).toBe(FILES['d/n.json']!.sha256);
    // The third read passes the budget of two.
    expect(() => zip.read('d/n.json')).toThrow(ZipBudgetError);
  });
});

describe('the budget: min(maxBytes, max(floor, ratio × the archive size)), to the byte, on every path', () => {
  const bytes = fixture('infozip.zip');
  // Stored (bytes.bin), one-shot inflate (d/n.json: 4,209 compressed bytes), streamed (big.txt: 40,375).
  const before = 10 + 0 + 3000; // a.txt, empty, bytes.bin
  it.each([
    ['bytes.bin (stored)', ['a.txt', 'empty', 'bytes.bin'], 10 + 3000],
    ['d/n.json (deflated, small: inflated in one call)', ['a.txt', 'empty', 'bytes.bin', 'd/n.json'], before + 8892],
    ['big.txt (deflated, over 16 KiB: inflated in pushes)', ORDER, before + 8892 + 53337],
  ])('%s: read at exactly the budget, refused one byte under it', (_what, names, total) => {
    const last = names.at(-1)!;
    for (const limits of [
      { maxBytes: total, floor: 0, ratio: 1000 },
      { maxBytes: DEFAULT_MAX_BYTES, floor: total, ratio: 0 },
    ]) {
      const zip = openZip(bytes, limits);
      for (const n of names) expect(zip.read(n)!.length).toBe(FILES[n]!.size);
    }
    const zip = openZip(bytes, { maxBytes: total - 1, floor: 0 });
    for (const n of names.slice(0, -1)) zip.read(n);
    const err = zipError(() => zip.read(last));
    expect(err).toBeInstanceOf(ZipBudgetError);
    expect(err.message).toBe(
      `inflating ${last} passes the limit of 0 MiB (the smaller of 0 MiB and 100 times the archive's size)`,
    );
  });

  it('the limits default to 512 MiB, 100 times the archive and a 64 MiB floor, and the message says so', () => {
    // 1 MiB of zeros deflated to about a kilobyte: 1000 times its archive, under the floor.
    const zeros = new Uint8Array(1024 * 1024);
    const tiny = rawZip([{ name: 'z', data: deflateSync(zeros), method: 8, statedSize: zeros.length }]);
    expect(sha256(openZip(tiny).read('z')!)).toBe(sha256(zeros));
    expect(() => openZip(tiny, { floor: 0 }).read('z')).toThrow(
      /^inflating z passes the limit of 0 MiB \(the smaller of 512 MiB and 100 times the archive's size\)$/,
    );
    expect(() => openZip(tiny, { floor: 512 * 1024, ratio: 100 }).read('z')).toThrow(
      /^inflating z passes the limit of 1 MiB \(the smaller of 512 MiB and 100 times/,
    );
    expect(sha256(openZip(tiny, { floor: 0, ratio: Math.ceil((1024 * 1024) / tiny.length) }).read('z')!)).toBe(
      sha256(zeros),
    );
  });

  it('a member whose stated size is too small, or too large, is read whole all the same', () => {
    const data = readFileSync(join(DIR, 'files.json'));
    for (const statedSize of [0, 1, data.length - 1, data.length, data.length + 1, 0x7fffffff]) {
      const zip = openZip(rawZip([{ name: 'f', data: deflateSync(data), method: 8, statedSize }]), {
        maxBytes: data.length,
        floor: 0,
      });
      expect(Buffer.from(zip.read('f')!).equals(data), `stated ${statedSize}`).toBe(true);
    }
  });

  it('a small member that would inflate past what is left is refused, whatever size it states', () => {
    const data = readFileSync(join(DIR, 'files.json'));
    for (const statedSize of [0, data.length, 0x7fffffff]) {
      const zip = openZip(rawZip([{ name: 'f', data: deflateSync(data), method: 8, statedSize }]), {
        maxBytes: data.length - 1,
        floor: 0,
      });
      expect(() => zip.read('f'), `stated ${statedSize}`).toThrow(ZipBudgetError);
    }
  });
});

describe('a damaged archive is a ZipError that says what is broken', () => {
  const good = fixture('infozip.zip');

  it.each([
    ['HAR text', new TextEncoder().encode('{"log":{"entries":[]}}')],
    ['nothing', new Uint8Array(0)],
    ['21 bytes', new Uint8Array(21)],
    ['the archive without its last byte', good.subarray(0, good.length - 'why403 test archive'.length - 1)],
  ])('%s: no end of central directory', (_what, bytes) => {
    expect(zipError(() => openZip(bytes)).message).toBe('no end of central directory');
  });

  it('a central directory record without its signature', () => {
    const bytes = damaged(good, (v, b) => v.setUint32(find(b, CENTRAL, find(b, CENTRAL) + 4), 0, true));
    expect(zipError(() => openZip(bytes)).message).toBe('broken central directory');
  });

  it('a central directory that runs past the end (one member more stated than written)', () => {
    const bytes = damaged(good, (v, b) => {
      const end = findLast(b, END);
      v.setUint16(end + 10, 6, true);
    });
    expect(zipError(() => openZip(bytes)).message).toBe('broken central directory');
  });

  it('a central directory offset past the end', () => {
    const bytes = damaged(good, (v, b) => v.setUint32(findLast(b, END) + 16, b.length - 2, true));
    expect(zipError(() => openZip(bytes)).message).toBe('broken central directory');
  });

  it.each([
    ['its locator', 0x07064b50],
    ['its record', 0x06064b50],
  ])('a Zip64 end of central directory without the signature of %s', (_what, sig) => {
    const bytes = damaged(fixture('infozip-zip64.zip'), (v, b) => v.setUint32(findLast(b, sig), 0, true));
    expect(zipError(() => openZip(bytes)).message).toBe('broken Zip64 directory');
  });

  it('a Zip64 locator pointing past the end', () => {
    const bytes = damaged(fixture('infozip-zip64.zip'), (v, b) =>
      v.setBigUint64(findLast(b, 0x07064b50) + 8, BigInt(b.length - 4), true),
    );
    expect(zipError(() => openZip(bytes)).message).toBe('broken Zip64 directory');
  });

  it('a member whose local header is broken: that member alone fails, by name', () => {
    const second = find(good, LOCAL, 4); // "empty"
    const bytes = damaged(good, (v) => v.setUint32(second, 0, true));
    const zip = openZip(bytes);
    expect(zip.names).toEqual(ORDER);
    expect(zipError(() => zip.read('empty')).message).toBe('empty: broken local header');
    expect(sha256(zip.read('big.txt')!)).toBe(FILES['big.txt']!.sha256);
  });

  it('a header offset too close to the end for a 30-byte header is a broken local header, even at a signature', () => {
    // café.txt's archive given a 40-byte comment, a local header signature planted in it (a
    // comment is anything), and the member's header offset pointed there: nothing past the end is read.
    const base = fixture('infozip-latin1.zip');
    const bytes = new Uint8Array(base.length + 40);
    bytes.set(base);
    const v = new DataView(bytes.buffer);
    v.setUint16(findLast(bytes, END) + 20, 40, true);
    const at = (back: number) =>
      damaged(bytes, (w, b) => {
        w.setUint32(find(b, CENTRAL) + 42, b.length - back, true);
        w.setUint32(b.length - back, LOCAL, true);
      });
    for (const back of [4, 29])
      expect(zipError(() => openZip(at(back)).read('café.txt')).message, `${back} from the end`).toBe(
        'café.txt: broken local header',
      );
    // 30 bytes from the end a header fits (its name and extra lengths read 0): the data does not.
    expect(zipError(() => openZip(at(30)).read('café.txt')).message).toBe('café.txt: truncated');
    const far = damaged(bytes, (w, b) => w.setUint32(find(b, CENTRAL) + 42, b.length + 100, true));
    expect(zipError(() => openZip(far).read('café.txt')).message).toBe('café.txt: broken local header');
    expect(sha256(openZip(bytes).read('café.txt')!)).toBe(FILES['café.txt']!.sha256);
  });

  it('a member whose data runs past the end is truncated', () => {
    // big.txt's compressed size stated one byte larger than the file holds after it.
    const bytes = damaged(good, (v, b) => {
      let at = find(b, CENTRAL);
      for (let i = 0; i < 4; i++) at = find(b, CENTRAL, at + 4);
      const local = v.getUint32(at + 42, true);
      const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
      v.setUint32(at + 20, b.length - start + 1, true);
    });
    expect(zipError(() => openZip(bytes).read('big.txt')).message).toBe('big.txt: truncated');
    // A stored member stated longer than what follows it.
    const stored = rawZip([{ name: 's', data: new Uint8Array([1, 2, 3]), method: 0, statedSize: 3 }]);
    const cut = damaged(stored, (v, b) => v.setUint32(find(b, CENTRAL) + 20, 3 + 1 + b.length, true));
    expect(zipError(() => openZip(cut).read('s')).message).toBe('s: truncated');
  });

  it('a DEFLATE stream cut short is an error, never a shorter file, on both paths', () => {
    // The compressed size stated smaller than the stream: the inflater must be told it has it all.
    const cut = (file: string, name: string, size: (compressed: number) => number) =>
      damaged(fixture(file), (v, b) => {
        let at = find(b, CENTRAL);
        while (new TextDecoder().decode(b.subarray(at + 46, at + 46 + v.getUint16(at + 28, true))) !== name)
          at = find(b, CENTRAL, at + 4);
        v.setUint32(at + 20, size(v.getUint32(at + 20, true)), true);
      });
    for (const [file, name, size] of [
      ['infozip.zip', 'd/n.json', (c: number) => c - 100],
      ['infozip.zip', 'big.txt', (c: number) => c - 100],
      // Cut at exactly two 16 KiB pushes: the second is still the last.
      ['infozip.zip', 'big.txt', () => 16384 * 2],
      ['infozip.zip', 'big.txt', () => 16384 * 2 - 1],
    ] as const) {
      const err = zipError(() => openZip(cut(file, name, size)).read(name));
      expect(err.message, `${name} cut`).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `));
    }
    // 16 KiB exactly: the one-call path, which fails, then one push that is the last.
    const blocks = damaged(fixture('python-blocks.zip'), (v, b) => v.setUint32(find(b, CENTRAL) + 20, 16384, true));
    expect(zipError(() => openZip(blocks).read('blocks.bin')).message).toMatch(/^blocks\.bin: /);
  });

  it('a method other than stored and DEFLATE (bzip2, from zip -Z bzip2) is named', () => {
    const zip = openZip(fixture('infozip-bzip2.zip'));
    expect(zip.names).toEqual(['d/n.json']);
    expect(zipError(() => zip.read('d/n.json')).message).toBe('d/n.json: compression method 12 is not supported');
  });

  it('DEFLATE data that does not inflate is a ZipError naming the member, on both paths', () => {
    for (const name of ['d/n.json', 'big.txt']) {
      const bytes = damaged(good, (v, b) => {
        let at = find(b, CENTRAL);
        while (new TextDecoder().decode(b.subarray(at + 46, at + 46 + v.getUint16(at + 28, true))) !== name)
          at = find(b, CENTRAL, at + 4);
        const local = v.getUint32(at + 42, true);
        const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
        // Block type 3 does not exist (RFC 1951 §3.2.3).
        b[start] = 0x07;
      });
      const err = zipError(() => openZip(bytes).read(name));
      expect(err).not.toBeInstanceOf(ZipBudgetError);
      expect(err.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: \\S`));
    }
  });
});
