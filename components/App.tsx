import { useCallback, useEffect } from 'react';
import { Detail } from './detail/Detail';
import { ErrorBoundary } from './ErrorBoundary';
import { RequestList } from './RequestList';
import { SessionView } from './SessionView';
import { usePanel } from '../panel/store/use-panel';
import { Toolbar } from './Toolbar';
import type { ReplayHost } from '../panel/capture/host';
import { ReplaySection } from './replay/ReplaySection';

export interface AppProps {
  onLoadBody(index: number): void;
  onClear(): void;
  replayHost?: ReplayHost;
  /** Imports a file off the main thread (the panel's worker); without it, in one go. */
  importFile?(file: File): void;
}

function Notice() {
  const notice = usePanel((s) => s.notice);
  const setNotice = usePanel((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      {notice.text}
      <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
}

/** What the reader had to coerce or skip in an imported HAR, one line each, JSON pointer first. */
function ImportWarnings() {
  const warnings = usePanel((s) => s.importWarnings);
  if (warnings.length === 0) return null;
  return (
    <details className="import-warnings" data-testid="import-warnings" data-count={warnings.length}>
      <summary>
        Read with {warnings.length} warning{warnings.length > 1 ? 's' : ''}: some values were coerced or skipped
      </summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

export function App({ onLoadBody, onClear, replayHost, importFile }: AppProps) {
  const select = usePanel((s) => s.select);
  const selected = usePanel((s) => s.selected);
  const importHar = usePanel((s) => s.importHar);
  const setNotice = usePanel((s) => s.setNotice);

  // Keyboard and click selection both read the body lazily.
  useEffect(() => {
    if (selected !== null) onLoadBody(selected);
  }, [selected, onLoadBody]);

  const onImport = useCallback(
    (file: File) => {
      if (importFile) return importFile(file);
      file.text().then(
        (text) => importHar(text, file.name),
        (err: unknown) => setNotice({ kind: 'error', text: `${file.name}: cannot read the file (${String(err)})` }),
      );
    },
    [importHar, setNotice, importFile],
  );

  return (
    <div className="app">
      <Toolbar onClear={onClear} onImport={onImport} />
      <Notice />
      <ImportWarnings />
      <ErrorBoundary area="session view">
        <SessionView />
      </ErrorBoundary>
      <main className="split">
        <ErrorBoundary area="request list">
          <RequestList onSelect={select} />
        </ErrorBoundary>
        <ErrorBoundary area="detail view">
          <Detail
            onLoadBody={onLoadBody}
            onSelect={select}
            extras={replayHost ? (i) => <ReplaySection key={i} index={i} host={replayHost} /> : undefined}
          />
        </ErrorBoundary>
      </main>
    </div>
  );
}
