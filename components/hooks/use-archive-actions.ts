import { useRef } from 'preact/hooks';
import {
  clearListSnapshot,
  deleteClippings,
  restoreClippings,
  retagClippings,
  updateClipping,
  type ArchiveDb,
  type Removed,
  type SnapshotStorage,
} from '../../lib/archive/index';
import type { Notice } from '../shared/notice-line';

/**
 * Changes the reader makes from a list: tags and note, bulk tags, delete with undo. The lists
 * follow the archive live, so nothing here refreshes them.
 */
export function useArchiveActions(options: {
  db: ArchiveDb;
  storage?: SnapshotStorage;
  setNotice: (notice: Notice | undefined) => void;
  showError: (error: unknown) => void;
  /** Called with the ids a delete removed (to drop them from the selection). */
  onDeleted?: (ids: string[]) => void;
}) {
  const { db, storage, setNotice, showError } = options;
  const removedRef = useRef<Removed | undefined>(undefined);
  const run = (action: () => Promise<void>) => void action().catch(showError);

  return {
    saveMeta: (id: string, changes: { tags: string[]; note: string }) =>
      run(async () => {
        await updateClipping(db, id, changes);
      }),
    retag: (ids: readonly string[], changes: { add?: string[]; remove?: string[] }) =>
      run(async () => {
        const count = await retagClippings(db, ids, changes);
        setNotice({ kind: 'tagged', count });
      }),
    remove: (ids: readonly string[]) =>
      run(async () => {
        // The snapshot may hold these rows: drop it so the next popup cannot show them.
        clearListSnapshot(storage);
        const removed = await deleteClippings(db, ids);
        removedRef.current = removed;
        options.onDeleted?.([...ids]);
        setNotice({ kind: 'deleted', count: removed.clippings.length });
      }),
    undo: () =>
      run(async () => {
        const removed = removedRef.current;
        if (!removed) return;
        await restoreClippings(db, removed);
        removedRef.current = undefined;
        setNotice(undefined);
      }),
  };
}
