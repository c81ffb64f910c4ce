import { useState } from 'react';
import type { ReplayHost } from '../../panel/capture/host';
import { usePanel } from '../../panel/store/use-panel';
import { ReplayEditor } from './ReplayEditor';
import { ReplayResult } from './ReplayResult';
import { sendReplay } from './send';

/** Replay for the selected request: the editor, then each answer next to the original. */
export function ReplaySection({ index, host }: { index: number; host: ReplayHost }) {
  const [open, setOpen] = useState(false);
  const engine = usePanel((s) => s.engine);
  const history = usePanel((s) => s.replays[index]);
  const addReplay = usePanel((s) => s.addReplay);
  const entry = engine.entry(index);
  const original = engine.exchange(index);
  const diagnosis = engine.diagnoses.get(index);
  if (!entry || !original || !diagnosis) return null;

  return (
    <section className="replay-section">
      {!open ? (
        <button type="button" data-testid="replay-open" onClick={() => setOpen(true)}>
          Replay with edited credentials…
        </button>
      ) : (
        <ReplayEditor
          key={index}
          entry={entry}
          diagnosis={diagnosis}
          onClose={() => setOpen(false)}
          onSend={(state) =>
            sendReplay(host, engine, state).then(
              (record) => addReplay(index, record),
              (err: unknown) =>
                addReplay(index, {
                  id: Date.now(),
                  at: Date.now(),
                  mode: state.mode,
                  request: state.req,
                  outcome: null,
                  refused: `The replay failed: ${String(err)}`,
                  diagnosis: null,
                  exchange: null,
                  notSent: [],
                  setByRule: [],
                }),
            )
          }
        />
      )}
      {history && history.length > 0 && (
        <div className="replay-history">
          {[...history].reverse().map((r) => (
            <ReplayResult
              key={r.id}
              record={r}
              original={original}
              originalDiagnosis={diagnosis}
              onDropAccess={host.dropAccess ? (origin) => host.dropAccess!(origin) : undefined}
            />
          ))}
        </div>
      )}
    </section>
  );
}
