import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  getSummaries,
  listClippingIds,
  readListSnapshot,
  writeListSnapshot,
  LIST_SNAPSHOT_SIZE,
  type ArchiveDb,
  type SnapshotStorage,
  type SummaryRow,
} from '../../lib/archive/index';
import type { TableWindow } from '../archive/archive-table';
import { sortIds, toTableRow, type Sort, type TableRow } from '../archive/rows';
import { useMatchingIds } from './use-archive-list';
import { useLiveQuery } from './use-live-query';
import type { SearchState } from './use-search';

// Rows read per step while loading what a sort needs: large enough to keep IndexedDB busy, small
// enough that the page stays responsive between steps.
const LOAD_CHUNK = 400;
// The longest a background step waits for an idle moment.
const IDLE_WAIT_MS = 1_000;

function sameRow(a: TableRow | undefined, b: TableRow): boolean {
  return (
    !!a &&
    a.title === b.title &&
    a.siteName === b.siteName &&
    a.date === b.date &&
    a.script === b.script &&
    a.asPage === b.asPage &&
    a.tags.join('\n') === b.tags.join('\n')
  );
}

/** Keep the first rows of the newest-first table for the next opening (notes come from the popup's). */
function writeTableSnapshot(storage: SnapshotStorage | undefined, first: readonly SummaryRow[]): void {
  const notes = new Map(readListSnapshot(storage)?.map((row) => [row.id, row.note]));
  writeListSnapshot(
    storage,
    first.slice(0, LIST_SNAPSHOT_SIZE).map((row) => ({ ...row, note: notes.get(row.id) ?? '' })),
  );
}

/**
 * The archive page's data: every clipping matching query and tag, in the chosen order, and the rows
 * of the visible window, all followed live. Sorting by anything but the save time needs every
 * matching row; those load in the background (with progress) the first time such a sort is asked.
 */
export function useArchiveTable(options: {
  db: ArchiveDb;
  query: string;
  tag: string;
  /** A person's folded name, '' for everyone. */
  person?: string;
  sort: Sort;
  search: SearchState;
  /** First and last (exclusive) position of the rows to read, and of those on screen. */
  range: TableWindow;
  /** Where the newest rows are kept between openings (the popup's list snapshot). */
  storage?: SnapshotStorage;
  onError: (error: unknown) => void;
}) {
  const { db, query, tag, sort, search, range, storage, onError } = options;
  const person = options.person ?? '';
  const filtered = query.trim() !== '' || tag !== '' || person !== '';
  const all = useLiveQuery(() => listClippingIds(db), [db], onError);
  const matching = useMatchingIds(db, query, tag, search, onError, person);
  const ids = filtered ? matching.ids : all;
  const newestFirst = sort.key === 'saved' && sort.descending;
  // Until the archive answers, the first screen is drawn from the snapshot of the last view, as the
  // popup does: opening IndexedDB and reading the order and the rows waits on the disk.
  const snapshot = useMemo(() => readListSnapshot(storage), [storage]);
  const preview = !filtered && newestFirst && all === undefined ? snapshot : undefined;

  // Rows for sorting and for drawing a window from memory, by id; grows as rows load, refreshed
  // from the visible window. Loaded when a sort needs them, or in the background once the search
  // index is in, so that a query's rows come from memory instead of a read per keystroke.
  const [sortRows, setSortRows] = useState<ReadonlyMap<string, TableRow>>(new Map());
  const loadedRows = useRef(new Map<string, TableRow>());
  const [loading, setLoading] = useState<{ done: number; total: number } | undefined>(undefined);
  const needRows = sort.key !== 'saved';
  const wantRows = needRows || search.index !== undefined;
  useEffect(() => {
    if (!wantRows || !all) return;
    let cancelled = false;
    const loaded = loadedRows.current;
    const missing = all.filter((id) => !loaded.has(id));
    if (missing.length === 0) return;
    void (async () => {
      for (let start = 0; start < missing.length && !cancelled; start += LOAD_CHUNK) {
        if (needRows) setLoading({ done: start, total: missing.length });
        // In the background, each step waits for a quiet moment: typing and scrolling come first.
        else await new Promise((resolve) => requestIdleCallback(resolve, { timeout: IDLE_WAIT_MS }));
        const clippings = await getSummaries(db, missing.slice(start, start + LOAD_CHUNK));
        for (const c of clippings) loaded.set(c.id, toTableRow(c));
      }
      if (cancelled) return;
      setLoading(undefined);
      setSortRows(new Map(loaded));
    })().catch(onError);
    return () => {
      cancelled = true;
    };
  }, [db, all, wantRows, needRows]);

  const sorted = useMemo(() => (ids ? sortIds(ids, sortRows, sort) : undefined), [ids, sortRows, sort]);
  // Until a sort can be applied, the rows stay in their last order (newest first at the start).
  const lastOrder = useRef<string[] | undefined>(undefined);
  if (sorted) lastOrder.current = sorted;
  const order =
    sorted ?? (lastOrder.current && !filtered ? lastOrder.current : ids) ?? preview?.map((r) => r.id) ?? [];

  const windowIds = order.slice(range.start, range.end);
  const windowKey = windowIds.join('\n');
  const visible = useLiveQuery(
    async () => {
      const summaries = await getSummaries(db, windowIds);
      return { key: windowKey, summaries, rows: summaries.map(toTableRow) };
    },
    [db, windowKey],
    onError,
  );
  // The window's rows: those in memory at once, then as read (the read also refreshes them).
  const rows = useMemo(() => {
    const map = new Map<string, TableRow>();
    for (const id of windowIds) {
      const row = sortRows.get(id);
      if (row) map.set(id, row);
    }
    for (const row of visible?.rows ?? preview?.map(toTableRow) ?? []) map.set(row.id, row);
    return map;
  }, [visible, preview, sortRows, windowKey]);
  // Keep the loaded rows in step with what is on screen (tags changed here or in another tab).
  useEffect(() => {
    if (!visible) return;
    const loaded = loadedRows.current;
    const changed = visible.rows.filter((row) => loaded.has(row.id) && !sameRow(loaded.get(row.id), row));
    if (changed.length === 0) return;
    for (const row of changed) loaded.set(row.id, row);
    if (sortRows.size > 0) setSortRows(new Map(loaded));
  }, [visible]);

  const windowRead = visible?.key === windowKey;
  // Ready once the rows on screen are read from the archive: by this window's read, or by the last
  // one (when the archive's order comes, the snapshot's rows were read, and the window grows by
  // rows below the fold), or in memory (an empty window of a known order has none to read).
  const readIds = useMemo(() => new Set(visible?.rows.map((row) => row.id)), [visible]);
  const windowReady =
    windowRead ||
    (ids !== undefined &&
      order.slice(range.shown.start, range.shown.end).every((id) => sortRows.has(id) || readIds.has(id)));
  const atTop = !filtered && newestFirst && range.start === 0 && all !== undefined;
  useEffect(() => {
    if (atTop && windowRead) writeTableSnapshot(storage, visible.summaries);
  }, [visible, atTop]);
  useBenchMarks({
    windowReady,
    listed: ids !== undefined,
    previewed: preview !== undefined,
    answers: filtered ? matching.answers : query,
    query,
    sort,
    sorted: !!sorted,
  });

  return {
    /** Every matching id in the shown order. */
    order,
    /** Rows of the visible window, by id (a row not here yet is drawn as a placeholder). */
    rows,
    /** True when the rows on screen belong to the current order. */
    windowReady,
    /** The query the order answers. */
    answers: filtered ? matching.answers : query,
    total: all?.length,
    listed: ids !== undefined,
    /** Progress of loading the rows a sort needs; undefined when none are loading. */
    loading: needRows && !sorted ? (loading ?? { done: 0, total: ids?.length ?? 0 }) : undefined,
    filtered,
  };
}

/**
 * Marks for the benchmark (read with performance.getEntriesByName): the first rows painted (from
 * the snapshot when there is one), the first rows read from the archive painted, and the time from
 * typing a query or choosing a sort to its rows on screen.
 */
function useBenchMarks(state: {
  windowReady: boolean;
  listed: boolean;
  /** Rows of the snapshot are on screen (the archive has not answered yet). */
  previewed: boolean;
  answers?: string;
  query: string;
  sort: Sort;
  sorted: boolean;
}) {
  const painted = useRef(false);
  const hydrated = useRef(false);
  const typed = useMemo(() => ({ at: performance.now(), measured: false }), [state.query]);
  const sortAsked = useMemo(
    () => ({ at: performance.now(), measured: false, first: !painted.current }),
    [state.sort],
  );
  useLayoutEffect(() => {
    const live = state.windowReady && state.listed;
    if (!painted.current && (state.previewed || live)) {
      painted.current = true;
      requestAnimationFrame(() => performance.mark('bz-archive-first-render'));
    }
    if (!live) return;
    if (!hydrated.current) {
      hydrated.current = true;
      requestAnimationFrame(() => performance.mark('bz-archive-hydrated'));
    }
    if (state.query.trim() && state.answers === state.query && !typed.measured) {
      typed.measured = true;
      performance.measure('bz-archive-search', { start: typed.at, end: performance.now() });
    }
    if (state.sorted && !sortAsked.first && !sortAsked.measured) {
      sortAsked.measured = true;
      performance.measure('bz-archive-sort', { start: sortAsked.at, end: performance.now() });
    }
  });
}
