import {
  diagnoseExchange,
  LogIndex,
  refreshBody,
  unreadableCause,
  type EntryDiagnosis,
  type Exchange,
  type HarEntry,
} from '../../lib';
import { BodyShelf } from './body-shelf';
import { Diagnoses } from './diagnoses';
import { StringTable } from './intern';
import { bodyTeachesSecrets } from './teaches';

/**
 * What one capture is made of. The engine holds one, and sets it aside whole while an import
 * replaces it (CaptureEngine.stash): one object to swap, so no part can be left behind.
 */
export class Capture {
  readonly log = new LogIndex();
  /** Non-preflight requests by URL, so a late preflight re-reads its requests without a scan. */
  readonly byUrl = new Map<string, number[]>();
  /** Which bodies the panel holds, and which it let go (they are fetched again on demand). */
  readonly bodies = new BodyShelf();
  /** Shared copies of the strings entries repeat (headers above all), see intern.ts. */
  readonly strings = new StringTable();
  readonly diagnoses = new Diagnoses((index) => {
    const x = this.log.at(index);
    return x ? safeDiagnose(this.log, x) : undefined;
  });
  /** Bodies the import worker found a secret in while this capture was set aside (restoreTaught). */
  readonly taught: [index: number, text: string, encoding: string | undefined, entry: HarEntry][] = [];

  byUrlAdd(url: string, index: number): void {
    const list = this.byUrl.get(url);
    if (list) list.push(index);
    else this.byUrl.set(url, [index]);
  }

  /**
   * After the diagnosis: a flagged entry keeps its body (it is the evidence), within a budget;
   * any other entry lets it go, to be read again when its detail opens.
   */
  keepBodyIf(x: Exchange, flagged: boolean, secretsLater: boolean): void {
    const content = x.entry.response?.content;
    const text = content?.text;
    if (!content || typeof text !== 'string' || text.length === 0) return;
    // A body holding a secret is never let go, so never put on the shelf either.
    if (!secretsLater && bodyTeachesSecrets(content)) return this.bodies.keep(x.index);
    if (flagged) this.evict(this.bodies.hold(x.index, text.length));
    else this.shed(x);
  }

  evict(victims: number[]): void {
    for (const i of victims) {
      const x = this.log.at(i);
      if (x) this.shed(x);
    }
  }

  private shed(x: Exchange): void {
    const content = x.entry.response?.content;
    if (!content || typeof content.text !== 'string') return;
    delete content.text;
    refreshBody(x);
    this.bodies.shed(x.index);
  }
}

/** A diagnosis never takes the panel down: an engine bug becomes an "unknown" cause. */
export function safeDiagnose(log: LogIndex, x: Exchange): EntryDiagnosis {
  try {
    return diagnoseExchange(log, x);
  } catch (err) {
    return {
      index: x.index,
      method: x.method,
      url: x.rawUrl,
      status: x.status,
      flagged: true,
      cors: false,
      causes: [unreadableCause(err)],
    };
  }
}
