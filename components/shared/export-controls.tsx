import { EXPORT_FORMATS, type ExportFormat } from '../../lib/export/formats';
import type { PlainKey, Translate } from './translate';

const FORMAT_KEYS: Record<ExportFormat, PlainKey> = {
  json: 'export_formatJson',
  markdown: 'export_formatMarkdown',
  html: 'export_formatHtml',
  'csl-json': 'export_formatCslJson',
  ris: 'export_formatRis',
};

/**
 * Export format picker, export (of the selection, else of the matches when a filter is set, else of
 * everything) and import, for both views.
 */
export function ExportControls(props: {
  t: Translate;
  format: ExportFormat;
  /** Selected clippings; export covers them, or the whole archive when none. */
  selectedCount: number;
  /** Clippings matching the filter when one is set; the export then covers them. */
  matchingCount?: number;
  busy: boolean;
  onFormat: (format: ExportFormat) => void;
  onExport: () => void;
  onImport: (file: File) => void;
}) {
  const { t } = props;
  const matching = props.selectedCount > 0 ? undefined : props.matchingCount;
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
        data-testid={
          props.selectedCount > 0
            ? 'bz-export-selected'
            : matching !== undefined
              ? 'bz-export-matching'
              : 'bz-export-all'
        }
        disabled={props.busy || matching === 0}
        onClick={props.onExport}
      >
        {props.selectedCount > 0
          ? t('archive_exportSelected')
          : matching !== undefined
            ? t('archive_exportMatching', [matching], matching)
            : t('archive_exportAll')}
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
