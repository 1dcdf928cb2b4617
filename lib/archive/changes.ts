import type { IntervalTree, ObservabilitySet } from 'dexie';

/** What a change to the archive, seen in another page or the background, means for an open popup. */
export interface ArchiveChanges {
  /** Clippings were added, changed or removed: the list must be read again. */
  clippings: boolean;
  /** Search rows touched by the change: their ids, or 'all' when the change is too broad to list. */
  search: string[] | 'all';
}

// Dexie reports written keys as an interval tree; across pages it arrives as plain objects (the
// BroadcastChannel copy loses the class), so walk the documented fields rather than its methods.
function collectKeys(tree: IntervalTree | undefined | null, out: string[]): boolean {
  if (!tree || !('from' in tree)) return true;
  if (tree.from !== tree.to || typeof tree.from !== 'string') return false;
  out.push(tree.from);
  return collectKeys(tree.l, out) && collectKeys(tree.r, out);
}

/**
 * Read Dexie's `storagemutated` parts for this archive: undefined when the archive was not touched.
 * Big writes (imports) report whole ranges, which come back as 'all'.
 */
export function readArchiveChanges(parts: ObservabilitySet, dbName: string): ArchiveChanges | undefined {
  const prefix = `idb://${dbName}/`;
  let clippings = false;
  let touched = false;
  let search: string[] | 'all' = [];
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const [table, index] = part.slice(prefix.length).split('/');
    touched = true;
    if (table === 'clippings') clippings = true;
    else if (table === 'searchPacks') search = 'all';
    else if (table === 'searchIndex' && index === '' && search !== 'all') {
      const keys: string[] = [];
      search = collectKeys(tree, keys) ? [...new Set([...search, ...keys])] : 'all';
    }
  }
  return touched ? { clippings, search } : undefined;
}
