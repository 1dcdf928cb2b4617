/** The clippings archive: Dexie over IndexedDB in the extension's own origin. */
export { ArchiveDb, openArchive, ARCHIVE_DB_NAME, type ArchiveDeps } from './db';
export { ArchiveError, toArchiveError, type ArchiveErrorCode } from './errors';
export { foldText, type FoldFn } from './fold';
export { requestPersistence } from './persistence';
export {
  saveArticle,
  findSaved,
  updateClipping,
  deleteClippings,
  restoreClippings,
  normaliseTags,
  retagClippings,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  type Removed,
} from './save';
export {
  createSearchIndex,
  listSearchRows,
  searchArchive,
  buildSnippet,
  parseQuery,
  upsertSearchRows,
  removeSearchRows,
  readSearchWatch,
  syncSearchIndex,
  latestChange,
  type SearchWatch,
  type SearchIndex,
  type SearchResult,
  type Marked,
} from './search';
export { buildSearchText } from './search-text';
export { getClippings, listClippingIds, listNewest, listTags } from './tables/clippings';
export { packSearchRows, unpackSearchRows } from './tables/search-packs';
export type { Clipping, SearchRow, SearchPack, MetaRow } from './types';
export {
  readListSnapshot,
  writeListSnapshot,
  clearListSnapshot,
  LIST_SNAPSHOT_KEY,
  LIST_SNAPSHOT_SIZE,
  type SnapshotRow,
  type SnapshotStorage,
} from './list-snapshot';
export {
  findReprints,
  listAlsoPublished,
  listSavedSites,
  listStoryCopies,
  sortByPublication,
  type PackCache,
  type Reprint,
} from './reprints';
export { fingerprintArticle, similarity, SAME_STORY, type Fingerprint } from './fingerprint';
export { readListDate, formatLocalDate, type ListDate } from './list-date';
export {
  listPeople,
  listPersonIds,
  listFilteredIds,
  listAppearances,
  type PersonCount,
  type Appearance,
} from './people';
export { personKey, type ClippingSummary } from './tables/fingerprints';
export { getSummaries, type SummaryRow } from './summaries';
