// A virtualized table (only visible rows are in the DOM), so 100k rows scroll smoothly.
// Rows are reachable with the keyboard: Tab into the table, arrows move, Enter opens.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export type Column<T> = {
  id: string;
  header: string;
  /** CSS grid track, e.g. '2fr' or '120px'. */
  width?: string;
  align?: 'start' | 'end';
  render: (row: T) => ReactNode;
};

type Props<T> = {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  emptyText: string;
  /** Height of the scrolling area; the table fills its container by default. */
  height?: string;
  /** Rows in all when `rows` is a loaded window of a longer list (for assistive tech). */
  totalRows?: number | null;
  /** The last row index drawn (visible or just beyond): lets a windowed list load more. */
  onShowing?: (lastIndex: number) => void;
};

const ROW_HEIGHT = 34;

export const Table = <T,>({
  label,
  columns,
  rows,
  rowKey,
  onOpen,
  emptyText,
  height,
  totalRows,
  onShowing,
}: Props<T>) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // The app is not built with the React Compiler, so its memoization caveat does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const drawn = virtualizer.getVirtualItems();
  const lastDrawn = drawn.length > 0 ? (drawn[drawn.length - 1]?.index ?? -1) : -1;
  useEffect(() => {
    if (lastDrawn >= 0) onShowing?.(lastDrawn);
  }, [lastDrawn, onShowing]);
  const template = columns.map((c) => c.width ?? '1fr').join(' ');
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent, index: number, row: T) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 340) / ROW_HEIGHT));
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(row);
    }
  };

  return (
    <div
      role="table"
      aria-label={label}
      aria-rowcount={Math.max(totalRows ?? 0, rows.length) + 1}
      className="vtable"
    >
      <div role="rowgroup">
        <div role="row" className="vrow vhead" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <span key={c.id} role="columnheader" className={c.align === 'end' ? 'num' : ''}>
              {c.header}
            </span>
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="vbody" style={height ? { height } : {}}>
        {rows.length === 0 ? <p className="empty">{emptyText}</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {drawn.map((item) => {
            const row = rows[item.index] as T;
            return (
              <div
                key={rowKey(row)}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === activeIndex ? 0 : -1}
                className="vrow"
                style={{
                  gridTemplateColumns: template,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
                onClick={() => {
                  setActive(item.index);
                  onOpen?.(row);
                }}
                onKeyDown={(event) => onKeyDown(event, item.index, row)}
              >
                {columns.map((c) => (
                  <span key={c.id} role="cell" className={c.align === 'end' ? 'num' : ''}>
                    {c.render(row)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
};
