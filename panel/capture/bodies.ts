import type { PanelStore } from '../store/panel-store';
import type { CapturedRequest } from './host';

/** Bodies are read up to this size: error pages are small, and a 5 MB download is not evidence. */
export const BODY_READ_CAP = 256 * 1024;

/**
 * Reads response bodies through getContent(): flagged entries at once (their body is the
 * evidence), others only when the user selects them. One read at a time keeps DevTools responsive.
 */
export function createBodyLoader(store: PanelStore) {
  const getters = new Map<number, NonNullable<CapturedRequest['getContent']>>();
  const queue: number[] = [];
  let running = false;

  async function read(index: number): Promise<void> {
    const get = getters.get(index);
    if (!get) return;
    getters.delete(index);
    const generation = store.getState().generation;
    try {
      const { text, encoding } = await get();
      if (text === null || text === undefined) return;
      store
        .getState()
        .setBody(
          index,
          text.length > BODY_READ_CAP ? text.slice(0, BODY_READ_CAP) : text,
          encoding || undefined,
          generation,
        );
    } catch {
      // DevTools drops content of old requests; the entry simply keeps "body not captured".
    }
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    while (queue.length > 0) await read(queue.shift()!);
    running = false;
  }

  return {
    track(index: number, request: CapturedRequest, flagged: boolean) {
      if (!request.getContent || typeof request.entry.response?.content?.text === 'string') return;
      getters.set(index, request.getContent);
      if (flagged) {
        queue.push(index);
        void drain();
      }
    },
    /** The user selected an entry: read its body now if we have not yet. */
    load(index: number) {
      if (!getters.has(index)) return;
      queue.unshift(index);
      void drain();
    },
    reset() {
      getters.clear();
      queue.length = 0;
    },
  };
}

export type BodyLoader = ReturnType<typeof createBodyLoader>;
