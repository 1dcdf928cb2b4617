import { useCallback } from 'preact/hooks';
import type { ArchiveDb } from '../../lib/archive/index';
import {
  exportInFormat,
  importClippingsText,
  type ExportFile,
  type ExportFormat,
  type HtmlLabels,
  type ImportProblem,
  type SkipReason,
} from '../../lib/export/index';
import type { Notice } from '../shared/notice-line';
import type { PlainKey, Translate } from '../shared/translate';

const SKIP_KEYS: Record<SkipReason, PlainKey> = {
  identical: 'archive_skipIdentical',
  'stored-is-newer': 'archive_skipStoredNewer',
  'duplicate-in-file': 'archive_skipDuplicate',
};

const PROBLEM_KEYS: Record<ImportProblem['code'], PlainKey> = {
  empty: 'archive_problemEmpty',
  'not-json': 'archive_problemNotJson',
  truncated: 'archive_problemTruncated',
  'not-object': 'archive_problemNotObject',
  'wrong-format': 'archive_problemWrongFormat',
  'future-version': 'archive_problemFutureVersion',
  'bad-version': 'archive_problemBadVersion',
  'no-clippings': 'archive_problemNoClippings',
  'too-many': 'archive_problemTooMany',
  'bad-records': 'archive_problemBadRecords',
  'duplicate-ids': 'archive_problemDuplicateIds',
  storage: 'archive_problemStorage',
};

/** The words of the HTML export in the reader's language. */
export function buildHtmlLabels(t: Translate, count: number, exportedOn: string): HtmlLabels {
  return {
    title: t('export_htmlTitle'),
    summary: t('export_htmlSummary', [count, exportedOn]),
    contents: t('export_htmlContents'),
    source: t('export_htmlSource'),
    authors: t('export_htmlAuthors'),
    editors: t('export_htmlEditors'),
    tags: t('archive_tagsLabel'),
    note: t('archive_noteLabel'),
    original: t('export_htmlOriginal'),
    savedOn: (date) => t('archive_savedOn', [date]),
    page: t('archive_asPage'),
  };
}

/**
 * Export (in the chosen format) and import, with progress and results in the notice line.
 * `download` hands the finished file to the browser; benchmark measures bz-export and bz-import.
 */
export function useImportExport(options: {
  db: ArchiveDb;
  t: Translate;
  lang: string;
  setNotice: (notice: Notice | undefined) => void;
  showError: (error: unknown) => void;
  download: (file: ExportFile) => Promise<void>;
}) {
  const { db, t, lang, setNotice, showError, download } = options;

  const exportClippings = useCallback(
    async (format: ExportFormat, ids?: readonly string[]) => {
      const started = performance.now();
      try {
        const now = new Date();
        const file = await exportInFormat(db, format, {
          ids,
          now: now.getTime(),
          lang,
          onProgress: (done, total) => setNotice({ kind: 'exporting', done, total }),
          htmlLabels: (count) => buildHtmlLabels(t, count, now.toLocaleDateString(lang)),
        });
        await download(file);
        performance.measure('bz-export', { start: started, end: performance.now() });
        setNotice({ kind: 'exported', count: file.count, filename: file.filename });
      } catch (error) {
        showError(error);
      }
    },
    [db, t, lang, setNotice, showError, download],
  );

  const importFile = useCallback(
    async (file: File) => {
      const started = performance.now();
      setNotice({ kind: 'importing' });
      try {
        const result = await importClippingsText(db, await file.text());
        if (!result.ok) {
          setNotice({
            kind: 'import-failed',
            message: t(PROBLEM_KEYS[result.problem.code]),
            details: result.problem.details,
          });
          return;
        }
        const { added, updated, skipped } = result.report;
        performance.measure('bz-import', { start: started, end: performance.now() });
        // A reader knows clippings by title, not by id.
        const shown = skipped.slice(0, 10);
        const stored = await db.clippings.bulkGet(shown.map((s) => s.id));
        const reasons = shown.map((s, i) => `${stored[i]?.title || s.id}: ${t(SKIP_KEYS[s.reason])}`);
        setNotice({
          kind: 'imported',
          added: added.length,
          updated: updated.length,
          skipped: skipped.length,
          reasons,
        });
      } catch (error) {
        showError(error);
      }
    },
    [db, t, setNotice, showError],
  );

  return {
    exportClippings: (format: ExportFormat, ids?: readonly string[]) => void exportClippings(format, ids),
    importFile: (file: File) => void importFile(file),
  };
}
