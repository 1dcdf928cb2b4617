import { useState } from 'preact/hooks';
import { parseTagInput } from '../popup/clipping-row';
import type { Translate } from '../shared/translate';

/** What to do with the selected clippings: add or remove tags, delete, clear the selection. */
export function BulkBar(props: {
  t: Translate;
  count: number;
  onRetag: (changes: { add?: string[]; remove?: string[] }) => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  const { t } = props;
  const [tags, setTags] = useState('');
  const apply = (kind: 'add' | 'remove') => {
    const parsed = parseTagInput(tags);
    if (parsed.length === 0) return;
    props.onRetag({ [kind]: parsed });
    setTags('');
  };
  return (
    <div class="bz-bulk" data-testid="bz-bulk">
      <span class="bz-bulk-count">{t('archive_selected', [props.count])}</span>
      <input
        type="text"
        class="bz-bulk-tags"
        data-testid="bz-bulk-tags"
        placeholder={t('archivePage_tagInput')}
        aria-label={t('archivePage_tagInput')}
        value={tags}
        maxLength={2000}
        onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply('add');
        }}
      />
      <button type="button" data-testid="bz-bulk-add-tags" onClick={() => apply('add')}>
        {t('archivePage_addTags')}
      </button>
      <button type="button" data-testid="bz-bulk-remove-tags" onClick={() => apply('remove')}>
        {t('archivePage_removeTags')}
      </button>
      <button type="button" class="bz-danger" data-testid="bz-delete-selected" onClick={props.onDelete}>
        {t('archive_deleteSelected')}
      </button>
      <button type="button" class="bz-link" onClick={props.onClear}>
        {t('archivePage_clearSelection')}
      </button>
    </div>
  );
}

/** Asks before deleting several clippings at once (one is deleted at once, with undo). */
export function ConfirmDelete(props: {
  t: Translate;
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = props;
  return (
    <div class="bz-notice bz-error" role="alertdialog" data-testid="bz-confirm-delete">
      <span>{t('archivePage_confirmDelete', [props.count], props.count)}</span>
      <button type="button" class="bz-primary" data-testid="bz-confirm-delete-yes" onClick={props.onConfirm}>
        {t('archive_delete')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('archive_cancel')}
      </button>
    </div>
  );
}
