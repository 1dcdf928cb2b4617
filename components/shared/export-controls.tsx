import { EXPORT_FORMATS, type ExportFormat } from '../../lib/export/formats';
import type { PlainKey, Translate } from './translate';

const FORMAT_KEYS: Record<ExportFormat, PlainKey> = {
  json: 'export_formatJson',
  markdown: 'export_formatMarkdown',
  html: 'export_formatHtml',
};

/** Export format picker, export (of the selection, or everything) and import, for both views. */
export function ExportControls(props: {
  t: Translate;
  format: ExportFormat;
  /** Selected clippings; export covers them, or the whole archive when none. */
  selectedCount: number;
  busy: boolean;
  onFormat: (format: ExportFormat) => void;
  onExport: () => void;
  onImport: (file: File) => void;
}) {
  const { t } = props;
  return (
    <>
      <select
        class="bz-format"
        data-testid="bz-export-format"
        aria-label={t('export_formatLabel')}
        value={props.format}
        onChange={(e) => props.onFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((format) => (
          <option key={format} value={format}>
            {t(FORMAT_KEYS[format])}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid={props.selectedCount > 0 ? 'bz-export-selected' : 'bz-export-all'}
        disabled={props.busy}
        onClick={props.onExport}
      >
        {t(props.selectedCount > 0 ? 'archive_exportSelected' : 'archive_exportAll')}
      </button>
      <label class="bz-import">
        {t('archive_import')}
        <input
          type="file"
          accept="application/json,.json"
          data-testid="bz-import"
          disabled={props.busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) props.onImport(file);
            input.value = '';
          }}
        />
      </label>
    </>
  );
}
