import { useEffect, useRef, useState } from 'react';
import { buildSessionSteps, relativeLabel, sessionGlance, type SessionOrigin, type SessionPart } from '../lib';
import { usePanel } from '../panel/store/use-panel';

/** Recomputed at most this often while refusals stream in: it reads the whole log. */
const THROTTLE_MS = 1000;
/**
 * ...and at most this share of the main thread: at 20,000 entries one account takes long enough
 * that once a second was a fifth of an import's time (issue 19), so the pause grows with its cost.
 */
const MAX_SHARE = 0.1;
/** An account is built in steps, this long per task at most, so the panel never freezes. */
const TASK_MS = 5;

/** A sentence with its instants relative to the capture ("at +2.1 s"), the absolute time on hover. */
function Parts({ parts, start }: { parts: readonly SessionPart[]; start: number | null }) {
  return parts.map((p, i) => {
    if (typeof p === 'string') return p;
    const iso = new Date(p.at).toISOString();
    return (
      <time key={i} dateTime={iso} title={iso}>
        {relativeLabel(p.at, start)}
      </time>
    );
  });
}

/**
 * The session view (issues 13 and 18): above the list, one line for the whole capture; opened,
 * one line per origin that refused something, each opening onto its full account
 * (lib/report/session.ts, session-glance.ts). Closed by default, so the list keeps its room.
 * Hooks: session-view, session-headline, session-origin, session-line.
 */
export function SessionView() {
  const engine = usePanel((s) => s.engine);
  // Only the flagged rows matter: a burst of successful calls re-renders nothing here.
  const flagged = usePanel((s) => s.flagged);
  // An import replaces the capture chunk by chunk: the account is made once, when it is in.
  const importing = usePanel((s) => s.importing !== null);
  const [origins, setOrigins] = useState<SessionOrigin[]>([]);
  const lastRun = useRef(0);
  const lastCost = useRef(0);

  useEffect(() => {
    // A cleared capture empties it at once; growth is throttled (a steady stream of refusals
    // still updates it once a second, where a debounce would wait for the stream to stop).
    if (importing && flagged.length > 0) return;
    const pause = Math.max(THROTTLE_MS, lastCost.current / MAX_SHARE);
    const wait = flagged.length === 0 ? 0 : Math.max(0, lastRun.current + pause - Date.now());
    let timer: ReturnType<typeof setTimeout> | undefined;
    timer = setTimeout(() => {
      if (flagged.length === 0) {
        lastRun.current = Date.now();
        return setOrigins([]);
      }
      // Every flagged entry's diagnosis is kept: any other is known not flagged.
      const steps = buildSessionSteps(engine.logIndex, (x) => engine.diagnoses.kept(x.index) ?? null);
      let busy = 0;
      const task = () => {
        const started = Date.now();
        try {
          for (;;) {
            const step = steps.next();
            if (step.done) {
              setOrigins(step.value);
              break;
            }
            if (Date.now() - started >= TASK_MS) {
              timer = setTimeout(task, 0);
              break;
            }
          }
        } catch {
          setOrigins([]); // a session account never takes the panel down
        }
        busy += Date.now() - started;
        lastRun.current = Date.now();
        lastCost.current = busy;
      };
      task();
    }, wait);
    return () => clearTimeout(timer);
  }, [engine, flagged, importing]);

  if (origins.length === 0) return null;
  const glance = sessionGlance(origins);
  const start = origins[0]!.captureStart;
  return (
    <details className="session-view" data-testid="session-view" data-origins={origins.length}>
      <summary data-testid="session-headline">{glance.headline}</summary>
      {glance.origins.map((o) => (
        <details key={o.origin} className="session-origin" data-testid="session-origin" data-origin={o.origin}>
          <summary>
            <span className="origin">{o.origin}</span> <Parts parts={o.line} start={start} />
          </summary>
          <ul>
            {o.details.map((line, i) => (
              <li key={i} data-testid="session-line">
                <Parts parts={line} start={start} />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </details>
  );
}
