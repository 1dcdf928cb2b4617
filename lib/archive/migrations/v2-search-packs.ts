import { SEARCH_PACKS_STORE } from '../tables/search-packs';
import type { Migration } from './types';

/** Schema version 2: adds packed search rows (written by imports); no data moves. */
export const v2: Migration = {
  version: 2,
  stores: { searchPacks: SEARCH_PACKS_STORE },
};
