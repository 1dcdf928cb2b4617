import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import {
  createSearchIndex,
  latestChange,
  listClippingIds,
  readSearchWatch,
  syncSearchIndex,
  type ArchiveDb,
  type SearchIndex,
  type SearchWatch,
} from '../../lib/archive/index';

// Writes closer together than this (20 tabs saving at once, a save loop) update the index once.
const BURST_MS = 150;

export interface SearchState {
  /** Undefined until the index is loaded. */
  index?: SearchIndex;
  /** Changes whenever the index does (it is updated in place), so results can be recomputed. */
  version: number;
}

/**
 * The in-memory search index of the archive, loaded once `enabled` and then kept in step with the
 * archive: after each burst of writes (a live query signals them), removed clippings leave it,
 * added or changed ones are read back in, and an import (packs) rebuilds it.
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
    const update = () => {
      queue = queue
        .then(async () => {
          if (stopped) return;
          const watch = await readSearchWatch(db, since);
          const synced = index && last ? await syncSearchIndex(db, index, last, watch) : false;
          if (!synced) index = await createSearchIndex(db);
          last = watch;
          since = latestChange(watch, since);
          const current = index;
          if (!stopped) setState((s) => ({ index: current, version: s.version + 1 }));
        })
        .catch(onError);
    };
    // The live query is only the signal: the kept order changes with every add and delete, the
    // newest change time with every edit (a count walked every key: 0.4 s at 10,000). The index
    // follows a burst of writes once, so reads here never queue behind each save.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const signal = () =>
      Promise.all([listClippingIds(db), db.clippings.orderBy('updatedAt').reverse().limit(1).primaryKeys()]);
    const subscription = liveQuery(signal).subscribe({
      next: () => {
        clearTimeout(timer);
        if (first) update();
        else timer = setTimeout(update, BURST_MS);
        first = false;
      },
      error: onError,
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [db, enabled, onError]);
  return state;
}
