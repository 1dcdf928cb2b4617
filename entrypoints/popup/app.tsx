import type { Browser } from 'webextension-polyfill';
import { Dexie, type ObservabilitySet } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ArchiveError,
  buildSnippet,
  clearListSnapshot,
  createSearchIndex,
  deleteClippings,
  listClippingIds,
  getClippings,
  listNewest,
  listTags,
  readArchiveChanges,
  readListSnapshot,
  removeSearchRows,
  restoreClippings,
  searchArchive,
  updateClipping,
  upsertSearchRows,
  writeListSnapshot,
  type ArchiveDb,
  type Clipping,
  type Removed,
  type SearchIndex,
  type SearchRow,
  type SnapshotRow,
  type SnapshotStorage,
} from '../../lib/archive/index';
import {
  exportClippings,
  formatExportFileName,
  importClippingsText,
  type ImportProblem,
  type SkipReason,
} from '../../lib/export/index';
import { ArchivePopup, type ListItem, type Notice } from '../../components/popup/archive-popup';
import { formatListDate, isSaveDate } from '../../components/shared/format-date';
import { createTranslate, type PlainKey } from '../../components/shared/translate';

// A popup shows about six rows; 25 fill it twice over and keep the first paint cheap.
const PAGE = 25;

const SKIP_KEYS: Record<SkipReason, PlainKey> = {
  identical: 'archive_skipIdentical',
  'stored-is-newer': 'archive_skipStoredNewer',
  'duplicate-in-file': 'archive_skipDuplicate',
};

const PROBLEM_KEYS: Record<ImportProblem['code'], PlainKey> = {
  empty: 'archive_problemEmpty',
  'not-json': 'archive_problemNotJson',
  truncated: 'archive_problemTruncated',
  'not-object': 'archive_problemNotObject',
  'wrong-format': 'archive_problemWrongFormat',
  'future-version': 'archive_problemFutureVersion',
  'bad-version': 'archive_problemBadVersion',
  'no-clippings': 'archive_problemNoClippings',
  'too-many': 'archive_problemTooMany',
  'bad-records': 'archive_problemBadRecords',
  'duplicate-ids': 'archive_problemDuplicateIds',
  storage: 'archive_problemStorage',
};

interface View {
  /** The query these results answer (the box may already hold a newer one). */
  query: string;
  /** Ids matching query and tag (all clippings when neither is set), newest first; undefined until listed. */
  ids?: string[];
  terms: string[];
  items: ListItem[];
}

const EMPTY_VIEW: View = { query: '', terms: [], items: [] };

function toPlainItem(row: SnapshotRow): ListItem {
  return {
    id: row.id,
    siteName: row.siteName,
    date: formatListDate(row.publishedAt, row.savedAt),
    dateSaved: isSaveDate(row.publishedAt),
    asPage: (row as { asPage?: true }).asPage === true,
    script: row.script,
    tags: row.tags,
    note: row.note,
    title: { text: row.title, ranges: [] },
  };
}

function toItem(clipping: Clipping, terms: string[], index: SearchIndex | undefined): ListItem {
  const base = toPlainItem(clipping);
  if (terms.length === 0 || !index) return base;
  const { title, snippet } = buildSnippet(clipping, terms, index.fold);
  return { ...base, title, snippet };
}

/** The list as the last popup left it, drawn before IndexedDB answers; replaced as soon as it does. */
function readInitialView(storage: SnapshotStorage | undefined): View {
  const rows = readListSnapshot(storage);
  return rows ? { query: '', terms: [], items: rows.slice(0, PAGE).map(toPlainItem) } : EMPTY_VIEW;
}

/** The popup's glue: archive queries, the lazily built search index, downloads and i18n. */
export function PopupApp(props: { db: ArchiveDb; browser: Browser; storage?: SnapshotStorage }) {
  const { db, browser, storage } = props;
  const t = useMemo(() => createTranslate(browser.i18n), [browser]);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [view, setView] = useState<View>(() => readInitialView(storage));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | undefined>();
  const indexRef = useRef<Promise<SearchIndex> | undefined>(undefined);
  const removedRef = useRef<Removed | undefined>(undefined);
  const requestRef = useRef(0);
  const hydratedRef = useRef(false);
  // While this popup writes, change events are its own and its handlers refresh by themselves.
  const ownWritesRef = useRef(0);
  const currentRef = useRef({ query: '', tag: '', shown: 0 });
  currentRef.current = { query, tag, shown: view.items.length };

  const getIndex = useCallback(() => (indexRef.current ??= createSearchIndex(db)), [db]);

  const showError = useCallback(
    (error: unknown) => {
      const message =
        error instanceof ArchiveError && error.code === 'quota'
          ? t('archive_errorQuota')
          : error instanceof Error
            ? error.message
            : String(error);
      setNotice({ kind: 'error', message });
    },
    [t],
  );

  /** Recompute the list for a query and tag; stale answers (typed over) are dropped. */
  const refresh = useCallback(
    async (q: string, tg: string, keep = PAGE) => {
      const request = ++requestRef.current;
      const isCurrent = () => request === requestRef.current;
      if (q.trim() === '' && tg === '') {
        // First paint needs only the newest page; the full id list (count, later pages) follows.
        const newest = await listNewest(db.clippings, keep);
        writeListSnapshot(storage, newest.slice(0, PAGE));
        if (isCurrent()) {
          setView({ query: q, terms: [], items: newest.map((c) => toItem(c, [], undefined)) });
          if (!hydratedRef.current) {
            hydratedRef.current = true;
            // When the archive's own list replaced the snapshot (or the empty popup), for the benchmark.
            requestAnimationFrame(() => performance.mark('bz-list-hydrated'));
          }
        }
        const all = await listClippingIds(db.clippings);
        if (isCurrent()) setView((current) => ({ ...current, ids: all }));
        return isCurrent();
      }
      let ids: string[];
      let terms: string[] = [];
      let index: SearchIndex | undefined;
      if (q.trim() !== '') {
        index = await getIndex();
        const result = searchArchive(index, q);
        ids = result.ids;
        terms = result.terms;
        if (tg) {
          const tagged = new Set(await db.clippings.where('tags').equals(tg).primaryKeys());
          ids = ids.filter((id) => tagged.has(id));
        }
      } else {
        ids = await listClippingIds(db.clippings, tg || undefined);
      }
      const page = await getClippings(db.clippings, ids.slice(0, keep));
      if (isCurrent()) setView({ query: q, ids, terms, items: page.map((c) => toItem(c, terms, index)) });
      return isCurrent();
    },
    [db, getIndex, storage],
  );

  useEffect(() => {
    void (async () => {
      await refresh('', '');
      setTags(await listTags(db.clippings));
      // Load the search index as soon as the list is up, so the first keystroke rarely waits.
      await getIndex();
    })().catch((error: unknown) => {
      // Snapshot rows are only a preview of the archive: without the archive, show none.
      if (!hydratedRef.current) setView(EMPTY_VIEW);
      showError(error);
    });
  }, [db, refresh, showError, getIndex]);

  // Saves from other tabs (the background) and other extension pages reach this popup through
  // Dexie's change events (a BroadcastChannel between the extension's pages and its worker).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let search: Set<string> | 'all' = new Set();
    let clippings = false;
    const apply = async () => {
      const ids = search;
      const listChanged = clippings || ids === 'all' || ids.size > 0;
      search = new Set();
      clippings = false;
      const loaded = indexRef.current;
      if (ids === 'all') {
        indexRef.current = undefined;
      } else if (loaded && ids.size > 0) {
        const index = await loaded;
        const rows = await db.searchIndex.bulkGet([...ids]);
        removeSearchRows(
          index,
          [...ids].filter((_, i) => rows[i] === undefined),
        );
        upsertSearchRows(
          index,
          rows.filter((r): r is SearchRow => r !== undefined),
        );
      }
      if (listChanged) {
        const { query: q, tag: tg, shown } = currentRef.current;
        await refresh(q, tg, Math.max(PAGE, shown));
        setTags(await listTags(db.clippings));
      }
    };
    const onMutated = (parts: ObservabilitySet) => {
      if (ownWritesRef.current > 0) return;
      const changes = readArchiveChanges(parts, db.name);
      if (!changes) return;
      clippings ||= changes.clippings;
      if (changes.search === 'all' || search === 'all') search = 'all';
      else for (const id of changes.search) search.add(id);
      clearTimeout(timer);
      // One refresh for a burst of saves (20 tabs saving at once).
      timer = setTimeout(() => void apply().catch(showError), 150);
    };
    Dexie.on('storagemutated', onMutated);
    return () => {
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db, refresh, showError]);

  /** Run one of this popup's own writes, keeping its change events from triggering a second refresh. */
  const ownWrite = useCallback(async (write: () => Promise<void>) => {
    ownWritesRef.current++;
    try {
      await write();
    } finally {
      ownWritesRef.current--;
    }
  }, []);

  const listed = view !== EMPTY_VIEW;
  useEffect(() => {
    if (!listed) return;
    // First paint of the list, for the archive benchmark (read with performance.getEntriesByName).
    requestAnimationFrame(() => performance.mark('bz-first-render'));
  }, [listed]);

  const onQuery = (q: string) => {
    setQuery(q);
    const started = performance.now();
    refresh(q, tag)
      .then((fresh) => {
        if (fresh && q.trim()) performance.measure('bz-search', { start: started, end: performance.now() });
      })
      .catch(showError);
  };

  const onTag = (tg: string) => {
    setTag(tg);
    refresh(query, tg).catch(showError);
  };

  const onLoadMore = async () => {
    const shown = view;
    try {
      const ids = shown.ids ?? (await listClippingIds(db.clippings));
      const more = await getClippings(db.clippings, ids.slice(shown.items.length, shown.items.length + PAGE));
      const index = shown.terms.length ? await getIndex() : undefined;
      // Drop the page if a newer search replaced the view meanwhile.
      setView((current) =>
        current === shown
          ? { ...shown, ids, items: [...shown.items, ...more.map((c) => toItem(c, shown.terms, index))] }
          : current,
      );
    } catch (error) {
      showError(error);
    }
  };

  const onSelect = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const onSelectAll = (on: boolean) => setSelected(on ? new Set(view.items.map((i) => i.id)) : new Set());

  const onOpen = (id: string) => {
    void browser.tabs.create({
      url: browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(id)}` as '/reader.html'),
    });
  };

  const onSaveMeta = (id: string, changes: { tags: string[]; note: string }) =>
    ownWrite(async () => {
      try {
        await updateClipping(db, id, changes);
        setTags(await listTags(db.clippings));
        await refresh(query, tag, Math.max(PAGE, view.items.length));
      } catch (error) {
        showError(error);
      }
    });

  const onDelete = (ids: string[]) =>
    ownWrite(async () => {
      try {
        // A filtered list does not rewrite the snapshot: drop it so the next popup cannot show these.
        clearListSnapshot(storage);
        const removed = await deleteClippings(db, ids);
        removedRef.current = removed;
        if (indexRef.current) removeSearchRows(await indexRef.current, ids);
        setSelected(new Set([...selected].filter((id) => !ids.includes(id))));
        setNotice({ kind: 'deleted', count: removed.clippings.length });
        setTags(await listTags(db.clippings));
        await refresh(query, tag, Math.max(PAGE, view.items.length));
      } catch (error) {
        showError(error);
      }
    });

  const onUndo = () =>
    ownWrite(async () => {
      const removed = removedRef.current;
      if (!removed) return;
      try {
        await restoreClippings(db, removed);
        removedRef.current = undefined;
        if (indexRef.current) upsertSearchRows(await indexRef.current, removed.rows);
        setNotice(undefined);
        setTags(await listTags(db.clippings));
        await refresh(query, tag, Math.max(PAGE, view.items.length));
      } catch (error) {
        showError(error);
      }
    });

  const onExport = async (ids?: string[]) => {
    const started = performance.now();
    try {
      const { parts, count } = await exportClippings(db, {
        ids,
        onProgress: (done, total) => setNotice({ kind: 'exporting', done, total }),
      });
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
      const filename = formatExportFileName(new Date());
      await browser.downloads.download({ url, filename, saveAs: false });
      performance.measure('bz-export', { start: started, end: performance.now() });
      setNotice({ kind: 'exported', count, filename });
      // The download has its own copy once started; keep the URL a while for slow disks.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      showError(error);
    }
  };

  const onImport = (file: File) =>
    ownWrite(async () => {
      const started = performance.now();
      setNotice({ kind: 'importing' });
      try {
        const result = await importClippingsText(db, await file.text());
        if (!result.ok) {
          setNotice({
            kind: 'import-failed',
            message: t(PROBLEM_KEYS[result.problem.code]),
            details: result.problem.details,
          });
          return;
        }
        const { added, updated, skipped } = result.report;
        indexRef.current = undefined;
        const [tagList] = await Promise.all([listTags(db.clippings), refresh(query, tag)]);
        setTags(tagList);
        performance.measure('bz-import', { start: started, end: performance.now() });
        // A reader knows clippings by title, not by id.
        const shown = skipped.slice(0, 10);
        const stored = await db.clippings.bulkGet(shown.map((s) => s.id));
        const reasons = shown.map((s, i) => `${stored[i]?.title || s.id}: ${t(SKIP_KEYS[s.reason])}`);
        setNotice({
          kind: 'imported',
          added: added.length,
          updated: updated.length,
          skipped: skipped.length,
          reasons,
        });
      } catch (error) {
        showError(error);
      }
    });

  return (
    <ArchivePopup
      t={t}
      items={view.items}
      total={view.ids?.length}
      filtered={query.trim() !== '' || tag !== ''}
      hasMore={view.ids ? view.items.length < view.ids.length : view.items.length >= PAGE}
      query={query}
      resultsQuery={view.query}
      tags={tags}
      tag={tag}
      selected={selected}
      notice={notice}
      onQuery={onQuery}
      onTag={onTag}
      onSelect={onSelect}
      onSelectAll={onSelectAll}
      onOpen={onOpen}
      onLoadMore={() => void onLoadMore()}
      onSaveMeta={(id, changes) => void onSaveMeta(id, changes)}
      onDelete={(ids) => void onDelete(ids)}
      onUndo={() => void onUndo()}
      onExport={(ids) => void onExport(ids)}
      onImport={(file) => void onImport(file)}
      onDismiss={() => setNotice(undefined)}
    />
  );
}
