import type { Translate } from '../shared/translate';
import { ClippingRow, type ListItem } from './clipping-row';

export type { ListItem } from './clipping-row';

/** A line in the status area: progress, results, errors, and the undo offer. */
export type Notice =
  | { kind: 'exporting'; done: number; total: number }
  | { kind: 'exported'; count: number; filename: string }
  | { kind: 'importing' }
  | { kind: 'imported'; added: number; updated: number; skipped: number; reasons: string[] }
  | { kind: 'import-failed'; message: string; details: string[] }
  | { kind: 'deleted'; count: number }
  | { kind: 'error'; message: string };

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
}

function NoticeLine(props: { t: Translate; notice: Notice; onUndo: () => void; onDismiss: () => void }) {
  const { t, notice } = props;
  const dismiss = (
    <button type="button" class="bz-link" onClick={props.onDismiss}>
      {t('archive_dismiss')}
    </button>
  );
  switch (notice.kind) {
    case 'exporting':
      return (
        <div class="bz-notice" role="status" data-testid="bz-notice" data-kind={notice.kind}>
          <span>{t('archive_exporting', [String(notice.done), String(notice.total)])}</span>
          <progress max={notice.total || 1} value={notice.done} />
        </div>
      );
    case 'exported':
      return (
        <div class="bz-notice" role="status" data-testid="bz-notice" data-kind={notice.kind}>
          <span>{t('archive_exported', [notice.count, notice.filename], notice.count)}</span>
          {dismiss}
        </div>
      );
    case 'importing':
      return (
        <div class="bz-notice" role="status" data-testid="bz-notice" data-kind={notice.kind}>
          <span>{t('archive_importing')}</span>
        </div>
      );
    case 'imported':
      return (
        <div class="bz-notice" role="status" data-testid="bz-notice" data-kind={notice.kind}>
          <span>
            {t('archive_imported', [String(notice.added), String(notice.updated), String(notice.skipped)])}
          </span>
          <Details lines={notice.reasons} />
          {dismiss}
        </div>
      );
    case 'import-failed':
      return (
        <div class="bz-notice bz-error" role="alert" data-testid="bz-notice" data-kind={notice.kind}>
          <span>{t('archive_importFailed', [notice.message])}</span>
          <Details lines={notice.details} />
          {dismiss}
        </div>
      );
    case 'deleted':
      return (
        <div class="bz-notice" role="status" data-testid="bz-notice" data-kind={notice.kind}>
          <span>{t('archive_deleted', [notice.count], notice.count)}</span>
          <button type="button" class="bz-primary" data-testid="bz-undo" onClick={props.onUndo}>
            {t('archive_undo')}
          </button>
        </div>
      );
    case 'error':
      return (
        <div class="bz-notice bz-error" role="alert" data-testid="bz-notice" data-kind={notice.kind}>
          <span>{notice.message}</span>
          {dismiss}
        </div>
      );
  }
}

/** The popup: search, tag filter, newest-first list, selection with export and delete, import. */
export function ArchivePopup(props: ArchivePopupProps) {
  const { t } = props;
  const selectedIds = [...props.selected];
  const allShownSelected = props.items.length > 0 && props.items.every((i) => props.selected.has(i.id));
  const busy = props.notice?.kind === 'exporting' || props.notice?.kind === 'importing';

  return (
    <div class="bz-popup">
      <header class="bz-header">
        <h1>{t('archive_title')}</h1>
        <span class="bz-count" data-testid="bz-count">
          {props.total !== undefined &&
            t(props.filtered ? 'archive_matches' : 'archive_count', [props.total], props.total)}
        </span>
      </header>
      <div class="bz-filters">
        <input
          type="search"
          class="bz-search"
          data-testid="bz-search"
          placeholder={t('archive_searchPlaceholder')}
          aria-label={t('archive_searchPlaceholder')}
          value={props.query}
          maxLength={200}
          onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <select
          class="bz-tag-filter"
          data-testid="bz-tag-filter"
          aria-label={t('archive_allTags')}
          value={props.tag}
          onChange={(e) => props.onTag((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('archive_allTags')}</option>
          {props.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div class="bz-actions">
        <label class="bz-select-all">
          <input
            type="checkbox"
            data-testid="bz-select-all"
            checked={allShownSelected}
            onChange={(e) => props.onSelectAll((e.currentTarget as HTMLInputElement).checked)}
          />
          {selectedIds.length ? t('archive_selected', [String(selectedIds.length)]) : t('archive_selectAll')}
        </label>
        {selectedIds.length > 0 ? (
          <>
            <button
              type="button"
              data-testid="bz-export-selected"
              disabled={busy}
              onClick={() => props.onExport(selectedIds)}
            >
              {t('archive_exportSelected')}
            </button>
            <button
              type="button"
              class="bz-danger"
              data-testid="bz-delete-selected"
              onClick={() => props.onDelete(selectedIds)}
            >
              {t('archive_deleteSelected')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="bz-export-all" disabled={busy} onClick={() => props.onExport()}>
            {t('archive_exportAll')}
          </button>
        )}
        <label class="bz-import">
          {t('archive_import')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="bz-import"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) props.onImport(file);
              input.value = '';
            }}
          />
        </label>
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

/** The per-record lines under an import notice, if any. */
function Details({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul class="bz-details">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
