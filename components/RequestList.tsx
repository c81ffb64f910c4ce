import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Row } from '../panel/store/rows';
import { usePanel } from '../panel/store/use-panel';

const ROW_HEIGHT = 24;

function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** The option's id, for the listbox's aria-activedescendant. */
export const rowId = (index: number) => `request-${index}`;

interface RowProps {
  row: Row;
  selected: boolean;
  onSelect(): void;
  /** 1-based position among the shown rows, and how many there are: only some are in the DOM. */
  position: number;
  count: number;
}

function RequestRow({ row, selected, onSelect, position, count }: RowProps) {
  return (
    <div
      id={rowId(row.index)}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={count}
      className={`row${selected ? ' selected' : ''}${row.flagged ? ' flagged' : ''}`}
      data-testid="request-row"
      data-index={row.index}
      data-method={row.method}
      data-url={row.url}
      data-status={row.status}
      data-flagged={row.flagged}
      data-top-cause={row.topCause}
      data-cors={row.cors}
      onClick={onSelect}
      title={row.url}
    >
      <span className="method">{row.preflight ? 'OPTIONS↗' : row.method}</span>
      <span className={`status s${Math.floor(row.status / 100)}`}>
        {row.status || '—'}
        {row.cors ? <span className="badge cors">CORS</span> : null}
      </span>
      <span className="url">{shortUrl(row.url)}</span>
      <span className="top-cause">{row.topCause ? <code>{row.topCause}</code> : null}</span>
      {row.cors || row.topCause ? (
        <span className="visually-hidden">
          {row.cors ? ', blocked by the browser (CORS)' : ''}
          {row.topCause ? `, likely cause: ${row.topTitle || row.topCause}` : ''}
        </span>
      ) : null}
    </div>
  );
}

/** Virtualised: with 10,000 entries only the rows on screen are in the DOM. */
export function RequestList({ onSelect }: { onSelect(index: number): void }) {
  const visible = usePanel((s) => s.visible);
  const selected = usePanel((s) => s.selected);
  const filter = usePanel((s) => s.filter);
  const total = usePanel((s) => s.rows.length);
  const moveSelection = usePanel((s) => s.moveSelection);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const selectedPos = visible.findIndex((r) => r.index === selected);
  useEffect(() => {
    if (selectedPos >= 0) virtualizer.scrollToIndex(selectedPos, { align: 'auto' });
  }, [selectedPos, virtualizer]);

  if (visible.length === 0) {
    return (
      <div className="list empty" data-testid="request-list">
        {total === 0
          ? 'Waiting for requests… Reload the page or trigger the failing call; refused requests appear here.'
          : filter === 'flagged'
            ? `None of the ${total} captured requests was refused. Choose "All" to see them.`
            : 'No request matches the filter.'}
      </div>
    );
  }

  return (
    <div
      ref={parent}
      className="list"
      role="listbox"
      tabIndex={0}
      aria-label="Captured requests"
      // Focus stays on the list; the selected row is announced as the active option.
      aria-activedescendant={selectedPos >= 0 ? rowId(selected!) : undefined}
      data-testid="request-list"
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'j') moveSelection(1);
        else if (e.key === 'ArrowUp' || e.key === 'k') moveSelection(-1);
        else if (e.key === 'Home') moveSelection(-Infinity);
        else if (e.key === 'End') moveSelection(Infinity);
        else return;
        e.preventDefault();
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = visible[v.index]!;
          return (
            <div
              key={row.index}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${v.start}px)`,
              }}
            >
              <RequestRow
                row={row}
                selected={row.index === selected}
                onSelect={() => onSelect(row.index)}
                position={v.index + 1}
                count={visible.length}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
