import {
  diagnoseExchange,
  LogIndex,
  refreshBody,
  toExchange,
  type EntryDiagnosis,
  type Exchange,
  type HarEntry,
} from '../../lib';

/**
 * The engine side of the panel: the growing log, its index and one diagnosis per entry.
 * Kept outside React state (it is large and mutated in place); the store bumps a version
 * when it changes.
 */
export class CaptureEngine {
  private log = new LogIndex();
  private readonly entries = new Map<number, HarEntry>();
  readonly diagnoses = new Map<number, EntryDiagnosis>();

  add(entry: HarEntry, index: number): { diagnosis: EntryDiagnosis; exchange: Exchange } {
    this.entries.set(index, entry);
    const exchange = this.log.add(entry, index);
    const diagnosis = this.safeDiagnose(exchange);
    this.diagnoses.set(index, diagnosis);
    return { diagnosis, exchange };
  }

  /**
   * A preflight can arrive after the request it guarded (getHAR lists it after), and a body
   * after its entry: diagnose those entries again.
   */
  rediagnose(index: number): EntryDiagnosis | undefined {
    const x = this.log.at(index);
    if (!x) return undefined;
    const d = this.safeDiagnose(x);
    this.diagnoses.set(index, d);
    return d;
  }

  /** Requests to this URL, for re-diagnosis when their preflight shows up. */
  requestsTo(url: string): number[] {
    return this.log.exchanges.filter((x) => !x.isPreflight && x.rawUrl === url).map((x) => x.index);
  }

  setBody(index: number, text: string, encoding: string | undefined): EntryDiagnosis | undefined {
    const x = this.log.at(index);
    if (!x) return undefined;
    const content = (x.entry.response.content ??= { size: text.length, mimeType: '' });
    content.text = text;
    if (encoding) content.encoding = encoding;
    else delete content.encoding;
    refreshBody(x);
    return this.rediagnose(index);
  }

  /** Diagnoses an entry that is not part of the capture (a replay), with the capture as context. */
  diagnoseDetached(entry: HarEntry): { diagnosis: EntryDiagnosis; exchange: Exchange } {
    const exchange = toExchange(entry, -1);
    return { diagnosis: this.safeDiagnose(exchange), exchange };
  }

  /** The indexed log, for builders that need context (reports). */
  get logIndex(): LogIndex {
    return this.log;
  }

  exchange(index: number): Exchange | undefined {
    return this.log.at(index);
  }

  entry(index: number): HarEntry | undefined {
    return this.entries.get(index);
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
  }

  /** Keeps only `keep` (in capture order) and rebuilds the index over them. */
  retain(keep: (index: number) => boolean): void {
    const old = this.log;
    this.log = new LogIndex();
    for (const x of old.exchanges) {
      if (keep(x.index)) this.log.add(x.entry, x.index);
      else {
        this.entries.delete(x.index);
        this.diagnoses.delete(x.index);
      }
    }
  }

  /**
   * Empties the capture. `keepCookieContext` (navigation) carries the entries that set
   * cookies over as hidden context, the way the browser keeps the cookies themselves.
   */
  clear(keepCookieContext = false): void {
    const setters = keepCookieContext ? this.log.cookieSettingEntries().slice(-200) : [];
    this.log = new LogIndex();
    for (const entry of setters) this.log.addContext(entry);
    this.entries.clear();
    this.diagnoses.clear();
  }

  /** A diagnosis never takes the panel down: an engine bug becomes an "unknown" cause. */
  private safeDiagnose(x: Exchange): EntryDiagnosis {
    try {
      return diagnoseExchange(this.log, x);
    } catch (err) {
      return {
        index: x.index,
        method: x.method,
        url: x.rawUrl,
        status: x.status,
        flagged: true,
        cors: false,
        causes: [
          {
            id: 'unknown',
            confidence: 0,
            title: 'Why403 could not read this entry',
            summary: 'The engine failed on this entry; the raw headers are still shown below.',
            evidence: [{ where: 'log', name: 'error', detail: err instanceof Error ? err.message : String(err) }],
            fixes: ['Export the HAR and report the problem.'],
          },
        ],
      };
    }
  }
}
