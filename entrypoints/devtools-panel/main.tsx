import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { connectHost } from '../../components/capture/connect';
import { createPanelStore } from '../../components/store/panel-store';
import { StoreContext } from '../../components/store/use-panel';
import { createDevtoolsHost, createReplayHost } from './adapter';
import './style.css';

const host = createDevtoolsHost();
const store = createPanelStore();
const connection = connectHost(host, store, {
  frame: (cb) => requestAnimationFrame(cb),
  timeout: (cb, ms) => setTimeout(cb, ms),
});
document.documentElement.dataset.theme = host.theme;

createRoot(document.getElementById('root')!).render(
  <StoreContext.Provider value={store}>
    <App onLoadBody={connection.loadBody} onClear={connection.clear} replayHost={createReplayHost()} />
  </StoreContext.Provider>,
);
