import type { Filter } from '../panel/store/rows';
import { usePanel } from '../panel/store/use-panel';

interface Props {
  onClear(): void;
  onImport(file: File): void;
}

const FILTERS: { id: Filter; label: string; testid: string }[] = [
  { id: 'flagged', label: 'Flagged', testid: 'filter-flagged' },
  { id: 'cors', label: 'CORS', testid: 'filter-cors' },
  { id: 'all', label: 'All', testid: 'filter-all' },
];

export function Toolbar({ onClear, onImport }: Props) {
  const filter = usePanel((s) => s.filter);
  const search = usePanel((s) => s.search);
  const preserveLog = usePanel((s) => s.preserveLog);
  const total = usePanel((s) => s.rows.length);
  const flagged = usePanel((s) => s.flaggedCount);
  const shown = usePanel((s) => s.visible.length);
  const dropped = usePanel((s) => s.dropped);
  const importing = usePanel((s) => s.importing);
  const secretsPending = usePanel((s) => s.secretsPending !== null);
  const setFilter = usePanel((s) => s.setFilter);
  const setSearch = usePanel((s) => s.setSearch);
  const setPreserveLog = usePanel((s) => s.setPreserveLog);

  return (
    <header className="toolbar">
      <button type="button" data-testid="clear" title="Clear the capture" onClick={onClear}>
        Clear
      </button>
      <div className="segmented" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            data-testid={f.testid}
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <input
        data-testid="search-input"
        type="search"
        placeholder="Filter by URL, status, cause…"
        aria-label="Filter requests"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label className="toggle">
        <input
          type="checkbox"
          role="switch"
          data-testid="preserve-log"
          aria-checked={preserveLog}
          checked={preserveLog}
          onChange={(e) => setPreserveLog(e.target.checked)}
        />
        Preserve log
      </label>
      <label className="import" title="Load a HAR file (for example one a colleague sent)">
        Import HAR
        <input
          data-testid="import-har"
          type="file"
          accept=".har,.json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onImport(file);
            e.target.value = '';
          }}
        />
      </label>
      {importing ? (
        <label className="import-progress">
          <span className="visually-hidden">Importing {importing.file}</span>
          {/* Until the file is read to its end its count is unknown: an indeterminate bar, the count so far. */}
          {importing.total === null ? (
            <progress data-testid="import-progress" />
          ) : (
            <progress data-testid="import-progress" value={importing.done} max={importing.total || 1} />
          )}
          <span aria-hidden="true">
            {importing.done}
            {importing.total === null ? '' : `/${importing.total}`}
          </span>
        </label>
      ) : null}
      <span
        className="status"
        data-testid="capture-status"
        data-total={total}
        data-flagged={flagged}
        data-shown={shown}
        data-dropped={dropped}
        data-secrets-pending={secretsPending}
      >
        {flagged} flagged · {total} captured{shown !== total ? ` · ${shown} shown` : ''}
        {dropped > 0 ? ` · ${dropped} dropped` : ''}
      </span>
    </header>
  );
}
