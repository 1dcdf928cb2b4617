/** Export (JSON, Markdown in a zip, one HTML page) and import (JSON) of the clippings archive. */
export {
  CLIPPINGS_FORMAT,
  CLIPPINGS_VERSION,
  ClippingSchema,
  MAX_IMPORT_CLIPPINGS,
  type ClippingsFile,
} from './format';
export {
  exportClippings,
  exportClippingsText,
  formatExportFileName,
  readForExport,
  type ExportOptions,
} from './export';
export {
  exportInFormat,
  EXPORT_FORMATS,
  type ExportFile,
  type ExportFormat,
  type FormatOptions,
} from './formats';
export { formatClippingsHtml, type HtmlLabels } from './html';
export {
  formatClippingMarkdown,
  formatFrontMatter,
  formatMarkdownFileName,
  escapeMarkdown,
} from './markdown';
export { writeZip, computeCrc32, type ZipEntry } from './zip';
export {
  parseClippingsFile,
  mergeClippings,
  importClippingsText,
  type ImportProblem,
  type ImportReport,
  type ParsedImport,
  type SkipReason,
} from './import';
export {
  formatApa,
  formatGbt7714,
  formatCitations,
  CITE_FORMATS,
  type CiteFormat,
  type CitedArticle,
} from './cite';
