import { compareRequests, type DiffItem, type Exchange } from '../../lib';

const AREA: Record<DiffItem['area'], string> = {
  method: 'method',
  url: 'URL',
  query: 'query',
  auth: 'credential',
  cookie: 'cookie',
  origin: 'origin',
  header: 'header',
  body: 'body',
};

/** The failing request next to the last call to the same endpoint that worked. */
export function CompareView({
  failing,
  success,
  onSelect,
}: {
  failing: Exchange;
  success: Exchange;
  onSelect(index: number): void;
}) {
  const cmp = compareRequests(failing, success);
  return (
    <section
      className="compare"
      data-testid="diff-success"
      data-success-index={success.index}
      data-differences={cmp.items.length}
    >
      <p>
        Compared with{' '}
        <button type="button" className="link" onClick={() => onSelect(success.index)}>
          #{success.index} {success.method} → {success.status}
        </button>
        , the last successful call to the same endpoint.
        {cmp.items.length === 0
          ? ' The requests match once noise (order, case, volatile headers) is set aside: look at the server side.'
          : ''}
      </p>
      {cmp.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>what</th>
              <th>worked</th>
              <th>failed</th>
            </tr>
          </thead>
          <tbody>
            {cmp.items.map((d, i) => (
              <tr key={i} className={`diff ${d.change}`} data-diff-name={d.name.toLowerCase()} data-diff-area={d.area}>
                <th scope="row">
                  {AREA[d.area]} <code>{d.name}</code>
                  {d.detail ? <div className="muted">{d.detail}</div> : null}
                </th>
                <td>{d.success ?? <span className="muted">(absent)</span>}</td>
                <td>{d.failing ?? <span className="muted">(absent)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cmp.same.length > 0 ? <p className="muted">Unchanged: {cmp.same.join('; ')}</p> : null}
      {cmp.ignored.length > 0 ? <p className="muted">Set aside as noise: {cmp.ignored.join(', ')}</p> : null}
    </section>
  );
}
