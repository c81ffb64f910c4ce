import type { PanelStore } from '../store/panel-store';
import type { CapturedRequest } from './host';

/** Bodies are read up to this size: error pages are small, and a 5 MB download is not evidence. */
export const BODY_READ_CAP = 256 * 1024;

type Read = () => Promise<{ text: string | null; encoding?: string }>;

/**
 * Gap between two reads of bodies that only *may* flag their entry (any 4xx, a JSON POST…).
 * Each getContent() is a round trip through DevTools to the browser: read at once, a burst of
 * 2,000 refused-looking calls cost 2,000 of them while the page was still loading, and the
 * page's burst took a third longer than with a panel that reads nothing (issue 19). Paced, they
 * run behind the burst at most 20 a second; flagged entries and the one the user opened go first.
 */
export const MAY_FLAG_GAP_MS = 50;

/** Where an imported file's bodies can be read again (the import worker keeps the parsed file). */
export interface ImportedBodies {
  read(position: number): Promise<{ text: string | null; encoding?: string }>;
  close(): void;
}

/**
 * Reads response bodies the panel does not hold: live ones through getContent() (flagged entries
 * at once, their body is the evidence; others when the user opens them), imported ones from the
 * import worker. One read at a time keeps DevTools responsive. A body that cannot be read again
 * is marked gone, and the detail view says so.
 */
export function createBodyLoader(
  store: PanelStore,
  pace: (next: () => void) => void = (next) => setTimeout(next, MAY_FLAG_GAP_MS),
) {
  const { engine } = store.getState();
  /** What the loader knows of one capture; set aside with it while an import replaces it. */
  const fresh = () => ({
    getters: new Map<number, Read>(),
    /** Capture index → position in the imported file. */
    imported: new Map<number, number>(),
    importSource: null as ImportedBodies | null,
    /** Flagged entries and the one the user opened: read at once. */
    queue: [] as number[],
    /** Entries whose body may flag them: read at a pace, behind the queue above. */
    later: [] as number[],
  });
  let now = fresh();
  let aside: ReturnType<typeof fresh> | null = null;
  let running = false;

  function source(index: number): { read: Read; what: string } | null {
    const get = now.getters.get(index);
    if (get) return { read: get, what: 'DevTools no longer has this body (it drops old ones)' };
    const position = now.imported.get(index);
    const file = now.importSource;
    if (position !== undefined && file)
      return { read: () => file.read(position), what: 'the imported file could not give it back' };
    return null;
  }

  async function read(index: number): Promise<void> {
    const x = engine.exchange(index);
    const from = source(index);
    if (!x || !from) return;
    try {
      const { text, encoding } = await from.read();
      if (text === null || text === undefined) {
        if (engine.bodyState(index).kind === 'away') engine.bodyGone(index, from.what);
        return;
      }
      // `x` names the entry the read was for: after a clear the index is another entry's.
      store
        .getState()
        .setBody(index, text.length > BODY_READ_CAP ? text.slice(0, BODY_READ_CAP) : text, encoding || undefined, x);
    } catch {
      if (engine.exchange(index) === x && engine.bodyState(index).kind === 'away') engine.bodyGone(index, from.what);
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    for (;;) {
      if (now.queue.length > 0) await read(now.queue.shift()!);
      else if (now.later.length > 0) {
        await new Promise<void>((r) => pace(r));
        const next = now.queue.length > 0 ? now.queue.shift() : now.later.shift();
        if (next !== undefined) await read(next);
      } else break;
    }
    running = false;
  }

  const drop = (state: ReturnType<typeof fresh> | null) => state?.importSource?.close();
  // One reset, wherever the clear came from (the Clear button, a navigation, a new import); an
  // import sets the capture aside until it is in, and the bodies' sources with it.
  engine.onChange((change) => {
    if (change.kind === 'cleared') {
      drop(aside);
      if (change.stashed) aside = now;
      else {
        drop(now);
        aside = null;
      }
      now = fresh();
    } else if (change.kind === 'unstashed') {
      if (change.restored && aside) {
        drop(now);
        now = aside;
      } else drop(aside);
      aside = null;
    }
  });

  return {
    /** `read`: 'now' for a flagged entry, 'paced' when its body may flag it, 'on-demand' otherwise. */
    track(index: number, request: CapturedRequest, read: 'now' | 'paced' | 'on-demand') {
      if (!request.getContent) return;
      now.getters.set(index, request.getContent);
      if (read === 'on-demand' || typeof request.entry.response?.content?.text === 'string') return;
      (read === 'now' ? now.queue : now.later).push(index);
      void drain();
    },
    /** An import finished its chunks: its bodies are read from `file` from now on. */
    importedFrom(file: ImportedBodies, positions: ReadonlyMap<number, number>) {
      now.importSource?.close();
      now.importSource = file;
      for (const [index, position] of positions) now.imported.set(index, position);
    },
    /** The user selected an entry: read its body now if the panel does not hold it. */
    load(index: number) {
      const state = engine.bodyState(index).kind;
      if (state === 'held' || state === 'gone' || !source(index)) return;
      if (state === 'none' && !now.getters.has(index)) return;
      now.queue.unshift(index);
      void drain();
    },
  };
}

export type BodyLoader = ReturnType<typeof createBodyLoader>;
