import type { Browser } from 'webextension-polyfill';
import type { SnapshotStorage, ArchiveDb } from '../../lib/archive/index';
import { ArchivePopup } from '../../components/popup/archive-popup';
import { useArchiveList } from '../../components/hooks/use-archive-list';
import { useArchiveView } from '../../components/hooks/use-archive-view';
import { useSavePage } from '../../components/hooks/use-save-page';
import { saveCurrentTab } from './activate';
import { openArchivePage, openReader, useBrowserDeps } from './glue';

// A popup shows about six rows; 25 fill it twice over and keep the first paint cheap.
const PAGE = 25;

/** The popup's glue: the archive hooks, wired to the browser's tabs, downloads and i18n. */
export function PopupApp(props: { db: ArchiveDb; browser: Browser; storage?: SnapshotStorage }) {
  const { db, browser, storage } = props;
  const view = useArchiveView({ db, storage, ...useBrowserDeps(browser) });
  const { query, tag, person, search, selection, actions, io, shared } = view;
  const list = useArchiveList({
    db,
    query,
    tag,
    person,
    search,
    pageSize: PAGE,
    storage,
    onError: view.showError,
  });
  view.useIndexAfterPaint(list.view.live);
  const savePage = useSavePage((options) => saveCurrentTab(browser, options));

  return (
    <ArchivePopup
      {...shared}
      items={list.view.items}
      total={list.view.total}
      filtered={list.filtered}
      hasMore={list.hasMore}
      resultsQuery={list.view.query}
      savePage={savePage.state}
      matchingCount={list.matchingIds?.length}
      onSelect={selection.toggle}
      onSelectAll={(on) => selection.replace(on ? list.view.items.map((i) => i.id) : [])}
      onOpen={(id) => openReader(browser, id)}
      onLoadMore={list.loadMore}
      onSaveMeta={actions.saveMeta}
      onDelete={actions.remove}
      onExport={(ids) => io.exportClippings(view.format, ids ?? list.matchingIds)}
      onOpenArchive={() => openArchivePage(browser)}
      onSavePage={savePage.save}
      onConfirmPage={savePage.confirmPage}
      onCancelSave={savePage.cancel}
    />
  );
}
