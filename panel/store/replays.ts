import type { EntryDiagnosis, Exchange, ReplayMode, ReplayOutcome, ReplayRequest } from '../../lib';

/** One replay of a captured request and its diagnosis. Lives in memory only. */
export interface ReplayRecord {
  id: number;
  at: number;
  mode: ReplayMode;
  request: ReplayRequest;
  /** null when the replay was never sent (host access refused, invalid URL). */
  outcome: ReplayOutcome | null;
  refused?: string;
  diagnosis: EntryDiagnosis | null;
  exchange: Exchange | null;
  /** Headers the browser would not let this mode send. */
  notSent: string[];
  /** Headers set through a one-request declarativeNetRequest rule (direct mode). */
  setByRule: string[];
  /** The origin a direct replay was granted host access to (offered back afterwards). */
  accessOrigin?: string;
}
