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

// A panel closed mid-replay can leave a header rule behind: none survives a new panel.
void clearLeftoverRules().then((n) => (document.documentElement.dataset.rulesCleared = String(n)));

const host = createDevtoolsHost();
const store = createPanelStore();
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

/** One worker per import: it keeps the parsed file, to give bodies back, until the next import or clear. */
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
const importFile = (file: File) => void runImport(file, file.name, store, workerPort(), connection.importedFrom);

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
