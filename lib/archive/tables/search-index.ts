import type { Table } from 'dexie';
import type { Clipping, SearchRow } from '../types';
import type { FoldFn } from '../fold';
import { buildSearchText } from '../search-text';

export type SearchIndexTable = Table<SearchRow, string>;

/** Dexie spec: rows are looked up by clipping id only; search runs in memory. */
export const SEARCH_INDEX_STORE = 'id';

/** The search row of a clipping: its text folded once at write time so search never folds bodies. */
export function buildSearchRow(clipping: Clipping, fold: FoldFn): SearchRow {
  return { id: clipping.id, savedAt: clipping.savedAt, folded: fold(buildSearchText(clipping)) };
}
