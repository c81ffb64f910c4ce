import { createStore } from 'zustand/vanilla';
import { readHar, type Exchange, type HarEntry } from '../../lib';
import { CaptureEngine } from './engine';
import { followEngine } from './follow';
import type { ReplayRecord } from './replays';
import { positionOf, visibleRows, type Filter, type Row } from './rows';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** An import in progress: the panel shows it and stays usable meanwhile. */
export interface ImportProgress {
  file: string;
  done: number;
  /** Null while the file is still being read (it streams in, see panel/import/read-file.ts). */
  total: number | null;
  warnings: string[];
}

export interface PanelState {
  /** Every captured entry, in capture order: rows[i].index === i. Never evicted (issue 19). */
  rows: Row[];
  /** The rows the filter and the search let through, in capture order. */
  visible: Row[];
  /** The flagged rows, in capture order (the session view follows this slice). */
  flagged: Row[];
  filter: Filter;
  search: string;
  selected: number | null;
  preserveLog: boolean;
  /** Rows dropped: always 0 since the panel holds every entry (kept for data-dropped). */
  dropped: number;
  flaggedCount: number;
  importing: ImportProgress | null;
  /**
   * The import whose bodies are still being read for secrets (its generation), or null. Exports
   * and reports wait for it: redaction learns the secrets of the whole log first, and a body
   * let go unread could hold one (CaptureEngine.addAll, `secretsLater`).
   */
  secretsPending: number | null;
  notice: Notice | null;
  /** What the reader coerced or skipped in the last imported file (JSON pointer first); empty otherwise. */
  importWarnings: string[];
  /** The log, its index and the diagnoses; the slices above follow its changes (engine.onChange). */
  engine: CaptureEngine;
  /** Replays per captured entry, newest last. Memory only: typed credentials never persist. */
  replays: Record<number, ReplayRecord[]>;

  /** `secretsLater`: see CaptureEngine.addAll. */
  addEntries(entries: HarEntry[], options?: { secretsLater?: boolean }): number[];
  /** A body read after its entry; `expected` is the exchange it was read for (see CaptureEngine.setBody). */
  setBody(index: number, text: string, encoding: string | undefined, expected?: Exchange): void;
  setFilter(filter: Filter): void;
  setSearch(search: string): void;
  select(index: number | null): void;
  moveSelection(delta: number): void;
  setPreserveLog(on: boolean): void;
  navigated(url: string): void;
  /** `navigation`: keep the cookie-setting context (see CaptureEngine.clear). */
  clear(navigation?: boolean): void;
  /** Imports HAR text in one go (tests, small files); the panel uses the worker steps below. */
  importHar(text: string, fileName: string): boolean;
  /** The file was read and validated: replace the capture with what follows. */
  /** Returns the import's generation, which `secretsRead` names. */
  beginImport(fileName: string, total: number | null, warnings: string[]): number;
  /** The import worker read every body of import `generation` for secrets. */
  secretsRead(generation: number): void;
  /** Adds a chunk of the file; returns the capture indices it got, in file order. */
  importChunk(entries: HarEntry[], done: number): number[];
  /** `warnings`: what the reader said once it read every entry (a file read as it goes in). */
  endImport(warnings?: string[]): void;
  /** The file could not be read: say why and keep the capture as it was. */
  failImport(fileName: string, message: string): void;
  setNotice(notice: Notice | null): void;
  addReplay(index: number, record: ReplayRecord): void;
  /** Adds cookie-setting entries as hidden context and re-reads the refusals. */
  addContext(entries: HarEntry[]): void;
}

/** What the store sets aside with the engine's capture while an import replaces it. */
type Stashed = Pick<
  PanelState,
  'rows' | 'flagged' | 'flaggedCount' | 'selected' | 'replays' | 'importWarnings' | 'secretsPending'
> & { nextIndex: number };

function pick<T, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = from[k];
  return out;
}

/** One store per panel (and per test): a vanilla zustand store, React binds to it thinly. */
export function createPanelStore() {
  return createStore<PanelState>()((set, get) => {
    let nextIndex = 0;
    let importGeneration = 0;
    const engine = new CaptureEngine();
    /** The panel's side of the capture an import in progress replaces (engine.stash). */
    let stashed: Stashed | null = null;

    const slices = followEngine(set, get);
    engine.onChange(slices.follow);
    const flush = slices.flush;
    /** Entries of the import in progress added so far (`importing.done` follows at each paint). */
    let importedSoFar = 0;

    return {
      rows: [],
      visible: [],
      flagged: [],
      filter: 'flagged',
      search: '',
      selected: null,
      preserveLog: false,
      dropped: 0,
      flaggedCount: 0,
      importing: null,
      secretsPending: null,
      notice: null,
      importWarnings: [],
      engine,
      replays: {},

      addEntries(entries, options) {
        const batch = entries.map((entry) => ({ entry, index: nextIndex++ }));
        engine.addAll(batch, options);
        return batch.map((b) => b.index);
      },

      setBody(index, text, encoding, expected) {
        engine.setBody(index, text, encoding, expected);
      },

      setFilter: (filter) => {
        flush();
        set({ filter, visible: visibleRows(get().rows, filter, get().search) });
      },
      setSearch(search) {
        flush();
        const s = get();
        // Typing on narrows what is shown: filter the shown rows, not the whole capture.
        const narrowing = search.toLowerCase().startsWith(s.search.toLowerCase());
        set({ search, visible: visibleRows(narrowing ? s.visible : s.rows, s.filter, search) });
      },
      select: (selected) => set({ selected }),

      moveSelection(delta) {
        flush();
        const { visible, selected } = get();
        if (visible.length === 0) return;
        const pos = selected === null ? -1 : positionOf(visible, selected);
        const at = pos >= 0 && visible[pos]?.index === selected ? pos : -1;
        const last = visible.length - 1;
        let next: number;
        // Home and End (±Infinity) go to the ends even when nothing is selected yet.
        if (delta === -Infinity) next = 0;
        else if (delta === Infinity) next = last;
        else if (at === -1) next = delta > 0 ? 0 : last;
        else next = Math.max(0, Math.min(last, at + delta));
        set({ selected: visible[next]!.index });
      },

      setPreserveLog: (preserveLog) => set({ preserveLog }),

      navigated(url) {
        if (get().preserveLog) set({ notice: { kind: 'info', text: `Navigated to ${url}; log preserved.` } });
        else get().clear(true);
      },

      clear(navigation = false) {
        stashed = null;
        engine.clear(navigation);
        nextIndex = 0;
        set({ selected: null, replays: {}, notice: null, importWarnings: [], secretsPending: null });
      },

      importHar(text, fileName) {
        let entries: HarEntry[];
        let warnings: string[];
        try {
          const read = readHar(text);
          entries = read.har.log.entries;
          warnings = read.warnings;
        } catch (err) {
          get().failImport(fileName, err instanceof Error ? err.message : String(err));
          return false;
        }
        get().beginImport(fileName, entries.length, warnings);
        get().addEntries(entries);
        set({ secretsPending: null });
        get().endImport();
        return true;
      },

      beginImport(fileName, total, warnings) {
        // Set aside, not dropped: the file is read as it goes in, and an entry that does not
        // parse halfway through must leave the capture as it was (failImport).
        const s = get();
        stashed = {
          nextIndex,
          ...pick(s, 'rows', 'flagged', 'flaggedCount', 'selected', 'replays', 'importWarnings', 'secretsPending'),
        };
        engine.stash();
        nextIndex = 0;
        set({ selected: null, replays: {}, notice: null, importWarnings: [], secretsPending: null });
        const generation = ++importGeneration;
        slices.paintNext();
        importedSoFar = 0;
        set({
          importing: { file: fileName, done: 0, total, warnings },
          importWarnings: warnings,
          secretsPending: generation,
        });
        return generation;
      },

      secretsRead(generation) {
        if (get().secretsPending === generation) set({ secretsPending: null });
        if (stashed?.secretsPending === generation) stashed.secretsPending = null;
      },

      importChunk(entries, done) {
        const indices = get().addEntries(entries, { secretsLater: true });
        importedSoFar = done;
        const importing = get().importing;
        if (importing && slices.dueToPaint()) {
          flush();
          set({ importing: { ...importing, done } });
        }
        return indices;
      },

      endImport(warnings) {
        const importing = get().importing;
        if (!importing) return;
        flush();
        const count = importing.total ?? importedSoFar;
        if (importing.done !== count) set({ importing: { ...importing, done: count } });
        stashed = null;
        engine.unstash(false);
        const said = warnings ?? importing.warnings;
        const n = said.length;
        const text = `Imported ${count} entries from ${importing.file}${n ? `, with ${n} warning${n > 1 ? 's' : ''}` : ''}.`;
        set({ importing: null, importWarnings: said, notice: { kind: 'info', text } });
      },

      failImport(fileName, message) {
        // The capture stays as it was, or is put back as it was: a bad file loses nothing.
        const back = stashed;
        stashed = null;
        slices.drop();
        if (back && engine.hasStash) {
          engine.unstash(true);
          const { nextIndex: next, ...slices } = back;
          nextIndex = next;
          const { filter, search } = get();
          set({ ...slices, visible: visibleRows(slices.rows, filter, search) });
        }
        set({ importing: null, notice: { kind: 'error', text: `${fileName}: ${message}` } });
      },

      setNotice: (notice) => set({ notice }),

      addContext: (entries) => engine.addContext(entries),
      addReplay: (index, record) =>
        set({ replays: { ...get().replays, [index]: [...(get().replays[index] ?? []), record] } }),
    };
  });
}

export type PanelStore = ReturnType<typeof createPanelStore>;
