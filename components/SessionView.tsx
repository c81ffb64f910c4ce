import { useEffect, useRef, useState } from 'react';
import { buildSession, type SessionOrigin } from '../lib/report';
import { usePanel } from '../panel/store/use-panel';

/** Recomputed at most this often while refusals stream in: it reads the whole log. */
const THROTTLE_MS = 1000;

/**
 * The session view (issue 13): above the list, per origin that refused something, a short
 * account over the whole capture (lib/report/session.ts). Hook: data-testid="session-view".
 */
export function SessionView() {
  const engine = usePanel((s) => s.engine);
  // Only the flagged rows matter: a burst of successful calls re-renders nothing here.
  const flagged = usePanel((s) => s.flagged);
  const [origins, setOrigins] = useState<SessionOrigin[]>([]);
  const lastRun = useRef(0);

  useEffect(() => {
    // A cleared capture empties it at once; growth is throttled (a steady stream of refusals
    // still updates it once a second, where a debounce would wait for the stream to stop).
    const wait = flagged.length === 0 ? 0 : Math.max(0, lastRun.current + THROTTLE_MS - Date.now());
    const t = setTimeout(() => {
      lastRun.current = Date.now();
      if (flagged.length === 0) return setOrigins([]);
      try {
        setOrigins(buildSession(engine.logIndex, (x) => engine.diagnoses.kept(x.index)));
      } catch {
        setOrigins([]); // a session account never takes the panel down
      }
    }, wait);
    return () => clearTimeout(t);
  }, [engine, flagged]);

  if (origins.length === 0) return null;
  return (
    <details className="session-view" data-testid="session-view" data-origins={origins.length} open>
      <summary>
        Session: {origins.length} origin{origins.length === 1 ? '' : 's'} refused calls
      </summary>
      {origins.map((o) => (
        <section key={o.origin} data-testid="session-origin" data-origin={o.origin}>
          <h3>{o.origin}</h3>
          <ul>
            {o.lines.map((line, i) => (
              <li key={i} data-testid="session-line">
                {line}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
