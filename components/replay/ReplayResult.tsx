import { useState } from 'react';
import type { EntryDiagnosis, Exchange } from '../../lib';
import type { ReplayRecord } from '../../panel/store/replays';

function Side({
  title,
  status,
  d,
  cors,
}: {
  title: string;
  status: number | string;
  d: EntryDiagnosis | null;
  cors: boolean;
}) {
  const top = d?.causes[0];
  return (
    <div className="side">
      <h4>{title}</h4>
      <div className={`big-status s${typeof status === 'number' ? Math.floor(status / 100) : 0}`}>{status}</div>
      {cors ? <span className="badge cors">blocked by CORS</span> : null}
      {d?.flagged && top ? (
        <p>
          <code>{top.id}</code> {top.title}
        </p>
      ) : d && typeof status === 'number' ? (
        <p className="good">Not refused.</p>
      ) : d ? (
        <p className="muted">No answer to judge.</p>
      ) : null}
    </div>
  );
}

/** What changed between two header lists; secrets are compared, never shown. */
function changes(before: { name: string; value: string }[], after: { name: string; value: string }[]): string[] {
  const map = (l: typeof before) =>
    new Map(l.filter((h) => h.name.trim()).map((h) => [h.name.trim().toLowerCase(), h.value]));
  const a = map(before);
  const b = map(after);
  const out: string[] = [];
  for (const [k, v] of b)
    if (!a.has(k)) out.push(`+ ${k}`);
    else if (a.get(k) !== v) out.push(`~ ${k} changed`);
  for (const k of a.keys()) if (!b.has(k)) out.push(`− ${k}`);
  return out;
}

/** After a direct replay: give back the host access it asked for, in one click. */
function DropAccess({ origin, onDrop }: { origin: string; onDrop(origin: string): Promise<boolean> }) {
  const [state, setState] = useState<'granted' | 'dropping' | 'dropped' | 'kept'>('granted');
  if (state === 'dropped')
    return (
      <p className="muted" data-testid="replay-access-dropped" data-origin={origin}>
        Host access to {origin} removed.
      </p>
    );
  return (
    <p className="muted">
      Why403 can reach {origin} until you remove that access.{' '}
      <button
        type="button"
        data-testid="replay-drop-access"
        data-origin={origin}
        disabled={state === 'dropping'}
        onClick={() => {
          setState('dropping');
          void onDrop(origin).then((gone) => setState(gone ? 'dropped' : 'kept'));
        }}
      >
        Remove access to {origin}
      </button>
      {state === 'kept' ? ' (the browser kept it: remove it in the extension settings)' : null}
    </p>
  );
}

export function ReplayResult({
  record,
  original,
  originalDiagnosis,
  onDropAccess,
}: {
  record: ReplayRecord;
  original: Exchange;
  originalDiagnosis: EntryDiagnosis;
  onDropAccess?: (origin: string) => Promise<boolean>;
}) {
  const o = record.outcome;
  const status = o?.kind === 'response' ? o.status : o ? (o.timedOut ? 'timed out' : 'network error') : 'not sent';
  const top = record.diagnosis?.flagged ? (record.diagnosis.causes[0]?.id ?? '') : '';
  const diff = changes(
    original.req.raw.map((h) => ({ name: h.name, value: h.value })),
    record.request.headers,
  );
  return (
    <section
      className="replay-result"
      data-testid="replay-result"
      data-status={o?.kind === 'response' ? o.status : 0}
      data-top-cause={top}
      data-mode={record.mode}
    >
      {record.refused ? <p className="notice error">{record.refused}</p> : null}
      {o?.kind === 'network-error' ? (
        <p className="notice error">
          {o.cors ? 'The browser blocked the response (CORS): the page sees only a network error. ' : ''}
          {o.message}
        </p>
      ) : null}
      <div className="sides">
        <Side
          title="Original"
          status={original.status || 'blocked'}
          d={originalDiagnosis}
          cors={originalDiagnosis.cors}
        />
        <Side
          title={`Replay (${record.mode === 'page' ? 'as the page' : 'direct'})`}
          status={status}
          d={record.diagnosis}
          cors={record.diagnosis?.cors ?? false}
        />
      </div>
      {record.notSent.length > 0 ? (
        <p className="warn">Not sent (the browser does not allow it in this mode): {record.notSent.join(', ')}</p>
      ) : null}
      {record.setByRule.length > 0 ? (
        <p className="muted">Set through a one-request network rule: {record.setByRule.join(', ')}</p>
      ) : null}
      {record.accessOrigin && onDropAccess ? <DropAccess origin={record.accessOrigin} onDrop={onDropAccess} /> : null}
      {diff.length > 0 ? (
        <p className="muted">
          Request changes: <code>{diff.join(', ')}</code>
        </p>
      ) : null}
      {o?.kind === 'response' && o.body ? <pre className="body">{o.body.slice(0, 4000)}</pre> : null}
    </section>
  );
}
