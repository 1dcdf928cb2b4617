import type { ArchiveDb } from '../archive/db';
import { formatCitations } from './cite';
import { formatClippingsHtml, type HtmlLabels } from './html';
import { formatClippingMarkdown, formatMarkdownFileName } from './markdown';
import { exportClippings, formatExportFileName, readForExport, type ExportOptions } from './export';
import { writeZip, type ZipEntry } from './zip';

/**
 * The export formats offered: the re-importable JSON file, Markdown files in a zip, one HTML page,
 * and the citation formats reference managers import (CSL-JSON for Zotero, RIS for the others).
 */
export const EXPORT_FORMATS = ['json', 'markdown', 'html', 'csl-json', 'ris'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A finished export: Blob parts, the clippings in it, its file name and MIME type. */
export interface ExportFile {
  parts: Array<string | Uint8Array<ArrayBuffer>>;
  count: number;
  filename: string;
  type: string;
}

export interface FormatOptions extends ExportOptions {
  /** Words of the HTML page in the reader's language, given the number of clippings in it. */
  htmlLabels: (count: number) => HtmlLabels;
  /** Language of the HTML page's own words (BCP 47). */
  lang?: string;
}

/** Export the archive (or the selection) in one of the formats. */
export async function exportInFormat(
  db: ArchiveDb,
  format: ExportFormat,
  options: FormatOptions,
): Promise<ExportFile> {
  const now = new Date(options.now ?? Date.now());
  if (format === 'json') {
    const { parts, count } = await exportClippings(db, options);
    return { parts, count, filename: formatExportFileName(now), type: 'application/json' };
  }
  if (format === 'markdown') {
    const encoder = new TextEncoder();
    const taken = new Set<string>();
    const entries = await readForExport(db, options, (c): ZipEntry => ({
      name: formatMarkdownFileName(c, taken),
      data: encoder.encode(formatClippingMarkdown(c)),
      modified: new Date(c.updatedAt),
    }));
    return {
      parts: writeZip(entries),
      count: entries.length,
      filename: formatExportFileName(now, 'zip'),
      type: 'application/zip',
    };
  }
  if (format === 'csl-json' || format === 'ris') {
    // A reference was accessed when it was clipped.
    const cited = await readForExport(db, options, (c) => ({ article: c, accessed: new Date(c.savedAt) }));
    const csl = format === 'csl-json';
    return {
      parts: [formatCitations(format, cited)],
      count: cited.length,
      filename: formatExportFileName(now, csl ? 'csl.json' : 'ris'),
      type: csl ? 'application/vnd.citationstyles.csl+json' : 'application/x-research-info-systems',
    };
  }
  const clippings = await readForExport(db, options, (c) => c);
  const labels = options.htmlLabels(clippings.length);
  return {
    parts: formatClippingsHtml(clippings, labels, options.lang ?? 'zh-CN'),
    count: clippings.length,
    filename: formatExportFileName(now, 'html'),
    type: 'text/html',
  };
}
