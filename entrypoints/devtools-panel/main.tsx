import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { connectHost } from '../../panel/capture/connect';
import { createPanelStore } from '../../panel/store/panel-store';
import { StoreContext } from '../../panel/store/use-panel';
import { runImport } from '../../panel/import/run-import';
import type { FromWorker, ImportPort } from '../../panel/import/protocol';
import { createDevtoolsHost, createReplayHost } from './adapter';
import { clearLeftoverRules } from './direct-replay';
import './style.css';

/** The capture bound is a setting (default 5,000); the benchmark raises it to hold 10,000. */
function maxEntriesSetting(): number | undefined {
  try {
    const n = Number(localStorage.getItem('why403.maxEntries'));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

// A panel closed mid-replay can leave a header rule behind: none survives a new panel.
void clearLeftoverRules().then((n) => (document.documentElement.dataset.rulesCleared = String(n)));

const host = createDevtoolsHost();
const store = createPanelStore({ maxEntries: maxEntriesSetting() });
const connection = connectHost(host, store, {
  frame: (cb) => requestAnimationFrame(cb),
  timeout: (cb, ms) => setTimeout(cb, ms),
});
document.documentElement.dataset.theme = host.theme;
host.watchTheme?.((theme) => (document.documentElement.dataset.theme = theme));
// Coming back to the panel: pick up what the browser never reported as finished (Firefox).
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && host.sweepMs) void connection.sweep();
});

/** One worker per import: it holds the parsed file only for as long as the import runs. */
function workerPort(): ImportPort {
  const worker = new Worker(new URL('../../panel/import/har-import.worker.ts', import.meta.url), {
    type: 'module',
  });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => listener(event.data);
      worker.onerror = (event) => listener({ type: 'error', message: `the import worker failed: ${event.message}` });
    },
    close: () => worker.terminate(),
  };
}
const importFile = (file: File) => void runImport(file, file.name, store, workerPort());

createRoot(document.getElementById('root')!).render(
  <StoreContext.Provider value={store}>
    <App
      onLoadBody={connection.loadBody}
      onClear={connection.clear}
      replayHost={createReplayHost()}
      importFile={importFile}
    />
  </StoreContext.Provider>,
);
