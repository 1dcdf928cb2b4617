import type { ExportFormat } from '../../lib/export/formats';
import { ArchiveCount } from '../shared/archive-count';
import { ArchiveFilters } from '../shared/archive-filters';
import type { CiteStyle } from '../shared/cite-buttons';
import { ExportControls } from '../shared/export-controls';
import { NoticeLine, type Notice } from '../shared/notice-line';
import type { Translate } from '../shared/translate';
import { ClippingRow, type ListItem } from './clipping-row';
import { SavePage, type SavePageState } from './save-page';

export type { ListItem } from './clipping-row';
export type { Notice } from '../shared/notice-line';

export interface ArchivePopupProps {
  t: Translate;
  items: ListItem[];
  /** Clippings matching the current query and tag (all clippings when neither is set); undefined while counting. */
  total?: number;
  filtered: boolean;
  hasMore: boolean;
  query: string;
  /** The query the shown items answer; lags `query` while a search runs. */
  resultsQuery: string;
  tags: string[];
  tag: string;
  selected: ReadonlySet<string>;
  notice?: Notice;
  format: ExportFormat;
  savePage: SavePageState;
  /** Clippings the export covers when none is selected and a filter is set (the matches). */
  matchingCount?: number;
  /** The citation just copied, for its row's confirmation. */
  copied?: { id: string; style: CiteStyle };
  onCite: (id: string, style: CiteStyle) => void;
  /** The people facet (folded names with counts) and the person filtered by. */
  people?: ReadonlyArray<{ key: string; count: number }>;
  person?: string;
  onPerson?: (key: string) => void;
  onQuery: (query: string) => void;
  onTag: (tag: string) => void;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onOpen: (id: string) => void;
  onLoadMore: () => void;
  onSaveMeta: (id: string, changes: { tags: string[]; note: string }) => void;
  onDelete: (ids: string[]) => void;
  onUndo: () => void;
  onExport: (ids?: string[]) => void;
  onImport: (file: File) => void;
  onDismiss: () => void;
  onFormat: (format: ExportFormat) => void;
  onOpenArchive: () => void;
  onSavePage: () => void;
  onConfirmPage: () => void;
  onCancelSave: () => void;
}

/** The popup: save this page, search, tag filter, newest-first list, selection with export and delete, import. */
export function ArchivePopup(props: ArchivePopupProps) {
  const { t } = props;
  const selectedIds = [...props.selected];
  const allShownSelected = props.items.length > 0 && props.items.every((i) => props.selected.has(i.id));
  const busy = props.notice?.kind === 'exporting' || props.notice?.kind === 'importing';

  return (
    <div class="bz-popup">
      <header class="bz-header">
        <h1>{t('archive_title')}</h1>
        <ArchiveCount t={t} count={props.total} filtered={props.filtered} />
        <button type="button" class="bz-link" data-testid="bz-open-archive" onClick={props.onOpenArchive}>
          {t('popup_openArchive')}
        </button>
      </header>
      <SavePage
        t={t}
        state={props.savePage}
        onSave={props.onSavePage}
        onConfirmPage={props.onConfirmPage}
        onCancel={props.onCancelSave}
      />
      <ArchiveFilters {...props} />
      <div class="bz-actions">
        <label class="bz-select-all">
          <input
            type="checkbox"
            data-testid="bz-select-all"
            checked={allShownSelected}
            onChange={(e) => props.onSelectAll((e.currentTarget as HTMLInputElement).checked)}
          />
          {selectedIds.length ? t('archive_selected', [selectedIds.length]) : t('archive_selectAll')}
        </label>
        {selectedIds.length > 0 && (
          <button
            type="button"
            class="bz-danger"
            data-testid="bz-delete-selected"
            onClick={() => props.onDelete(selectedIds)}
          >
            {t('archive_deleteSelected')}
          </button>
        )}
        <ExportControls
          t={t}
          format={props.format}
          selectedCount={selectedIds.length}
          matchingCount={props.filtered ? props.matchingCount : undefined}
          busy={busy}
          onFormat={props.onFormat}
          onExport={() => props.onExport(selectedIds.length ? selectedIds : undefined)}
          onImport={props.onImport}
        />
      </div>
      {props.notice && (
        <NoticeLine t={t} notice={props.notice} onUndo={props.onUndo} onDismiss={props.onDismiss} />
      )}
      <ul
        class="bz-list"
        data-testid="bz-list"
        data-query={props.resultsQuery}
        data-count={props.items.length}
      >
        {props.items.map((item) => (
          <ClippingRow
            key={item.id}
            t={t}
            item={item}
            selected={props.selected.has(item.id)}
            onSelect={props.onSelect}
            onOpen={props.onOpen}
            onDelete={props.onDelete}
            onSaveMeta={props.onSaveMeta}
            copied={props.copied?.id === item.id ? props.copied.style : undefined}
            onCite={props.onCite}
          />
        ))}
      </ul>
      {props.items.length === 0 && (
        <p class="bz-empty" data-testid="bz-empty">
          {t(props.filtered ? 'archive_noMatches' : 'archive_empty')}
        </p>
      )}
      {props.hasMore && (
        <button type="button" class="bz-more" data-testid="bz-more" onClick={props.onLoadMore}>
          {t('archive_loadMore')}
        </button>
      )}
    </div>
  );
}
