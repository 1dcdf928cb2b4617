import type { Browser } from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { listAppearances, type ArchiveDb, type SnapshotStorage } from '../../lib/archive/index';
import { ArchivePage } from '../../components/archive/archive-page';
import { tableWindow } from '../../components/archive/archive-table';
import { NEWEST_FIRST, type Sort } from '../../components/archive/rows';
import { timed } from '../../components/hooks/timed';
import { useArchiveTable } from '../../components/hooks/use-archive-table';
import { useArchiveView } from '../../components/hooks/use-archive-view';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { useStoryCopies } from '../../components/hooks/use-story-copies';
import { openReader, readerHref, useBrowserDeps } from '../popup/glue';

// How long a row stays active before its story's saved copies are looked up.
const SETTLE_MS = 250;

/** The archive page's glue: the same archive hooks as the popup, a table instead of a list. */
export function ArchiveApp(props: { db: ArchiveDb; browser: Browser; storage?: SnapshotStorage }) {
  const { db, browser, storage } = props;
  const initialPerson = new URLSearchParams(location.search).get('person') ?? '';
  const view = useArchiveView({ db, storage, initialPerson, ...useBrowserDeps(browser) });
  const { query, tag, person, search, selection, actions, io, shared, showError } = view;
  const appearances = useLiveQuery(
    async () =>
      person ? { person, list: await timed('bz-person-view', () => listAppearances(db, person)) } : undefined,
    [db, person],
    showError,
  );
  const [sort, setSort] = useState<Sort>(NEWEST_FIRST);
  // The table's first window, so that its first read is the one it keeps.
  const [range, setRange] = useState(() => tableWindow());
  const [confirming, setConfirming] = useState<string[] | undefined>(undefined);
  const table = useArchiveTable({ db, query, tag, person, sort, search, range, storage, onError: showError });
  view.useIndexAfterPaint(table.windowReady);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  // The active row's copies are looked up once it stays active a moment and its window is read:
  // the lookup's 33 reads would queue ahead of the rows of each query typed or row passed by.
  const [settledId, setSettledId] = useState<string | undefined>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setSettledId(activeId), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [activeId]);
  const copiesFor = table.windowReady && settledId === activeId ? activeId : undefined;
  const activeCopies = useStoryCopies(db, copiesFor, showError);
  const selected = [...selection.selected];

  return (
    <ArchivePage
      {...shared}
      total={table.total}
      filtered={table.filtered}
      resultsQuery={table.answers}
      order={table.order}
      rows={table.rows}
      sort={sort}
      loading={table.loading}
      confirming={confirming}
      appearances={appearances?.person === person ? appearances.list : undefined}
      onSort={setSort}
      onRange={(next) =>
        setRange((was) =>
          was.start === next.start &&
          was.end === next.end &&
          was.shown.start === next.shown.start &&
          was.shown.end === next.shown.end
            ? was
            : next,
        )
      }
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
      onExport={() =>
        io.exportClippings(view.format, selected.length ? selected : table.filtered ? table.order : undefined)
      }
      activeId={activeId}
      onActive={setActiveId}
      activeCopies={activeCopies}
      readerHref={(id) => readerHref(browser, id)}
    />
  );
}
