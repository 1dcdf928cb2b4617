import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  buildSnippet,
  getClippings,
  listFilteredIds,
  listNewest,
  readListSnapshot,
  searchArchive,
  writeListSnapshot,
  type ArchiveDb,
  type Clipping,
  type SearchIndex,
  type SnapshotRow,
  type SnapshotStorage,
} from '../../lib/archive/index';
import type { ListItem } from '../popup/clipping-row';
import { formatListDate, isSaveDate } from '../shared/format-date';
import { useLiveQuery } from './use-live-query';
import type { SearchState } from './use-search';

/** What the list shows: the items for one query and tag, and how many match in all. */
export interface ListView {
  /** The query these items answer (the box may already hold a newer one). */
  query: string;
  tag: string;
  items: ListItem[];
  /** Clippings matching query and tag (the whole archive when neither is set); undefined while counting. */
  total?: number;
  /** True once the items come from the archive (not the snapshot of the last popup). */
  live: boolean;
}

function toPlainItem(row: SnapshotRow & { asPage?: true }): ListItem {
  return {
    id: row.id,
    siteName: row.siteName,
    date: formatListDate(row.publishedAt, row.savedAt),
    dateSaved: isSaveDate(row.publishedAt),
    asPage: row.asPage === true,
    script: row.script,
    tags: row.tags,
    note: row.note,
    title: { text: row.title, ranges: [] },
  };
}

function toItem(clipping: Clipping, terms: readonly string[], index: SearchIndex | undefined): ListItem {
  const base = toPlainItem(clipping);
  if (terms.length === 0 || !index) return base;
  const { title, snippet } = buildSnippet(clipping, terms, index.fold);
  return { ...base, title, snippet };
}

/**
 * Ids matching a query (newest first, from the search index), a tag and a person (a folded name);
 * undefined while not known.
 */
export function useMatchingIds(
  db: ArchiveDb,
  query: string,
  tag: string,
  search: SearchState,
  onError: (error: unknown) => void,
  person = '',
): { ids?: string[]; terms: string[]; answers?: string } {
  const narrowed = tag !== '' || person !== '';
  const filterKey = `${tag}\n${person}`;
  const tagged = useLiveQuery(
    async () => (narrowed ? { tag: filterKey, ids: await listFilteredIds(db, { tag, person }) } : undefined),
    [db, filterKey],
    onError,
  );
  const q = query.trim();
  const { index, version } = search;
  return useMemo(() => {
    if (narrowed && tagged?.tag !== filterKey) return { terms: [] };
    if (!q) return { ids: tagged?.ids, terms: [], answers: query };
    if (!index) return { terms: [] };
    const result = searchArchive(index, q);
    let ids = result.ids;
    if (narrowed && tagged) {
      const keep = new Set(tagged.ids);
      ids = ids.filter((id) => keep.has(id));
    }
    return { ids, terms: result.terms, answers: query };
    // `version` changes when the index changes in place.
  }, [q, query, filterKey, tagged, index, version]);
}

/**
 * The popup's list: newest first, a page at a time, narrowed by query and tag, and followed live
 * (saves in other tabs, deletes, imports). Paints the snapshot of the last popup first; marks the
 * first paint and the first list from the archive for the benchmark.
 */
export function useArchiveList(options: {
  db: ArchiveDb;
  query: string;
  tag: string;
  /** A person's folded name, '' for everyone. */
  person?: string;
  search: SearchState;
  pageSize: number;
  storage?: SnapshotStorage;
  onError: (error: unknown) => void;
}) {
  const { db, query, tag, search, pageSize, storage } = options;
  const person = options.person ?? '';
  const [shown, setShown] = useState(pageSize);
  // Snapshot rows are only a preview of the archive: when the archive fails, show none.
  const [failed, setFailed] = useState(false);
  const onError = (error: unknown) => {
    setFailed(true);
    options.onError(error);
  };
  // When the reader typed the query now shown in the box, for the benchmark's search timing.
  const typed = useMemo(() => ({ query, at: performance.now(), measured: false }), [query]);
  const filtered = query.trim() !== '' || tag !== '' || person !== '';
  const matching = useMatchingIds(db, query, tag, search, onError, person);
  // A new query, tag or person starts again from the first page.
  useEffect(() => setShown(pageSize), [query, tag, person, pageSize]);

  const snapshot = useMemo(() => readListSnapshot(storage), [storage]);
  const answer = useLiveQuery(
    async () => {
      if (!filtered) {
        const { clippings, total } = await listNewest(db, shown);
        return { query, tag, total, clippings, terms: [] as string[] };
      }
      // Still searching (the index is loading): keep showing the last answer.
      if (matching.ids === undefined || matching.answers !== query) return undefined;
      const clippings = await getClippings(db.clippings, matching.ids.slice(0, shown));
      return { query, tag, total: matching.ids.length, clippings, terms: matching.terms };
    },
    [db, filtered, shown, matching],
    onError,
  );
  const lastAnswer = useRef(answer);
  if (answer) lastAnswer.current = answer;
  const loaded = lastAnswer.current;

  // Built while rendering (not in an effect) so new results reach the screen in the same frame.
  const view = useMemo((): ListView | undefined => {
    if (loaded) {
      return {
        query: loaded.query,
        tag: loaded.tag,
        total: loaded.total,
        items: loaded.clippings.map((c) => toItem(c, loaded.terms, search.index)),
        live: true,
      };
    }
    if (failed) return { query: '', tag: '', items: [], live: true };
    if (!snapshot) return undefined;
    return { query: '', tag: '', items: snapshot.slice(0, pageSize).map(toPlainItem), live: false };
    // Snippets use the index of the moment the answer came.
  }, [loaded, failed, snapshot, pageSize]);

  useEffect(() => {
    if (loaded && loaded.query.trim() === '' && loaded.tag === '' && person === '')
      writeListSnapshot(storage, loaded.clippings.slice(0, pageSize));
  }, [loaded, storage, pageSize, person]);

  // Benchmark marks (read with performance.getEntriesByName): first paint of any list, then the
  // first list read from the archive replacing the snapshot; search from typing to its rows in the DOM.
  const marked = useRef({ first: false, live: false });
  useLayoutEffect(() => {
    if (!view) return;
    if (view.live && view.query === typed.query && typed.query.trim() && !typed.measured) {
      typed.measured = true;
      performance.measure('bz-search', { start: typed.at, end: performance.now() });
    }
    if (!marked.current.first) {
      marked.current.first = true;
      requestAnimationFrame(() => performance.mark('bz-first-render'));
    }
    if (view.live && !marked.current.live) {
      marked.current.live = true;
      requestAnimationFrame(() => performance.mark('bz-list-hydrated'));
    }
  }, [view]);

  return {
    view: view ?? { query: '', tag: '', items: [], live: false },
    /** False until something (snapshot or archive) is listed. */
    listed: view !== undefined,
    filtered,
    /** Every clipping matching the query and tag, newest first; undefined without a filter or while searching. */
    matchingIds: filtered ? matching.ids : undefined,
    hasMore: view?.total !== undefined ? view.items.length < view.total : false,
    loadMore: () => setShown((n) => n + pageSize),
  };
}
