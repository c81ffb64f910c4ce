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
  const getters = new Map<number, Read>();
  /** Capture index → position in the imported file. */
  const imported = new Map<number, number>();
  let importSource: ImportedBodies | null = null;
  /** Flagged entries and the one the user opened: read at once. */
  const queue: number[] = [];
  /** Entries whose body may flag them: read at a pace, behind the queue above. */
  const later: number[] = [];
  let running = false;

  function source(index: number): { read: Read; what: string } | null {
    const get = getters.get(index);
    if (get) return { read: get, what: 'DevTools no longer has this body (it drops old ones)' };
    const position = imported.get(index);
    const file = importSource;
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
      if (queue.length > 0) await read(queue.shift()!);
      else if (later.length > 0) {
        await new Promise<void>((r) => pace(r));
        const next = queue.length > 0 ? queue.shift() : later.shift();
        if (next !== undefined) await read(next);
      } else break;
    }
    running = false;
  }

  const reset = () => {
    getters.clear();
    imported.clear();
    importSource?.close();
    importSource = null;
    queue.length = 0;
    later.length = 0;
  };
  // One reset, wherever the clear came from (the Clear button, a navigation, a new import).
  engine.onChange((change) => change.kind === 'cleared' && reset());

  return {
    /** `read`: 'now' for a flagged entry, 'paced' when its body may flag it, 'on-demand' otherwise. */
    track(index: number, request: CapturedRequest, read: 'now' | 'paced' | 'on-demand') {
      if (!request.getContent) return;
      getters.set(index, request.getContent);
      if (read === 'on-demand' || typeof request.entry.response?.content?.text === 'string') return;
      (read === 'now' ? queue : later).push(index);
      void drain();
    },
    /** An import finished its chunks: its bodies are read from `file` from now on. */
    importedFrom(file: ImportedBodies, positions: ReadonlyMap<number, number>) {
      importSource?.close();
      importSource = file;
      for (const [index, position] of positions) imported.set(index, position);
    },
    /** The user selected an entry: read its body now if the panel does not hold it. */
    load(index: number) {
      const state = engine.bodyState(index).kind;
      if (state === 'held' || state === 'gone' || !source(index)) return;
      if (state === 'none' && !getters.has(index)) return;
      queue.unshift(index);
      void drain();
    },
  };
}

export type BodyLoader = ReturnType<typeof createBodyLoader>;
