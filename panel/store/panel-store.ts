import { createStore } from 'zustand/vanilla';
import { readHar, type HarEntry } from '../../lib';
import { CaptureEngine } from './engine';
import type { ReplayRecord } from './replays';
import { evictionVictims, toRow, visibleRows, type Filter, type Row } from './rows';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** An import in progress: the panel shows it and stays usable meanwhile. */
export interface ImportProgress {
  file: string;
  done: number;
  total: number;
  /** The capture's dropped count when the import began, to report what this import dropped. */
  droppedBefore: number;
  droppedFlaggedBefore: number;
  warnings: string[];
}

export interface PanelState {
  rows: Row[];
  visible: Row[];
  filter: Filter;
  search: string;
  selected: number | null;
  preserveLog: boolean;
  maxEntries: number;
  dropped: number;
  /** Of `dropped`, how many were flagged (only when flagged entries alone exceed the bound). */
  droppedFlagged: number;
  flaggedCount: number;
  importing: ImportProgress | null;
  notice: Notice | null;
  /** What the reader coerced or skipped in the last imported file (JSON pointer first); empty otherwise. */
  importWarnings: string[];
  /** Bumped when a diagnosis changes in place (late preflight, body fetched). */
  version: number;
  /** Bumped by clear(): indices restart at 0, so late answers for old indices are dropped. */
  generation: number;
  engine: CaptureEngine;
  /** Replays per captured entry, newest last. Memory only: typed credentials never persist. */
  replays: Record<number, ReplayRecord[]>;

  addEntries(entries: HarEntry[]): number[];
  setBody(index: number, text: string, encoding: string | undefined, generation: number): void;
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
  beginImport(fileName: string, total: number, warnings: string[]): void;
  importChunk(entries: HarEntry[], done: number): void;
  endImport(): void;
  /** The file could not be read: say why and keep the capture as it was. */
  failImport(fileName: string, message: string): void;
  setNotice(notice: Notice | null): void;
  addReplay(index: number, record: ReplayRecord): void;
  /** Adds cookie-setting entries as hidden context and re-reads the refusals. */
  addContext(entries: HarEntry[]): void;
}

export interface StoreOptions {
  maxEntries?: number;
}

/** One store per panel (and per test): a vanilla zustand store, React binds to it thinly. */
export function createPanelStore(options: StoreOptions = {}) {
  return createStore<PanelState>()((set, get) => {
    let nextIndex = 0;

    const recompute = (rows: Row[], patch: Partial<PanelState> = {}) => {
      const s = { ...get(), ...patch };
      set({
        ...patch,
        rows,
        visible: visibleRows(rows, s.filter, s.search),
        flaggedCount: rows.reduce((n, r) => n + (r.flagged ? 1 : 0), 0),
      });
    };

    const evictIfNeeded = (rows: Row[]): Row[] => {
      const { maxEntries, engine } = get();
      if (rows.length <= maxEntries) return rows;
      // Drop to 90 % of the bound so eviction (an index rebuild) happens once per burst.
      const victims = evictionVictims(rows, rows.length - Math.floor(maxEntries * 0.9));
      engine.retain((i) => !victims.has(i));
      const flaggedVictims = rows.reduce((n, r) => n + (r.flagged && victims.has(r.index) ? 1 : 0), 0);
      set({ dropped: get().dropped + victims.size, droppedFlagged: get().droppedFlagged + flaggedVictims });
      return rows.filter((r) => !victims.has(r.index));
    };

    return {
      rows: [],
      visible: [],
      filter: 'flagged',
      search: '',
      selected: null,
      preserveLog: false,
      maxEntries: options.maxEntries ?? 5000,
      dropped: 0,
      droppedFlagged: 0,
      flaggedCount: 0,
      importing: null,
      notice: null,
      importWarnings: [],
      version: 0,
      generation: 0,
      engine: new CaptureEngine(),
      replays: {},

      addEntries(entries) {
        const { engine } = get();
        const added: number[] = [];
        const fresh: Row[] = [];
        const preflightUrls = new Set<string>();
        for (const entry of entries) {
          const index = nextIndex++;
          const { diagnosis, exchange } = engine.add(entry, index);
          fresh.push(toRow(diagnosis, exchange.isPreflight));
          if (exchange.isPreflight) preflightUrls.add(exchange.rawUrl);
          added.push(index);
        }
        let rows = [...get().rows, ...fresh];
        if (preflightUrls.size > 0) {
          const refreshed = new Map<number, Row>();
          for (const url of preflightUrls) {
            for (const i of engine.requestsTo(url)) {
              const d = engine.rediagnose(i);
              if (d) refreshed.set(i, toRow(d, false));
            }
          }
          rows = rows.map((r) => refreshed.get(r.index) ?? r);
        }
        rows = evictIfNeeded(rows);
        recompute(rows, { version: get().version + 1 });
        return added;
      },

      setBody(index, text, encoding, generation) {
        if (generation !== get().generation) return;
        const d = get().engine.setBody(index, text, encoding);
        if (!d) return;
        const rows = get().rows.map((r) => (r.index === index ? toRow(d, r.preflight) : r));
        recompute(rows, { version: get().version + 1 });
      },

      setFilter: (filter) => recompute(get().rows, { filter }),
      setSearch: (search) => recompute(get().rows, { search }),
      select: (selected) => set({ selected }),

      moveSelection(delta) {
        const { visible, selected } = get();
        if (visible.length === 0) return;
        const at = visible.findIndex((r) => r.index === selected);
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
        get().engine.clear(navigation);
        nextIndex = 0;
        recompute([], {
          selected: null,
          dropped: 0,
          droppedFlagged: 0,
          replays: {},
          version: get().version + 1,
          generation: get().generation + 1,
          notice: null,
          importWarnings: [],
        });
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
        get().importChunk(entries, entries.length);
        get().endImport();
        return true;
      },

      beginImport(fileName, total, warnings) {
        get().clear();
        const { dropped, droppedFlagged } = get();
        set({
          importing: {
            file: fileName,
            done: 0,
            total,
            droppedBefore: dropped,
            droppedFlaggedBefore: droppedFlagged,
            warnings,
          },
          importWarnings: warnings,
        });
      },

      importChunk(entries, done) {
        get().addEntries(entries);
        const importing = get().importing;
        if (importing) set({ importing: { ...importing, done } });
      },

      endImport() {
        const importing = get().importing;
        if (!importing) return;
        set({ importing: null, notice: { kind: 'info', text: importSummary(importing, get()) } });
      },

      failImport(fileName, message) {
        // The current capture stays as it was: a bad file loses nothing.
        set({ importing: null, notice: { kind: 'error', text: `${fileName}: ${message}` } });
      },

      setNotice: (notice) => set({ notice }),

      addContext(entries) {
        const { engine } = get();
        engine.addContext(entries);
        const rows = get().rows.map((r) => {
          if (!r.flagged) return r;
          const d = engine.rediagnose(r.index);
          return d ? toRow(d, r.preflight) : r;
        });
        recompute(rows, { version: get().version + 1 });
      },
      addReplay: (index, record) =>
        set({ replays: { ...get().replays, [index]: [...(get().replays[index] ?? []), record] } }),
    };
  });
}

export type PanelStore = ReturnType<typeof createPanelStore>;

/** Says exactly what an import kept and what the capture bound dropped. */
function importSummary(imp: ImportProgress, s: PanelState): string {
  const dropped = s.dropped - imp.droppedBefore;
  const n = imp.warnings.length;
  let text = `Imported ${imp.total} entries from ${imp.file}${n ? `, with ${n} warning${n > 1 ? 's' : ''}` : ''}.`;
  if (dropped > 0) {
    const flaggedDropped = s.droppedFlagged - imp.droppedFlaggedBefore;
    text +=
      ` Kept ${s.rows.length}: the panel holds at most ${s.maxEntries}, so ${dropped} were dropped` +
      (flaggedDropped > 0
        ? `, ${flaggedDropped} of them flagged (there were more refusals than the bound).`
        : `, none of them flagged (unflagged entries go first; all ${s.flaggedCount} flagged kept).`);
  }
  return text;
}
