import { entryReader, harWarnings, HarError, HarStreamSplitter, readHar, type HarEntry } from '../../lib/har';

export interface ReadEvents {
  /** The entries were found and more are coming (`total` null), or the file was read whole. */
  start(total: number | null, warnings: string[]): void;
  /** Entries were added to the list. */
  more(): void;
  /** Resolves in a later task, so the worker answers the panel's messages meanwhile. */
  pause(): Promise<void>;
}

/**
 * Reading time between two pauses. A stream whose next piece is already buffered resolves its
 * read() in a microtask: without a pause the whole file was read before the panel's first `next`
 * was even seen, and the first refusal waited for the last byte, as before streaming.
 */
const READ_SLICE_MS = 16;

/**
 * Reads a HAR file into `into`, entry by entry as the file streams in (lib/har/split-stream.ts):
 * the import worker hands the first entries to the panel while the rest is still being read,
 * and the panel's diagnosis of the first chunks overlaps the reading of the last (issue 19).
 * A file the splitter does not read this way (a JSONP wrapper, an odd layout) is read whole with
 * readHar, as before. `alive` turns false when the read was cancelled or replaced.
 *
 * Resolves with the reader's warnings once every entry is in (undefined when read whole: its
 * warnings came with `start`). Rejects with a HarError, pointer included, for a file that is
 * not a HAR; entries already added are the caller's to drop.
 */
export async function readEntries(
  file: Blob,
  into: HarEntry[],
  alive: () => boolean,
  events: ReadEvents,
): Promise<string[] | undefined> {
  const splitter = new HarStreamSplitter();
  const { warn, finish } = harWarnings();
  const reader = entryReader(warn);
  const decoder = new TextDecoder();
  const stream = file.stream().getReader();
  let started = false;
  let since = performance.now();
  try {
    for (;;) {
      if (performance.now() - since > READ_SLICE_MS) {
        await events.pause();
        since = performance.now();
      }
      const { done, value } = await stream.read();
      if (!alive()) return undefined;
      const texts = splitter.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      if (splitter.wholeFile || (done && splitter.end() === null)) break;
      if (!started && splitter.started) {
        started = true;
        events.start(null, []);
      }
      for (const text of texts) into.push(reader.read(parseEntry(text, into.length), into.length));
      if (texts.length > 0) events.more();
      if (done) {
        reader.finish(into.length);
        return finish();
      }
    }
  } finally {
    void stream.cancel().catch(() => undefined);
  }
  // Read whole: what readHar says, as before streaming.
  const { har, warnings } = readHar(await file.text());
  if (!alive()) return undefined;
  into.push(...har.log.entries);
  events.start(into.length, warnings);
  return undefined;
}

function parseEntry(text: string, position: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HarError(`not JSON: ${err instanceof Error ? err.message : String(err)}`, `/log/entries/${position}`);
  }
}
