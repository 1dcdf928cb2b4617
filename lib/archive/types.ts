import type { Article } from '../article/record';

/** A clipping: the article record plus what the reader adds to it. All times are epoch ms. */
export interface Clipping extends Article {
  id: string;
  savedAt: number;
  updatedAt: number;
  tags: string[];
  note: string;
  /** Saved on the reader's word although the page is not an article (a portal, an index); absent for articles. */
  asPage?: true;
}

/** One row of the search index: the clipping's searchable text folded to one script. */
export interface SearchRow {
  id: string;
  savedAt: number;
  folded: string;
}

/** A key–value row of archive bookkeeping (schema history, counters). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The search rows of many clippings in one stored value. Imports write these: IndexedDB stores and
 * reads one large value (kept as a file) far faster than thousands of small ones. A row in the
 * search index table overrides a packed entry with the same id.
 */
export interface SearchPack {
  id: string;
  ids: string[];
  savedAts: number[];
  /** Where each clipping's folded text ends in `folded`. */
  ends: number[];
  folded: string;
}
