import type { Browser } from 'webextension-polyfill';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  listAppearances,
  listPeople,
  listTags,
  type ArchiveDb,
  type SnapshotStorage,
} from '../../lib/archive/index';
import type { ExportFile, ExportFormat } from '../../lib/export/index';
import { ArchivePage } from '../../components/archive/archive-page';
import { NEWEST_FIRST, type Sort } from '../../components/archive/rows';
import { afterPaint } from '../../components/hooks/after-paint';
import { useArchiveActions } from '../../components/hooks/use-archive-actions';
import { useArchiveTable } from '../../components/hooks/use-archive-table';
import { timed } from '../../components/hooks/timed';
import { useImportExport } from '../../components/hooks/use-import-export';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { useNotice } from '../../components/hooks/use-notice';
import { useSearch } from '../../components/hooks/use-search';
import { useSelection } from '../../components/hooks/use-selection';
import { useCopyCitation } from '../../components/hooks/use-copy-citation';
import { useStoryCopies } from '../../components/hooks/use-story-copies';
import { copyText, downloadExport, makeTranslate, openReader, readerHref } from '../popup/glue';

/** The archive page's glue: the same archive hooks as the popup, a table instead of a list. */
export function ArchiveApp(props: { db: ArchiveDb; browser: Browser; storage?: SnapshotStorage }) {
  const { db, browser, storage } = props;
  const t = useMemo(() => makeTranslate(browser), [browser]);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [person, setPerson] = useState(() => new URLSearchParams(location.search).get('person') ?? '');
  const [sort, setSort] = useState<Sort>(NEWEST_FIRST);
  const [format, setFormat] = useState<ExportFormat>('json');
  const [range, setRange] = useState({ start: 0, end: 60 });
  const [confirming, setConfirming] = useState<string[] | undefined>(undefined);
  const { notice, setNotice, showError } = useNotice(t);
  const selection = useSelection();
  const [indexWanted, setIndexWanted] = useState(false);
  const search = useSearch(db, indexWanted || query !== '', showError);
  const table = useArchiveTable({ db, query, tag, person, sort, search, range, onError: showError });
  // The index loads once the first rows are on screen.
  useEffect(() => afterPaint(table.windowReady, () => setIndexWanted(true)), [table.windowReady]);
  const tags = useLiveQuery(() => listTags(db.clippings), [db], showError) ?? [];
  const people = useLiveQuery(() => timed('bz-people-facet', () => listPeople(db)), [db], showError) ?? [];
  const appearances = useLiveQuery(
    async () =>
      person ? { person, list: await timed('bz-person-view', () => listAppearances(db, person)) } : undefined,
    [db, person],
    showError,
  );
  const actions = useArchiveActions({ db, storage, setNotice, showError, onDeleted: selection.drop });
  const io = useImportExport({
    db,
    t,
    lang: browser.i18n.getUILanguage(),
    setNotice,
    showError,
    download: useMemo(() => (file: ExportFile) => downloadExport(browser, file), [browser]),
  });
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const activeCopies = useStoryCopies(db, activeId, showError);
  const cite = useCopyCitation({
    t,
    read: useCallback((id: string) => db.clippings.get(id), [db]),
    write: copyText,
    onError: showError,
  });
  const selected = [...selection.selected];

  return (
    <ArchivePage
      t={t}
      total={table.total}
      filtered={table.filtered}
      resultsQuery={table.answers}
      order={table.order}
      rows={table.rows}
      sort={sort}
      selected={selection.selected}
      query={query}
      tags={tags}
      tag={tag}
      notice={notice}
      format={format}
      loading={table.loading}
      confirming={confirming}
      onQuery={setQuery}
      onTag={setTag}
      people={people}
      person={person}
      appearances={appearances?.person === person ? appearances.list : undefined}
      onPerson={setPerson}
      onSort={setSort}
      onRange={setRange}
      onToggle={selection.toggle}
      onSelectAll={(on) => selection.replace(on ? table.order : [])}
      onOpen={(id) => openReader(browser, id)}
      // One clipping goes at once (with undo); several wait for a yes.
      onDelete={(ids) => (ids.length > 1 ? setConfirming(ids) : actions.remove(ids))}
      onConfirmDelete={() => {
        if (confirming) actions.remove(confirming);
        setConfirming(undefined);
      }}
      onCancelDelete={() => setConfirming(undefined)}
      onRetag={(changes) => actions.retag(selected, changes)}
      onFormat={setFormat}
      onExport={() =>
        io.exportClippings(format, selected.length ? selected : table.filtered ? table.order : undefined)
      }
      onImport={io.importFile}
      onUndo={actions.undo}
      onDismiss={() => setNotice(undefined)}
      activeId={activeId}
      onActive={setActiveId}
      activeCopies={activeCopies}
      copied={cite.copied}
      onCite={cite.copy}
      readerHref={(id) => readerHref(browser, id)}
    />
  );
}
