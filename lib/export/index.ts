/** Export and import of the clippings archive as a versioned JSON file. */
export {
  CLIPPINGS_FORMAT,
  CLIPPINGS_VERSION,
  ClippingSchema,
  MAX_IMPORT_CLIPPINGS,
  type ClippingsFile,
} from './format';
export { exportClippings, exportClippingsText, formatExportFileName, type ExportOptions } from './export';
export {
  parseClippingsFile,
  mergeClippings,
  importClippingsText,
  type ImportProblem,
  type ImportReport,
  type ParsedImport,
  type SkipReason,
} from './import';
