import { useEffect, useState } from 'react';
import { buildSession, relativeLabel, sessionGlance, type SessionOrigin, type SessionPart } from '../lib';
import { usePanel } from './store/use-panel';

/** Recomputed at most this often while traffic streams in: it reads the whole log. */
const THROTTLE_MS = 500;

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
