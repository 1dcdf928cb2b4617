import { useEffect, useRef, useState } from 'preact/hooks';
import type { PlainKey, Translate } from '../shared/translate';
import type { Sort, SortKey, TableRow } from './rows';
import { ROW_HEIGHT } from './row-height';
import { ArchiveTableRow } from './table-row';

// Rows drawn beyond the visible ones, so fast scrolling rarely shows blanks.
const OVERSCAN = 12;

const COLUMNS: Array<{ key: SortKey; label: PlainKey }> = [
  { key: 'title', label: 'archivePage_colTitle' },
  { key: 'site', label: 'archivePage_colSite' },
  { key: 'date', label: 'archivePage_colDate' },
  { key: 'script', label: 'archivePage_colScript' },
  { key: 'tags', label: 'archivePage_colTags' },
  { key: 'saved', label: 'archivePage_colSaved' },
];

export interface ArchiveTableProps {
  t: Translate;
  /** Every listed id, in the shown order. */
  order: readonly string[];
  rows: ReadonlyMap<string, TableRow>;
  sort: Sort;
  selected: ReadonlySet<string>;
  onSort: (sort: Sort) => void;
  onToggle: (id: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onOpen: (id: string) => void;
  /** Delete these (the selection, or the active row when nothing is selected). */
  onDelete: (ids: string[]) => void;
  /** The window of positions to read rows for, and the rows on screen (the first is tableWindow()). */
  onRange: (range: TableWindow) => void;
  /** The active row (keyboard focus within the grid) changed; undefined when the list is empty. */
  onActive?: (id: string | undefined) => void;
}

/** Positions of the rows to draw and read (`end` may pass the end of the list). */
export interface TableWindow {
  start: number;
  end: number;
  /** The rows on screen, within start..end: the page counts as read once these are. */
  shown: { start: number; end: number };
}

/**
 * The rows to draw (and read) for a body scrolled to `top` and `height` px tall: those on screen
 * and a margin either side. The first window (no arguments), before the body is measured, is the
 * rows the page's height can show and the margin below; the body is shorter than the page, so its
 * measured window fits in the first one and keeps its rows.
 */
export function tableWindow(top?: number, height?: number): TableWindow {
  const shown =
    top === undefined || height === undefined
      ? { start: 0, end: Math.ceil(window.innerHeight / ROW_HEIGHT) }
      : { start: Math.floor(top / ROW_HEIGHT), end: Math.ceil((top + height) / ROW_HEIGHT) };
  return { start: Math.max(0, shown.start - OVERSCAN), end: shown.end + OVERSCAN, shown };
}

/**
 * The archive as a sortable grid of fixed-height rows; only the rows in view (and a margin) exist
 * in the DOM, so 10,000 clippings cost what 50 do. Keyboard: arrows (with Shift to extend the
 * selection), Page Up/Down, Home/End, Space to select, Enter to open, Delete to delete.
 */
export function ArchiveTable(props: ArchiveTableProps) {
  const { t, order } = props;
  const body = useRef<HTMLDivElement>(null);
  // Undefined until the body is measured: the first screen is drawn for the page's height
  // (tableWindow()), without reading the layout (a forced layout and a second render before the
  // first paint).
  const [view, setView] = useState<{ top: number; height: number } | undefined>(undefined);
  const reported = useRef<TableWindow | undefined>(undefined);
  const [active, setActive] = useState(0);

  // The body's own height is read once the first frame has painted, then on every resize.
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const { start: first, end, shown } = tableWindow(view?.top, view?.height);
  // The first paint draws only the rows the page shows; the margin below is read with them and
  // drawn once the body is measured.
  const last = Math.min(order.length, view ? end : shown.end);
  // The rows read: once reported, a window that holds the drawn one is kept (the body measured
  // shorter than the page draws fewer rows, but need not read them again); the rows on screen
  // are reported as they move.
  useEffect(() => {
    const was = reported.current;
    const keep = was && first >= was.start && end <= was.end;
    if (keep && was.shown.start === shown.start && was.shown.end === shown.end) return;
    reported.current = keep ? { start: was.start, end: was.end, shown } : { start: first, end, shown };
    props.onRange(reported.current);
  }, [first, end, shown.start, shown.end]);
  // A shorter list (a search) may end above the active row.
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, order.length - 1))), [order.length]);
  const activeId = order[active];
  useEffect(() => props.onActive?.(activeId), [activeId]);

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(order.length - 1, index));
    if (extend) {
      const from = Math.min(active, next);
      const to = Math.max(active, next);
      for (let i = from; i <= to; i++) props.onToggle(order[i]!, true);
    }
    setActive(next);
    const el = body.current;
    if (!el) return;
    // Keep the active row in view.
    const top = next * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (order.length === 0) return;
    const page = Math.max(1, Math.floor((view?.height ?? window.innerHeight) / ROW_HEIGHT) - 1);
    const id = order[active];
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active + 1, event.shiftKey);
        break;
      case 'ArrowUp':
        moveTo(active - 1, event.shiftKey);
        break;
      case 'PageDown':
        moveTo(active + page, event.shiftKey);
        break;
      case 'PageUp':
        moveTo(active - page, event.shiftKey);
        break;
      case 'Home':
        moveTo(0, event.shiftKey);
        break;
      case 'End':
        moveTo(order.length - 1, event.shiftKey);
        break;
      case ' ':
        if (id) props.onToggle(id, !props.selected.has(id));
        break;
      case 'Enter':
        if (id) props.onOpen(id);
        break;
      case 'Delete':
      case 'Backspace':
        if (props.selected.size > 0) props.onDelete([...props.selected]);
        else if (id) props.onDelete([id]);
        break;
      case 'a':
        if (!(event.ctrlKey || event.metaKey)) return;
        props.onSelectAll(true);
        break;
      case 'Escape':
        if (props.selected.size === 0) return;
        props.onSelectAll(false);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const allSelected = order.length > 0 && props.selected.size >= order.length;
  const windowRows = [];
  for (let i = first; i < last; i++) {
    const id = order[i]!;
    windowRows.push(
      <ArchiveTableRow
        key={id}
        t={t}
        id={id}
        index={i}
        row={props.rows.get(id)}
        selected={props.selected.has(id)}
        active={i === active}
        onToggle={props.onToggle}
        onActivate={setActive}
        onOpen={props.onOpen}
      />,
    );
  }

  return (
    <div
      class="bz-table"
      role="grid"
      aria-rowcount={order.length + 1}
      aria-multiselectable="true"
      data-testid="bz-table"
      data-count={order.length}
    >
      <div class="bz-thead" role="row" aria-rowindex={1}>
        <span role="columnheader" class="bz-cell-check">
          <input
            type="checkbox"
            data-testid="bz-table-select-all"
            aria-label={t('archive_selectAll')}
            checked={allSelected}
            onChange={(e) => props.onSelectAll((e.currentTarget as HTMLInputElement).checked)}
          />
        </span>
        {COLUMNS.map((column) => {
          const current = props.sort.key === column.key;
          return (
            <span
              role="columnheader"
              key={column.key}
              class={`bz-cell-${column.key}`}
              aria-sort={current ? (props.sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button
                type="button"
                class="bz-sort"
                data-testid={`bz-sort-${column.key}`}
                onClick={() =>
                  props.onSort({
                    key: column.key,
                    // A new column starts ascending, except the save time (newest first).
                    descending: current ? !props.sort.descending : column.key === 'saved',
                  })
                }
              >
                {t(column.label)}
                <span class="bz-sort-mark" aria-hidden="true">
                  {current ? (props.sort.descending ? '▼' : '▲') : ''}
                </span>
              </button>
            </span>
          );
        })}
      </div>
      <div
        class="bz-tbody"
        ref={body}
        tabIndex={0}
        data-testid="bz-table-body"
        aria-activedescendant={order.length ? `bz-row-${active}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLDivElement;
          setView({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        <div class="bz-tspace" style={{ height: `${order.length * ROW_HEIGHT}px` }}>
          {windowRows}
        </div>
      </div>
    </div>
  );
}
