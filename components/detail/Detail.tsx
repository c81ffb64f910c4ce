import type { ReactNode } from 'react';
import { whySentence } from '../../lib';
import { ErrorBoundary } from '../ErrorBoundary';
import { usePanel } from '../../panel/store/use-panel';
import { BodyPreview } from './BodyPreview';
import { CompareView } from './CompareView';
import { ShareBar } from '../share/ShareBar';
import { CauseCard } from './CauseCard';
import { HeadersTable } from './HeadersTable';
import { TokenView } from './TokenView';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details open className="section">
      <summary>{title}</summary>
      <ErrorBoundary area={title.toLowerCase()}>{children}</ErrorBoundary>
    </details>
  );
}

interface Props {
  onLoadBody(index: number): void;
  onSelect(index: number): void;
  /** Extra sections (comparison, export, replay) plugged in by the app. */
  extras?: (index: number) => ReactNode;
}

export function Detail({ onLoadBody, onSelect, extras }: Props) {
  const selected = usePanel((s) => s.selected);
  const engine = usePanel((s) => s.engine);
  // Re-render when this entry is re-read in place (late preflight, body): its row is replaced then.
  usePanel((s) => (s.selected === null ? null : s.rows[s.selected]));
  if (selected === null) return <div className="detail empty">Select a request to see why it was refused.</div>;
  const x = engine.exchange(selected);
  const d = engine.diagnoses.get(selected);
  if (!x || !d) return <div className="detail empty">This request is no longer in the capture.</div>;
  const preflight = engine.preflightOf(selected);
  const success = d.flagged ? engine.lastSuccessOf(selected) : null;

  return (
    <div className="detail" data-testid="detail" data-index={selected}>
      <h2 className="request-line">
        <span className="method">{x.method}</span> <span className="url">{x.rawUrl}</span>
        <span className={`status s${Math.floor(x.status / 100)}`}>{x.status || 'no response'}</span>
        {d.cors ? (
          <span className="badge cors">blocked by CORS{x.status ? ` (real status ${x.status})` : ''}</span>
        ) : null}
      </h2>
      {d.flagged ? (
        <p className="why" data-testid="why" data-cause-id={d.causes[0]?.id ?? ''}>
          {whySentence(d)}
        </p>
      ) : null}
      <ShareBar key={selected} engine={engine} index={selected} />
      {extras?.(selected)}
      <Section title="Diagnosis">
        {d.flagged ? (
          d.causes.map((c, i) => <CauseCard key={c.id} cause={c} rank={i} />)
        ) : (
          <p className="muted">Not refused: nothing to explain.</p>
        )}
      </Section>
      {success ? (
        <Section title="Compared with the last success">
          <CompareView failing={x} success={success} onSelect={onSelect} />
        </Section>
      ) : null}
      {/^\s*bearer\s/i.test(x.req.get('authorization') ?? '') ? (
        <Section title="Token">
          <TokenView x={x} />
        </Section>
      ) : null}
      {preflight ? (
        <Section title="Preflight">
          <p>
            <button type="button" className="link" onClick={() => onSelect(preflight.index)}>
              OPTIONS #{preflight.index} answered {preflight.status || 'nothing'}
            </button>
          </p>
          <HeadersTable title="Preflight request" headers={preflight.req.raw} />
          <HeadersTable title="Preflight response" headers={preflight.res.raw} />
        </Section>
      ) : null}
      <Section title="Headers">
        <HeadersTable title="Request" headers={x.req.raw} />
        <HeadersTable title="Response" headers={x.res.raw} />
      </Section>
      <Section title="Response body">
        <BodyPreview x={x} onLoad={() => onLoadBody(selected)} held={engine.bodyState(selected)} />
      </Section>
    </div>
  );
}
