import type { Cause } from '../../lib';

const WHERE: Record<string, string> = {
  'request.line': 'request',
  'request.header': 'request header',
  'request.cookie': 'request cookie',
  'request.query': 'query',
  'request.body': 'request body',
  'response.status': 'status',
  'response.header': 'response header',
  'response.body': 'response body',
  token: 'token',
  preflight: 'preflight',
  browser: 'browser',
  log: 'log',
};

export function CauseCard({ cause, rank }: { cause: Cause; rank: number }) {
  const pct = Math.round(cause.confidence * 100);
  return (
    <article
      className={`cause${rank === 0 ? ' top' : ''}`}
      data-testid="cause"
      data-cause-id={cause.id}
      data-confidence={cause.confidence}
    >
      <header>
        <span className="confidence" title={`Confidence ${pct}%`}>
          <span className="bar" style={{ width: `${pct}%` }} />
          <span className="pct">{pct}%</span>
        </span>
        <h3>{cause.title}</h3>
        <code className="cause-id">{cause.id}</code>
      </header>
      <p>{cause.summary}</p>
      {cause.evidence.length > 0 && (
        <ul className="evidence">
          {cause.evidence.map((e, i) => (
            <li key={i} data-testid="evidence">
              <span className="where">
                {WHERE[e.where] ?? e.where}
                {e.name ? ` ${e.name}` : ''}
              </span>
              <mark>{e.detail}</mark>
            </li>
          ))}
        </ul>
      )}
      {cause.fixes.length > 0 && (
        <div className="fixes">
          <h4>Fix</h4>
          <ol>
            {cause.fixes.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );
}
