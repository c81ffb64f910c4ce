import { isForbiddenHeader, type ReplayMode } from '../../lib';

interface Row {
  name: string;
  value: string;
}

interface Props {
  rows: Row[];
  mode: ReplayMode;
  /** hook prefix: "replay-header" for headers, "replay-query" for query parameters */
  testid: string;
  onChange(rows: Row[]): void;
}

/** Editable name/value rows. In page mode, headers fetch() may not set are marked as such. */
export function HeaderRows({ rows, mode, testid, onChange }: Props) {
  const update = (i: number, patch: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const isHeader = testid === 'replay-header';
  return (
    <div className="rows">
      {rows.map((r, i) => {
        const blocked = isHeader && mode === 'page' && r.name.trim() !== '' && isForbiddenHeader(r.name);
        return (
          <div className={`kv${blocked ? ' blocked' : ''}`} key={i}>
            <input
              data-testid={`${testid}-name`}
              data-row={i}
              aria-label="Name"
              value={r.name}
              spellCheck={false}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <input
              data-testid={`${testid}-value`}
              data-row={i}
              aria-label="Value"
              value={r.value}
              spellCheck={false}
              onChange={(e) => update(i, { value: e.target.value })}
            />
            <button type="button" aria-label="Remove" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              −
            </button>
            {blocked ? (
              <span className="hint" title="The browser's fetch() may not set this header">
                not sent from the page: use Direct
              </span>
            ) : null}
          </div>
        );
      })}
      <button type="button" data-testid={`${testid}-add`} onClick={() => onChange([...rows, { name: '', value: '' }])}>
        + Add
      </button>
    </div>
  );
}
