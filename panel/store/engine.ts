import { LogIndex, refreshBody, toExchange, type EntryDiagnosis, type Exchange, type HarEntry } from '../../lib';
import type { BodyShelf, BodyState } from './body-shelf';
import { Capture, safeDiagnose } from './capture';
import type { Diagnoses } from './diagnoses';
import type { StringTable } from './intern';
import { bodyTeachesSecrets } from './teaches';

/** What changed in the engine; the store's slices follow these (see panel-store.ts). */
export type EngineChange =
  | { kind: 'added'; rows: { diagnosis: EntryDiagnosis; preflight: boolean }[] }
  | { kind: 'updated'; rows: { diagnosis: EntryDiagnosis; preflight: boolean }[] }
  /** `stashed`: the capture was set aside, not dropped (see stash); listeners set theirs aside too. */
  | { kind: 'cleared'; stashed?: boolean }
  /** The capture set aside is back (`restored`), or was let go for good. */
  | { kind: 'unstashed'; restored: boolean };

/**
 * The engine side of the panel: the growing log, its index and the diagnoses. Kept outside
 * React state (it is large and mutated in place); every change is announced to onChange
 * listeners, so the store never has to be told by hand that the engine moved.
 */
export class CaptureEngine {
  private readonly listeners = new Set<(change: EngineChange) => void>();
  private capture = new Capture();
  /** The capture an import in progress replaces, kept until the import is in (see stash). */
  private stashed: Capture | null = null;

  private get log(): LogIndex {
    return this.capture.log;
  }

  private get byUrl(): Map<string, number[]> {
    return this.capture.byUrl;
  }

  private get strings(): StringTable {
    return this.capture.strings;
  }

  get diagnoses(): Diagnoses {
    return this.capture.diagnoses;
  }

  /** Which bodies the panel holds, and which it let go (they are fetched again on demand). */
  get bodies(): BodyShelf {
    return this.capture.bodies;
  }

  onChange(listener: (change: EngineChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: EngineChange): void {
    for (const l of this.listeners) l(change);
  }

  /**
   * Adds entries under their capture indices, diagnoses them, and re-reads the requests a
   * preflight among them guarded. One announcement for the whole batch.
   *
   * `secretsLater`: whoever gives these entries reads their bodies for secrets afterwards and
   * hands back the ones that teach one (`restoreTaught`); the import worker does, off the main
   * thread, because reading 20,000 bodies for secrets here took most of an import (issue 19).
   * Until then bodies are let go without that check, and exports wait (PanelState.secretsPending).
   */
  addAll(batch: readonly { entry: HarEntry; index: number }[], options: { secretsLater?: boolean } = {}): void {
    const added: { diagnosis: EntryDiagnosis; preflight: boolean }[] = [];
    const preflightUrls = new Set<string>();
    for (const { entry, index } of batch) {
      this.strings.internEntry(entry);
      const x = this.log.add(entry, index);
      if (x.isPreflight) preflightUrls.add(x.rawUrl);
      else this.capture.byUrlAdd(x.rawUrl, index);
      const diagnosis = safeDiagnose(this.log, x);
      this.diagnoses.record(diagnosis);
      this.capture.keepBodyIf(x, diagnosis.flagged, options.secretsLater ?? false);
      // An unflagged entry is rarely read again: its header indexes go until it is (see compact).
      if (!diagnosis.flagged) {
        x.req.compact();
        x.res.compact();
      }
      added.push({ diagnosis, preflight: x.isPreflight });
    }
    const updated: { diagnosis: EntryDiagnosis; preflight: boolean }[] = [];
    for (const url of preflightUrls) {
      for (const i of this.byUrl.get(url) ?? []) {
        const d = this.rediagnose(i);
        if (d) updated.push({ diagnosis: d, preflight: false });
      }
    }
    if (added.length > 0) this.emit({ kind: 'added', rows: added });
    if (updated.length > 0) this.emit({ kind: 'updated', rows: updated });
  }

  /** Adds one entry (tests, replays of the old API); see addAll. */
  add(entry: HarEntry, index: number): { diagnosis: EntryDiagnosis; exchange: Exchange } {
    this.addAll([{ entry, index }]);
    return { diagnosis: this.diagnoses.get(index)!, exchange: this.log.at(index)! };
  }

  /** Re-diagnoses an entry in place (no announcement: callers batch them). */
  private rediagnose(index: number): EntryDiagnosis | undefined {
    const x = this.log.at(index);
    if (!x) return undefined;
    const d = safeDiagnose(this.log, x);
    this.diagnoses.record(d);
    return d;
  }

  /**
   * A body read after its entry (getContent, or the import worker): the entry is diagnosed
   * again with it. `expected` is the exchange the read was for: after a clear the same index
   * names another entry, and a late answer must not land on it.
   */
  setBody(index: number, text: string, encoding: string | undefined, expected?: Exchange): EntryDiagnosis | undefined {
    const x = this.log.at(index);
    if (!x || (expected && x !== expected)) return undefined;
    const content = (x.entry.response.content ??= { size: text.length, mimeType: '' });
    content.text = text;
    if (encoding) content.encoding = encoding;
    else delete content.encoding;
    refreshBody(x);
    const d = this.rediagnose(index);
    if (d) {
      // A body read for the detail view is held (within the budget) whatever the diagnosis.
      if (bodyTeachesSecrets(content)) this.bodies.keep(index);
      else this.capture.evict(this.bodies.hold(index, text.length));
      this.emit({ kind: 'updated', rows: [{ diagnosis: d, preflight: x.isPreflight }] });
    }
    return d;
  }

  /**
   * A body read later for its secrets teaches one (see addAll's `secretsLater`): the panel keeps
   * it from now on, put back if it was let go. `expected` is the entry it was read for: after a
   * clear or another import the same index names another entry, and the answer is dropped.
   */
  restoreTaught(index: number, text: string, encoding: string | undefined, expected: HarEntry): void {
    const x = this.log.at(index);
    if (!x || x.entry !== expected) {
      // The import it was read for is set aside by a newer one, which may yet fail: keep it for then.
      if (this.stashed?.log.at(index)?.entry === expected) this.stashed.taught.push([index, text, encoding, expected]);
      return;
    }
    const content = (x.entry.response.content ??= { size: text.length, mimeType: '' });
    const wasAway = typeof content.text !== 'string';
    if (wasAway) {
      content.text = text;
      if (encoding) content.encoding = encoding;
      refreshBody(x);
    }
    this.bodies.keep(index);
    const d = this.diagnoses.get(index);
    if (wasAway && d) this.emit({ kind: 'updated', rows: [{ diagnosis: d, preflight: x.isPreflight }] });
  }

  /** The entry came without its body, which can be fetched on demand (the import worker kept it). */
  bodyAway(index: number): void {
    this.bodies.shed(index);
  }

  /** A body could not be read again (DevTools dropped it, the import worker is gone). */
  bodyGone(index: number, why: string): void {
    if (!this.bodies.markGone(index, why)) return;
    const d = this.diagnoses.get(index);
    const x = this.log.at(index);
    if (d && x) this.emit({ kind: 'updated', rows: [{ diagnosis: d, preflight: x.isPreflight }] });
  }

  bodyState(index: number): BodyState {
    return this.bodies.state(index);
  }

  /** Diagnoses an entry that is not part of the capture (a replay), with the capture as context. */
  diagnoseDetached(entry: HarEntry): { diagnosis: EntryDiagnosis; exchange: Exchange } {
    const exchange = toExchange(entry, -1);
    return { diagnosis: safeDiagnose(this.log, exchange), exchange };
  }

  /** The indexed log, for builders that need context (reports). */
  get logIndex(): LogIndex {
    return this.log;
  }

  exchange(index: number): Exchange | undefined {
    return this.log.at(index);
  }

  entry(index: number): HarEntry | undefined {
    return this.log.at(index)?.entry;
  }

  preflightOf(index: number): Exchange | null {
    const x = this.log.at(index);
    return x ? this.log.preflightFor(x) : null;
  }

  lastSuccessOf(index: number): Exchange | null {
    const x = this.log.at(index);
    return x ? this.log.lastSuccessFor(x) : null;
  }

  /** Entries known only for the cookies they set (a login redirect before this page). */
  addContext(entries: readonly HarEntry[]): void {
    for (const e of entries) {
      if ((e.response?.headers ?? []).some((h) => h?.name?.toLowerCase() === 'set-cookie')) this.log.addContext(e);
    }
    // New cookies can change the reading of any refusal: re-read the flagged ones.
    const updated: { diagnosis: EntryDiagnosis; preflight: boolean }[] = [];
    for (const i of this.diagnoses.flaggedIndices()) {
      const d = this.rediagnose(i);
      if (d) updated.push({ diagnosis: d, preflight: this.log.at(i)?.isPreflight ?? false });
    }
    if (updated.length > 0) this.emit({ kind: 'updated', rows: updated });
  }

  /**
   * Empties the capture. `keepCookieContext` (navigation) carries the entries that set
   * cookies over as hidden context, the way the browser keeps the cookies themselves.
   */
  clear(keepCookieContext = false): void {
    const setters = keepCookieContext ? this.log.cookieSettingEntries().slice(-200) : [];
    this.stashed = null;
    this.capture = new Capture();
    for (const entry of setters) this.log.addContext(entry);
    this.emit({ kind: 'cleared' });
  }

  /**
   * Sets the capture aside and starts an empty one (an import that reads its file as it goes):
   * `unstash(true)` brings it back if the import fails, `unstash(false)` lets it go once the
   * import is in. A clear meanwhile lets it go too.
   */
  stash(): void {
    this.stashed = this.capture;
    this.capture = new Capture();
    this.emit({ kind: 'cleared', stashed: true });
  }

  unstash(restore: boolean): void {
    const stashed = this.stashed;
    if (!stashed) return;
    this.stashed = null;
    if (restore) {
      this.capture = stashed;
      for (const [index, text, encoding, entry] of stashed.taught.splice(0))
        this.restoreTaught(index, text, encoding, entry);
    }
    this.emit({ kind: 'unstashed', restored: restore });
  }

  /** Whether a capture is set aside (an import is replacing it). */
  get hasStash(): boolean {
    return this.stashed !== null;
  }
}
