import { applyAuth, headersPageCannotSend, type EditorState, replayToEntry } from '../../lib';
import type { ReplayHost } from '../../panel/capture/host';
import type { CaptureEngine } from '../../panel/store/engine';
import type { ReplayRecord } from '../../panel/store/replays';

export const REPLAY_TIMEOUT_MS = 15_000;

let counter = 0;

/**
 * Sends one replay and diagnoses the answer with the capture as context. For a direct replay
 * the host's permission request must be the first thing that happens after the click, so
 * nothing is awaited before it.
 */
export async function sendReplay(
  host: ReplayHost,
  engine: CaptureEngine,
  state: EditorState,
  timeoutMs = REPLAY_TIMEOUT_MS,
): Promise<ReplayRecord> {
  const request = applyAuth(state.req, state.auth);
  const base = {
    id: ++counter,
    at: Date.now(),
    mode: state.mode,
    request,
    notSent: [] as string[],
    setByRule: [] as string[],
  };
  const started = new Date();
  let origin: string | null;
  let record: Omit<ReplayRecord, 'diagnosis' | 'exchange'>;
  if (state.mode === 'direct') {
    const r = await host.direct(request, timeoutMs);
    if (!r.sent) return { ...base, outcome: null, refused: r.reason, diagnosis: null, exchange: null };
    record = {
      ...base,
      outcome: r.outcome,
      notSent: r.notSent,
      setByRule: r.setByRule,
      ...(r.origin ? { accessOrigin: r.origin } : {}),
    };
    origin = request.headers.find((h) => h.name.toLowerCase() === 'origin')?.value ?? null;
  } else {
    const notSent = headersPageCannotSend(request);
    const outcome = await host.inPage(request, timeoutMs);
    record = { ...base, outcome, notSent };
    origin = await host.pageOrigin();
  }
  const sentHeaders = record.request.headers.filter((h) => !record.notSent.includes(h.name.trim()));
  const entry = replayToEntry({ ...record.request, headers: sentHeaders }, record.outcome!, origin, started);
  const { diagnosis, exchange } = engine.diagnoseDetached(entry);
  return { ...record, diagnosis, exchange };
}
