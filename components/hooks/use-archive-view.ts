import { useCallback, useEffect, useState } from 'preact/hooks';
import { listPeople, listTags, type ArchiveDb, type SnapshotStorage } from '../../lib/archive/index';
import type { ExportFile, ExportFormat } from '../../lib/export/index';
import type { Translate } from '../shared/translate';
import { afterPaint } from './after-paint';
import { timed } from './timed';
import { useArchiveActions } from './use-archive-actions';
import { useCopyCitation } from './use-copy-citation';
import { useImportExport } from './use-import-export';
import { useLiveQuery } from './use-live-query';
import { useNotice } from './use-notice';
import { useSearch } from './use-search';
import { useSelection } from './use-selection';

/** What an archive view gets from its page: words, the UI language, and the browser's side. */
export interface ArchiveViewDeps {
  db: ArchiveDb;
  t: Translate;
  lang: string;
  storage?: SnapshotStorage;
  download: (file: ExportFile) => Promise<void>;
  copy: (text: string) => Promise<void>;
  /** The person to filter by when the view opens ('' for everyone). */
  initialPerson?: string;
}

/**
 * The state the popup and the archive page share: filters (query, tag, person), the facets, the
 * search index, selection, notices, edits with undo, import and export, citation copy. Each view
 * adds its own list (a page of rows, or the whole table) on top.
 */
export function useArchiveView(deps: ArchiveViewDeps) {
  const { db, t, lang, storage, download, copy } = deps;
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [person, setPerson] = useState(deps.initialPerson ?? '');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [indexWanted, setIndexWanted] = useState(false);
  const { notice, setNotice, showError } = useNotice(t);
  const selection = useSelection();
  // Facets first: their reads are small and queue ahead of the list's.
  const people = useLiveQuery(() => timed('bz-people-facet', () => listPeople(db)), [db], showError) ?? [];
  const tags = useLiveQuery(() => listTags(db.clippings), [db], showError) ?? [];
  const search = useSearch(db, indexWanted || query !== '', showError);
  const actions = useArchiveActions({ db, storage, setNotice, showError, onDeleted: selection.drop });
  const io = useImportExport({ db, t, lang, setNotice, showError, download });
  const cite = useCopyCitation({
    t,
    read: useCallback((id: string) => db.clippings.get(id), [db]),
    write: copy,
    onError: showError,
  });
  return {
    query,
    tag,
    person,
    format,
    setNotice,
    showError,
    selection,
    search,
    actions,
    io,
    /** Load the search index once `ready` (the list is on screen), after that frame has painted. */
    useIndexAfterPaint: (ready: boolean) =>
      useEffect(() => afterPaint(ready, () => setIndexWanted(true)), [ready]),
    /** Props both views pass down unchanged. */
    shared: {
      t,
      query,
      tags,
      tag,
      people,
      person,
      notice,
      format,
      selected: selection.selected,
      copied: cite.copied,
      onCite: cite.copy,
      onQuery: setQuery,
      onTag: setTag,
      onPerson: setPerson,
      onFormat: setFormat,
      onImport: io.importFile,
      onUndo: actions.undo,
      onDismiss: () => setNotice(undefined),
    },
  };
}
