import { createStore } from 'zustand/vanilla';
import { readHar, type HarEntry } from '../../lib';
import { CaptureEngine } from './engine';
import type { ReplayRecord } from './replays';
import { evictionVictims, toRow, visibleRows, type Filter, type Row } from './rows';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
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
  flaggedCount: number;
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
  importHar(text: string, fileName: string): boolean;
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
      set({ dropped: get().dropped + victims.size });
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
      flaggedCount: 0,
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
        const next =
          at === -1 ? (delta > 0 ? 0 : visible.length - 1) : Math.max(0, Math.min(visible.length - 1, at + delta));
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
          // The current capture stays as it was: a bad file loses nothing.
          set({ notice: { kind: 'error', text: `${fileName}: ${err instanceof Error ? err.message : String(err)}` } });
          return false;
        }
        get().clear();
        get().addEntries(entries);
        const repaired = warnings.length ? `, with ${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : '';
        set({
          notice: { kind: 'info', text: `Imported ${entries.length} entries from ${fileName}${repaired}.` },
          importWarnings: warnings,
        });
        return true;
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
