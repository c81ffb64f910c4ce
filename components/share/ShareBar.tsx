import { useRef, useState } from 'react';
import type { CaptureEngine } from '../../panel/store/engine';
import { usePanel } from '../../panel/store/use-panel';
import { CopyAsMenu } from './CopyAsMenu';
import { ShareReport } from './ShareReport';

/** Export and share actions for the selected request. */
export function ShareBar({ engine, index }: { engine: CaptureEngine; index: number }) {
  const [sharing, setSharing] = useState(false);
  const shareButton = useRef<HTMLButtonElement>(null);
  const secretsPending = usePanel((s) => s.secretsPending !== null);
  const entry = engine.entry(index);
  if (!entry) return null;
  // Redaction learns the secrets of the whole log first; until the import worker has read every
  // body for them, an export could miss one, so nothing is copied or shared yet.
  if (secretsPending)
    return (
      <div className="share-bar">
        <p className="line" role="status" data-testid="share-waiting">
          Reading the imported file for secrets; copying and sharing start when it is done.
        </p>
      </div>
    );
  return (
    <div className="share-bar">
      <div className="line">
        <CopyAsMenu key={index} entry={entry} index={index} log={engine.logIndex.exchanges.map((x) => x.entry)} />
        <button
          ref={shareButton}
          type="button"
          data-testid="share-report"
          aria-expanded={sharing}
          onClick={() => setSharing(!sharing)}
        >
          Share report…
        </button>
      </div>
      {sharing && (
        <ShareReport
          engine={engine}
          index={index}
          onClose={() => {
            setSharing(false);
            // Back where the user was before the dialog.
            shareButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
