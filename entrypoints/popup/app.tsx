import type { Browser } from 'webextension-polyfill';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  ArchiveError,
  buildSnippet,
  createSearchIndex,
  deleteClippings,
  listClippingIds,
  getClippings,
  listNewest,
  listTags,
  removeSearchRows,
  restoreClippings,
  searchArchive,
  updateClipping,
  upsertSearchRows,
  type ArchiveDb,
  type Clipping,
  type Removed,
  type SearchIndex,
} from '../../lib/archive/index';
import { exportClippings, formatExportFileName, importClippingsText, type SkipReason } from '../../lib/export/index';
import { ArchivePopup, type ListItem, type Notice } from '../../components/popup/archive-popup';
import { formatListDate } from '../../components/shared/format-date';

// A popup shows about six rows; 25 fill it twice over and keep the first paint cheap.
const PAGE = 25;

const SKIP_KEYS: Record<SkipReason, string> = {
  identical: 'archive_skipIdentical',
  'stored-is-newer': 'archive_skipStoredNewer',
  'duplicate-in-file': 'archive_skipDuplicate',
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

function toItem(clipping: Clipping, terms: string[], index: SearchIndex | undefined): ListItem {
  const base = {
    id: clipping.id,
    siteName: clipping.siteName,
    date: formatListDate(clipping.publishedAt, clipping.savedAt),
    script: clipping.script,
    tags: clipping.tags,
    note: clipping.note,
  };
  if (terms.length === 0 || !index) return { ...base, title: { text: clipping.title, ranges: [] } };
  const { title, snippet } = buildSnippet(clipping, terms, index.fold);
  return { ...base, title, snippet };
}

/** The popup's glue: archive queries, the lazily built search index, downloads and i18n. */
export function PopupApp(props: { db: ArchiveDb; browser: Browser }) {
  const { db, browser } = props;
  const t = useCallback((key: string, subs?: string[]) => browser.i18n.getMessage(key, subs) || key, [browser]);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [view, setView] = useState<View>(EMPTY_VIEW);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | undefined>();
  const indexRef = useRef<Promise<SearchIndex> | undefined>(undefined);
  const removedRef = useRef<Removed | undefined>(undefined);
  const requestRef = useRef(0);

  const getIndex = useCallback(() => (indexRef.current ??= createSearchIndex(db)), [db]);

  const showError = useCallback(
    (error: unknown) => {
      const message = error instanceof ArchiveError && error.code === 'quota' ? t('archive_errorQuota') : error instanceof Error ? error.message : String(error);
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
        if (isCurrent()) setView({ query: q, terms: [], items: newest.map((c) => toItem(c, [], undefined)) });
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
    [db, getIndex],
  );

  useEffect(() => {
    void (async () => {
      await refresh('', '');
      setTags(await listTags(db.clippings));
    })().catch(showError);
  }, [db, refresh, showError]);

  const listed = view !== EMPTY_VIEW;
  useEffect(() => {
    if (!listed) return;
    // First paint of the list, for the archive benchmark (read with performance.getEntriesByName).
    requestAnimationFrame(() => performance.mark('bz-first-render'));
    // Build the search index while the reader looks at the list, so the first keystroke is fast.
    const timer = setTimeout(() => void getIndex(), 300);
    return () => clearTimeout(timer);
  }, [listed, getIndex]);

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
      setView((current) => (current === shown ? { ...shown, ids, items: [...shown.items, ...more.map((c) => toItem(c, shown.terms, index))] } : current));
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
    void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(id)}` as '/reader.html') });
  };

  const onSaveMeta = async (id: string, changes: { tags: string[]; note: string }) => {
    try {
      await updateClipping(db, id, changes);
      setTags(await listTags(db.clippings));
      await refresh(query, tag, Math.max(PAGE, view.items.length));
    } catch (error) {
      showError(error);
    }
  };

  const onDelete = async (ids: string[]) => {
    try {
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
  };

  const onUndo = async () => {
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
  };

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

  const onImport = async (file: File) => {
    const started = performance.now();
    setNotice({ kind: 'importing' });
    try {
      const result = await importClippingsText(db, await file.text());
      if (!result.ok) {
        setNotice({ kind: 'import-failed', message: result.problem.message, details: result.problem.details });
        return;
      }
      const { added, updated, skipped } = result.report;
      indexRef.current = undefined;
      setTags(await listTags(db.clippings));
      await refresh(query, tag);
      performance.measure('bz-import', { start: started, end: performance.now() });
      const reasons = skipped.slice(0, 10).map((s) => `${s.id}: ${t(SKIP_KEYS[s.reason])}`);
      setNotice({ kind: 'imported', added: added.length, updated: updated.length, skipped: skipped.length, reasons });
    } catch (error) {
      showError(error);
    }
  };

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
