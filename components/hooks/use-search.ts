import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import {
  createSearchIndex,
  readSearchKeys,
  syncSearchIndex,
  type ArchiveDb,
  type SearchIndex,
} from '../../lib/archive/index';

export interface SearchState {
  /** Undefined until the index is loaded. */
  index?: SearchIndex;
  /** Changes whenever the index does (it is updated in place), so results can be recomputed. */
  version: number;
}

/**
 * The in-memory search index of the archive, loaded once `enabled` and then kept in step with the
 * archive through a live query of each clipping's content hash: removed clippings leave it, added
 * or changed ones are read back in, and anything larger (an import) rebuilds it.
 */
export function useSearch(db: ArchiveDb, enabled: boolean, onError: (error: unknown) => void): SearchState {
  const [state, setState] = useState<SearchState>({ version: 0 });
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let index: SearchIndex | undefined;
    let known: ReadonlyMap<string, string> | undefined;
    // One update at a time, in the order the archive changed.
    let queue = Promise.resolve();
    const subscription = liveQuery(() => readSearchKeys(db)).subscribe({
      next: (keys) => {
        queue = queue
          .then(async () => {
            if (stopped) return;
            const synced = index && known ? await syncSearchIndex(db, index, known, keys) : false;
            if (!synced) index = await createSearchIndex(db);
            known = keys;
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
