import { clip } from '../inspect/mask';
import { describeDuration, isoMs } from '../inspect/token-timing';
import type { SessionOrigin, SessionPart } from './session-model';

export type { SessionPart } from './session-model';

/** "at 2026-11-21T12:00:03Z". */
export function absoluteText(parts: readonly SessionPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `at ${isoMs(p.at)}`)).join('');
}

/** "+2.1 s", "+4 min 10 s": an offset from the start of the capture. */
export function offsetLabel(ms: number): string {
  if (ms < 10_000) return `+${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  return `+${describeDuration(ms)}`;
}

/** How the panel says an instant: "at +2.1 s", or "2 h before the capture began". */
export function relativeLabel(at: number, captureStart: number | null): string {
  if (captureStart === null) return `at ${isoMs(at)}`;
  const d = at - captureStart;
  // Stryker disable next-line UnaryOperator: describeDuration reads the magnitude, so -d and +d say the same
  return d >= 0 ? `at ${offsetLabel(d)}` : `${describeDuration(-d)} before the capture began`;
}

/** " at <instant>" when the instant is known, else nothing. */
const at = (ms: number | undefined): SessionPart[] => (ms !== undefined ? [' ', { at: ms }] : []);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The account of one origin, one sentence a line. */
export function sessionSentences(o: SessionOrigin): SessionPart[][] {
  const lines: SessionPart[][] = [];
  const f = o.firstRefusal;
  if (f)
    lines.push([
      'Refusals started',
      ...(f.ms !== undefined ? at(f.ms) : [` at entry #${f.index}`]),
      ` with #${f.index} ${f.method} ${f.path} → ${f.status}${f.cause ? ` (${f.cause})` : ''}; ` +
        `${o.refused} of ${o.calls} calls to ${o.origin} were refused.`,
    ]);
  const ok = o.lastSuccessBefore;
  if (ok) lines.push([`The last success before that was #${ok.index}`, ...at(ok.ms), ` (${ok.status}).`]);
  for (const t of o.tokens) {
    // "token 1 (sub u, iss i; lifetime 1 h)": one parenthesis, not two.
    const label = !t.lifetime
      ? t.label
      : t.label.endsWith(')')
        ? `${t.label.slice(0, -1)}; lifetime ${t.lifetime})`
        : `${t.label} (lifetime ${t.lifetime})`;
    const head = `${label} was used in ${plural(t.calls, 'call', 'calls')}`;
    // A token without exp, or with one decades away, has no lifetime worth a word.
    if (t.expiresMs === undefined) {
      lines.push([`${head}.`]);
      continue;
    }
    const after = t.firstUseAfterExpiry;
    lines.push(
      after
        ? [
            `${head}; it expired`,
            ...at(t.expiresMs),
            `, and ${plural(t.callsAfterExpiry, 'call', 'calls')} still carried it, the first #${after.index}`,
            ...at(after.ms),
            ` → ${after.status}.`,
          ]
        : [`${head}; it expires`, ...at(t.expiresMs), '.'],
    );
  }
  for (const r of o.rateLimits) {
    const name =
      r.name === 'Retry-After'
        ? 'Throttling'
        : `Rate limit ${r.name}${r.limit !== undefined ? ` (limit ${r.limit})` : ''}`;
    const ran: SessionPart[] = r.exhaustedAt
      ? [' ran out', ...at(r.exhaustedAt.ms), ` (#${r.exhaustedAt.index})`]
      : r.lowestRemaining !== undefined
        ? [` lowest remaining ${r.lowestRemaining}`]
        : [];
    const verdict =
      r.retriedTooSoon + r.hammered === 0
        ? r.waitedAsTold > 0
          ? `the client honoured it (${r.waitedAsTold} retr${r.waitedAsTold === 1 ? 'y' : 'ies'} waited as told)`
          : 'no retry was made while it applied'
        : `the client did not honour it: ${r.retriedTooSoon} retr${r.retriedTooSoon === 1 ? 'y' : 'ies'} came sooner than asked` +
          `${r.hammered ? `, ${r.hammered} hammered without backoff` : ''}${r.waitedAsTold ? `, ${r.waitedAsTold} waited as told` : ''}`;
    const asked =
      `${plural(r.askedToWait, 'refusal', 'refusals')} asked to wait` +
      `${r.longestWait ? ` (up to ${clip(r.longestWait, 80)})` : ''}`;
    lines.push([name, ...ran, `; ${asked}; ${verdict}.`]);
  }
  if (ok && f)
    lines.push([
      o.credentialChanges.length > 0
        ? `Between the last success (#${ok.index}) and the first refusal (#${f.index}): ${o.credentialChanges.join('; ')}.`
        : `The last success (#${ok.index}) and the first refusal (#${f.index}) sent ` +
          `the same credentials: what changed is time or the server.`,
    ]);
  return lines;
}
