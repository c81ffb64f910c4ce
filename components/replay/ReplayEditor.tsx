import { useMemo, useState } from 'react';
import {
  type EntryDiagnosis,
  type HarEntry,
  extractAuth,
  queryRows,
  replayRequestFromEntry,
  withQuery,
  presetsFor,
  type EditorState,
  type ReplayAuth,
  type ReplayMode,
  unreachable,
} from '../../lib';
import { CredentialFields } from './CredentialFields';
import { HeaderRows } from './HeaderRows';

interface Props {
  entry: HarEntry;
  diagnosis: EntryDiagnosis;
  /** Called from the click itself (direct mode asks for host access in that gesture). */
  onSend(state: EditorState): Promise<void>;
  onClose(): void;
}

function initialState(entry: HarEntry): EditorState {
  const { req, auth } = extractAuth(replayRequestFromEntry(entry));
  // Start as the page did it; the presets offer Direct where the diagnosis points at CORS.
  return { req, auth, mode: 'page' };
}

/** The secret part of the credential helper, whatever its type. */
function typedSecret(a: ReplayAuth): string {
  switch (a.type) {
    case 'basic':
      return a.password;
    case 'bearer':
      return a.token;
    case 'api-key':
      return a.keyValue;
    case 'cookie':
      return a.cookie;
    case 'custom':
      return a.customValue;
    case 'none':
      return '';
    default:
      return unreachable(a.type, 'credential type');
  }
}

export function ReplayEditor({ entry, diagnosis, onSend, onClose }: Props) {
  const [state, setState] = useState<EditorState>(() => initialState(entry));
  const captured = useMemo(() => typedSecret(initialState(entry).auth), [entry]);
  // A secret the user typed (not the one the page already sent), about to go out through the
  // page: the page's own scripts can watch its requests (patched fetch, service worker).
  const typed = typedSecret(state.auth);
  const exposed = state.mode === 'page' && typed !== '' && typed !== captured;
  const [reveal, setReveal] = useState(false);
  const [sending, setSending] = useState(false);
  const presets = useMemo(() => presetsFor(diagnosis.causes.map((c) => c.id)), [diagnosis]);
  const { req } = state;
  const setReq = (patch: Partial<EditorState['req']>) => setState((s) => ({ ...s, req: { ...s.req, ...patch } }));

  const send = () => {
    setSending(true);
    onSend(state).finally(() => setSending(false));
  };

  return (
    <form className="replay" data-testid="replay-editor" onSubmit={(e) => (e.preventDefault(), send())}>
      <div className="line">
        <select
          data-testid="replay-mode"
          aria-label="Send the replay"
          value={state.mode}
          onChange={(e) => setState((s) => ({ ...s, mode: e.target.value as ReplayMode }))}
        >
          <option value="page">As the page (its origin, cookies and CORS)</option>
          <option value="direct">Directly from Why403 (no CORS)</option>
        </select>
        <input
          data-testid="replay-method"
          className="method"
          aria-label="Method"
          value={req.method}
          onChange={(e) => setReq({ method: e.target.value.toUpperCase() })}
        />
        <input
          data-testid="replay-url"
          className="url"
          aria-label="URL"
          value={req.url}
          spellCheck={false}
          onChange={(e) => setReq({ url: e.target.value })}
        />
      </div>
      {presets.length > 0 && (
        <div className="presets">
          {presets.map((p) => (
            <button
              key={p.id}
              type="button"
              data-testid="replay-preset"
              data-preset={p.id}
              onClick={() => setState((s) => p.apply(s))}
            >
              {p.label}
            </button>
          ))}
        </div>
      )}
      <CredentialFields auth={state.auth} reveal={reveal} onChange={(auth) => setState((s) => ({ ...s, auth }))} />
      {exposed && (
        <p className="warn" data-testid="replay-page-secret-warning">
          Sent as the page, this credential passes through the page&apos;s own scripts (a wrapped fetch, a service
          worker, an extension&apos;s content script can read it). Send it directly from Why403 to keep it away from the
          page.{' '}
          <button
            type="button"
            data-testid="replay-use-direct"
            onClick={() => setState((s) => ({ ...s, mode: 'direct' }))}
          >
            Send directly instead
          </button>
        </p>
      )}
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="replay-reveal"
          checked={reveal}
          onChange={(e) => setReveal(e.target.checked)}
        />{' '}
        Show secrets
      </label>
      <h4>Query</h4>
      <HeaderRows
        testid="replay-query"
        mode={state.mode}
        rows={queryRows(req.url)}
        onChange={(rows) => setReq({ url: withQuery(req.url, rows) })}
      />
      <h4>Headers</h4>
      <HeaderRows
        testid="replay-header"
        mode={state.mode}
        rows={req.headers}
        onChange={(headers) => setReq({ headers })}
      />
      {req.method !== 'GET' && req.method !== 'HEAD' && (
        <>
          <h4>Body</h4>
          <textarea
            data-testid="replay-body"
            aria-label="Body"
            value={req.body ?? ''}
            spellCheck={false}
            onChange={(e) => setReq({ body: e.target.value })}
          />
        </>
      )}
      <div className="line">
        <button type="submit" data-testid="replay-send" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
