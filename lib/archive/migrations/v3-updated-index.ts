import { CLIPPINGS_STORE } from '../tables/clippings';
import type { Migration } from './types';

/** Schema version 3: indexes clippings by updatedAt, so open pages can ask what changed; no data moves. */
export const v3: Migration = {
  version: 3,
  stores: { clippings: CLIPPINGS_STORE },
};
