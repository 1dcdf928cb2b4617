import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import {
  createSearchIndex,
  latestChange,
  readSearchWatch,
  syncSearchIndex,
  type ArchiveDb,
  type SearchIndex,
  type SearchWatch,
} from '../../lib/archive/index';

export interface SearchState {
  /** Undefined until the index is loaded. */
  index?: SearchIndex;
  /** Changes whenever the index does (it is updated in place), so results can be recomputed. */
  version: number;
}

/**
 * The in-memory search index of the archive, loaded once `enabled` and then kept in step with the
 * archive by a live query of ids, packs and recent changes: removed clippings leave it, added or
 * changed ones are read back in, and an import (packs) rebuilds it.
 */
export function useSearch(db: ArchiveDb, enabled: boolean, onError: (error: unknown) => void): SearchState {
  const [state, setState] = useState<SearchState>({ version: 0 });
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let index: SearchIndex | undefined;
    let last: SearchWatch | undefined;
    // Changes at or after this time are read on each run (equal times may come from two writers).
    let since: number | undefined;
    // One update at a time, in the order the archive changed.
    let queue = Promise.resolve();
    const subscription = liveQuery(() => readSearchWatch(db, since)).subscribe({
      next: (watch) => {
        queue = queue
          .then(async () => {
            if (stopped) return;
            const synced = index && last ? await syncSearchIndex(db, index, last, watch) : false;
            if (!synced) index = await createSearchIndex(db);
            last = watch;
            since = latestChange(watch, since);
            const current = index;
            if (!stopped) setState((s) => ({ index: current, version: s.version + 1 }));
          })
          .catch(onError);
      },
      error: onError,
    });
    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
  }, [db, enabled, onError]);
  return state;
}
