import type { Appearance } from '../../lib/archive/people';
import type { Reprint } from '../../lib/archive/reprints';
import type { ExportFormat } from '../../lib/export/formats';
import { PersonTimeline } from '../people/person-timeline';
import { ArchiveCount } from '../shared/archive-count';
import { ArchiveFilters } from '../shared/archive-filters';
import { ExportControls } from '../shared/export-controls';
import { NoticeLine, type Notice } from '../shared/notice-line';
import { ArchiveTable, type ArchiveTableProps } from './archive-table';
import { BulkBar, ConfirmDelete } from './bulk-bar';
import { RowDetails } from './row-details';
import type { CiteStyle } from '../shared/cite-buttons';

export interface ArchivePageProps extends Omit<ArchiveTableProps, 'onDelete'> {
  /** Clippings in the archive; undefined while counting. */
  total?: number;
  filtered: boolean;
  /** The query the table answers (lags the box while a search runs). */
  resultsQuery?: string;
  query: string;
  tags: readonly string[];
  tag: string;
  notice?: Notice;
  format: ExportFormat;
  /** Progress of loading the rows a sort needs. */
  loading?: { done: number; total: number };
  /** Ids waiting for the reader's yes before they are deleted. */
  confirming?: readonly string[];
  onQuery: (query: string) => void;
  onTag: (tag: string) => void;
  /** The people facet, the person filtered by ('' for everyone) and their appearances (the person view). */
  people?: ReadonlyArray<{ key: string; count: number }>;
  person?: string;
  appearances?: readonly Appearance[];
  onPerson?: (key: string) => void;
  onFormat: (format: ExportFormat) => void;
  onExport: () => void;
  onImport: (file: File) => void;
  onRetag: (changes: { add?: string[]; remove?: string[] }) => void;
  onDelete: (ids: string[]) => void;
  onConfirmDelete: () => void;
  onCancelDelete: () => void;
  onUndo: () => void;
  onDismiss: () => void;
  /** The active row, its story's saved copies, and the citation just copied from it. */
  activeId?: string;
  activeCopies?: readonly Reprint[];
  copied?: { id: string; style: CiteStyle };
  onCite: (id: string, style: CiteStyle) => void;
  readerHref: (id: string) => string;
}

/** The full-page archive: filters, bulk actions on the selection, export and import, the table. */
export function ArchivePage(props: ArchivePageProps) {
  const { t } = props;
  const busy = props.notice?.kind === 'exporting' || props.notice?.kind === 'importing';
  // Until the table reports its active row (an effect after the first paint), that is its first:
  // the details above the table are there from the first frame, not pushing the rows down later.
  const activeId = props.activeId ?? props.order[0];
  const activeRow = activeId === undefined ? undefined : props.rows.get(activeId);
  return (
    <div class="bz-archive">
      <header class="bz-header">
        <h1>{t('archivePage_title')}</h1>
        <ArchiveCount
          t={t}
          filtered={props.filtered}
          count={props.total === undefined ? undefined : props.filtered ? props.order.length : props.total}
        />
      </header>
      <div class="bz-toolbar-row">
        <ArchiveFilters {...props} />
        <div class="bz-actions">
          <ExportControls
            t={t}
            format={props.format}
            selectedCount={props.selected.size}
            matchingCount={props.filtered && props.total !== undefined ? props.order.length : undefined}
            busy={busy}
            onFormat={props.onFormat}
            onExport={props.onExport}
            onImport={props.onImport}
          />
        </div>
      </div>
      {props.person && props.onPerson && (
        <PersonTimeline
          t={t}
          person={props.person}
          appearances={props.appearances}
          onOpen={props.onOpen}
          onClose={() => props.onPerson!('')}
        />
      )}
      {props.selected.size > 0 && (
        <BulkBar
          t={t}
          count={props.selected.size}
          onRetag={props.onRetag}
          onDelete={() => props.onDelete([...props.selected])}
          onClear={() => props.onSelectAll(false)}
        />
      )}
      {props.confirming && (
        <ConfirmDelete
          t={t}
          count={props.confirming.length}
          onConfirm={props.onConfirmDelete}
          onCancel={props.onCancelDelete}
        />
      )}
      {props.notice && (
        <NoticeLine t={t} notice={props.notice} onUndo={props.onUndo} onDismiss={props.onDismiss} />
      )}
      {props.loading && (
        <div class="bz-notice" role="status" data-testid="bz-sort-loading">
          <span>{t('archivePage_loadingRows', [props.loading.done, props.loading.total])}</span>
          <progress max={props.loading.total || 1} value={props.loading.done} />
        </div>
      )}
      {activeRow && (
        <RowDetails
          t={t}
          row={activeRow}
          copies={props.activeCopies}
          copied={props.copied?.id === activeRow.id ? props.copied.style : undefined}
          onCite={(style) => props.onCite(activeRow.id, style)}
          onOpen={props.onOpen}
          readerHref={props.readerHref}
        />
      )}
      <div class="bz-table-wrap" data-query={props.resultsQuery}>
        <ArchiveTable
          t={t}
          order={props.order}
          rows={props.rows}
          sort={props.sort}
          selected={props.selected}
          onSort={props.onSort}
          onToggle={props.onToggle}
          onSelectAll={props.onSelectAll}
          onOpen={props.onOpen}
          onDelete={props.onDelete}
          onRange={props.onRange}
          onActive={props.onActive}
        />
        {props.order.length === 0 && props.total !== undefined && (
          <p class="bz-empty" data-testid="bz-empty">
            {t(props.filtered ? 'archive_noMatches' : 'archive_empty')}
          </p>
        )}
      </div>
      <footer class="bz-keys">{t('archivePage_keys')}</footer>
    </div>
  );
}
