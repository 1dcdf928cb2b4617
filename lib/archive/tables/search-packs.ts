import type { Table } from 'dexie';
import type { SearchPack, SearchRow } from '../types';

export type SearchPacksTable = Table<SearchPack, string>;

/** Dexie spec: packs by id, and by the clipping ids they hold (multiEntry) so a delete finds its pack. */
export const SEARCH_PACKS_STORE = 'id, *ids';

// 500 clippings of ~5,000 characters make a ~5 MB value: Chromium writes values that large as one
// file, where 10,000 small rows took 3.5 s to write and 1.9 s to read back on a loaded 2-core machine.
const PACK_SIZE = 500;

/** Group search rows into packs of up to `size` rows, each with a fresh id. */
export function packSearchRows(rows: readonly SearchRow[], size = PACK_SIZE): SearchPack[] {
  const packs: SearchPack[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const slice = rows.slice(start, start + size);
    const ends: number[] = [];
    let end = 0;
    for (const row of slice) {
      end += row.folded.length;
      ends.push(end);
    }
    packs.push({
      id: globalThis.crypto.randomUUID(),
      ids: slice.map((r) => r.id),
      savedAts: slice.map((r) => r.savedAt),
      ends,
      folded: slice.map((r) => r.folded).join(''),
    });
  }
  return packs;
}

/** The search rows a pack holds, in pack order. */
export function unpackSearchRows(pack: SearchPack): SearchRow[] {
  const rows: SearchRow[] = [];
  let start = 0;
  pack.ids.forEach((id, i) => {
    const end = pack.ends[i]!;
    rows.push({ id, savedAt: pack.savedAts[i]!, folded: pack.folded.slice(start, end) });
    start = end;
  });
  return rows;
}

/** A pack without the given clippings, or undefined when nothing of it is left. */
export function dropFromPack(pack: SearchPack, ids: ReadonlySet<string>): SearchPack | undefined {
  const kept = unpackSearchRows(pack).filter((r) => !ids.has(r.id));
  if (kept.length === 0) return undefined;
  return { ...packSearchRows(kept, kept.length)[0]!, id: pack.id };
}
