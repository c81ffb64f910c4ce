import { useEffect, useState } from 'react';
import { buildSession, type SessionOrigin } from '../lib/report';
import { usePanel } from '../panel/store/use-panel';

/** Recomputed at most this often while traffic streams in: it reads the whole log. */
const THROTTLE_MS = 500;

/**
 * The session view (issue 13): above the list, per origin that refused something, a short
 * account over the whole capture (lib/report/session.ts). Hook: data-testid="session-view".
 */
export function SessionView() {
  const engine = usePanel((s) => s.engine);
  const version = usePanel((s) => s.version);
  const flagged = usePanel((s) => s.flaggedCount);
  const [origins, setOrigins] = useState<SessionOrigin[]>([]);

  useEffect(() => {
    // A cleared capture empties it at once; growth is throttled.
    const t = setTimeout(
      () => {
        if (flagged === 0) return setOrigins([]);
        try {
          setOrigins(buildSession(engine.logIndex, (x) => engine.diagnoses.get(x.index)));
        } catch {
          setOrigins([]); // a session account never takes the panel down
        }
      },
      flagged === 0 ? 0 : THROTTLE_MS,
    );
    return () => clearTimeout(t);
  }, [engine, version, flagged]);

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
