import type { Browser } from 'webextension-polyfill';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { listPeople, listTags, type ArchiveDb, type SnapshotStorage } from '../../lib/archive/index';
import type { ExportFile, ExportFormat } from '../../lib/export/index';
import { ArchivePopup } from '../../components/popup/archive-popup';
import { useArchiveActions } from '../../components/hooks/use-archive-actions';
import { useArchiveList } from '../../components/hooks/use-archive-list';
import { useCopyCitation } from '../../components/hooks/use-copy-citation';
import { useImportExport } from '../../components/hooks/use-import-export';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { useNotice } from '../../components/hooks/use-notice';
import { useSavePage } from '../../components/hooks/use-save-page';
import { useSearch } from '../../components/hooks/use-search';
import { useSelection } from '../../components/hooks/use-selection';
import { afterPaint } from '../../components/hooks/after-paint';
import { saveCurrentTab } from './activate';
import { copyText, downloadExport, makeTranslate, openArchivePage, openReader } from './glue';

// A popup shows about six rows; 25 fill it twice over and keep the first paint cheap.
const PAGE = 25;

/** The popup's glue: the archive hooks, wired to the browser's tabs, downloads and i18n. */
export function PopupApp(props: { db: ArchiveDb; browser: Browser; storage?: SnapshotStorage }) {
  const { db, browser, storage } = props;
  const t = useMemo(() => makeTranslate(browser), [browser]);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [person, setPerson] = useState('');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [indexWanted, setIndexWanted] = useState(false);
  const { notice, setNotice, showError } = useNotice(t);
  const selection = useSelection();
  const search = useSearch(db, indexWanted || query !== '', showError);
  const list = useArchiveList({
    db,
    query,
    tag,
    person,
    search,
    pageSize: PAGE,
    storage,
    onError: showError,
  });
  // The index loads once the list is on screen, so the first keystroke rarely waits for it.
  useEffect(() => afterPaint(list.view.live, () => setIndexWanted(true)), [list.view.live]);
  const tags = useLiveQuery(() => listTags(db.clippings), [db], showError) ?? [];
  const people = useLiveQuery(() => listPeople(db), [db], showError) ?? [];
  const actions = useArchiveActions({ db, storage, setNotice, showError, onDeleted: selection.drop });
  const io = useImportExport({
    db,
    t,
    lang: browser.i18n.getUILanguage(),
    setNotice,
    showError,
    download: useMemo(() => (file: ExportFile) => downloadExport(browser, file), [browser]),
  });
  const cite = useCopyCitation({
    t,
    read: useCallback((id: string) => db.clippings.get(id), [db]),
    write: copyText,
    onError: showError,
  });
  const savePage = useSavePage((options) => saveCurrentTab(browser, options));
  const { view } = list;

  return (
    <ArchivePopup
      t={t}
      items={view.items}
      total={view.total}
      filtered={list.filtered}
      hasMore={list.hasMore}
      query={query}
      resultsQuery={view.query}
      tags={tags}
      tag={tag}
      selected={selection.selected}
      notice={notice}
      format={format}
      savePage={savePage.state}
      matchingCount={list.matchingIds?.length}
      copied={cite.copied}
      onCite={cite.copy}
      people={people}
      person={person}
      onPerson={setPerson}
      onQuery={setQuery}
      onTag={setTag}
      onSelect={selection.toggle}
      onSelectAll={(on) => selection.replace(on ? view.items.map((i) => i.id) : [])}
      onOpen={(id) => openReader(browser, id)}
      onLoadMore={list.loadMore}
      onSaveMeta={actions.saveMeta}
      onDelete={actions.remove}
      onUndo={actions.undo}
      onExport={(ids) => io.exportClippings(format, ids ?? list.matchingIds)}
      onImport={io.importFile}
      onDismiss={() => setNotice(undefined)}
      onFormat={setFormat}
      onOpenArchive={() => openArchivePage(browser)}
      onSavePage={savePage.save}
      onConfirmPage={savePage.confirmPage}
      onCancelSave={savePage.cancel}
    />
  );
}
