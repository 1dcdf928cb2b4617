import type { Table } from 'dexie';
import { MINHASH_SIZE, type Fingerprint } from '../fingerprint';
import type { MetaTable } from './meta';

/**
 * The body fingerprints of many clippings in one stored value, for the reprint lookup: reading 20
 * packs and comparing every fingerprint costs a few milliseconds at 10,000 clippings, where the band
 * index handed back hundreds of candidates to read one by one (one IndexedDB get each, ~0.2 s).
 * Only the low byte of each minimum is kept (b-bit MinHash): equal minima have equal bytes, so no
 * copy is missed, and the 32 KB packs read twice as fast as full ones; matches are then checked on
 * their full fingerprints.
 */
export interface MinhashPack {
  id: string;
  ids: string[];
  /** The low bytes of the clippings' fingerprints end to end, MINHASH_SIZE each, in `ids` order. */
  minhash: Uint8Array;
}

export type MinhashPacksTable = Table<MinhashPack, string>;

/** Dexie spec: packs by id, and by the clipping ids they hold (multiEntry) so a change finds its pack. */
export const MINHASH_PACKS_STORE = 'id, *ids';

/** Meta key of the pack new fingerprints are added to while it has room. */
export const MINHASH_TAIL_KEY = 'minhash-tail';

/**
 * Meta key of a stamp written anew with every change to the packs, in the same transaction: a
 * reader that keeps the packs between lookups (the worker, lib/archive/reprints.ts) reads the stamp
 * with each lookup and the packs again only when it has changed.
 */
export const MINHASH_STAMP_KEY = 'minhash-stamp';

// 500 fingerprints make a 32 KB value: small enough to rewrite on every save, few enough to read.
const PACK_SIZE = 500;

interface PackTables {
  minhashes: MinhashPacksTable;
  meta: MetaTable;
}

/** Group fingerprints into new packs of up to `size`. */
export function packMinhashes(
  entries: ReadonlyArray<{ id: string; minhash: ArrayLike<number> }>,
  size = PACK_SIZE,
): MinhashPack[] {
  const packs: MinhashPack[] = [];
  for (let start = 0; start < entries.length; start += size) {
    const slice = entries.slice(start, start + size);
    // A Uint8Array keeps each value's low byte.
    const minhash = new Uint8Array(slice.length * MINHASH_SIZE);
    slice.forEach((e, i) => minhash.set(e.minhash, i * MINHASH_SIZE));
    packs.push({ id: globalThis.crypto.randomUUID(), ids: slice.map((e) => e.id), minhash });
  }
  return packs;
}

/** The packed (low-byte) fingerprint at position `i` of a pack. */
function minhashAt(pack: MinhashPack, i: number): Uint8Array {
  return pack.minhash.subarray(i * MINHASH_SIZE, (i + 1) * MINHASH_SIZE);
}

/**
 * Ids of the stored clippings whose packed fingerprint agrees with `fingerprint` in at least
 * `threshold` of its places: every clipping that similar, and the odd one less similar whose bytes
 * agree by chance (1 place in 256), for the caller to check on the full fingerprint. The packs are
 * read by the caller, in the transaction of its other reads.
 */
export function scanPacks(
  packs: readonly MinhashPack[],
  fingerprint: Fingerprint,
  threshold: number,
): string[] {
  const found: string[] = [];
  const wanted = Uint8Array.from(fingerprint);
  const needed = threshold * MINHASH_SIZE;
  for (const pack of packs) {
    const m = pack.minhash;
    pack.ids.forEach((id, i) => {
      let same = 0;
      const base = i * MINHASH_SIZE;
      for (let k = 0; k < MINHASH_SIZE; k++) if (m[base + k] === wanted[k]) same++;
      if (same >= needed) found.push(id);
    });
  }
  return found;
}

/**
 * Put fingerprints into the packs (replacing a clipping's own in place) and take others out, inside
 * the caller's transaction; `newIds` are known to be in no pack yet, so nothing is looked up for them.
 */
export async function writeMinhashes(
  db: PackTables,
  change: {
    put?: ReadonlyArray<{ id: string; minhash: Fingerprint }>;
    remove?: readonly string[];
    newIds?: ReadonlySet<string>;
  },
): Promise<void> {
  const put = change.put ?? [];
  const remove = new Set(change.remove ?? []);
  const stored = [...put.map((p) => p.id).filter((id) => !change.newIds?.has(id)), ...remove];
  const touched = stored.length ? await db.minhashes.where('ids').anyOf(stored).distinct().toArray() : [];
  const pending = new Map(put.map((p) => [p.id, p.minhash]));
  const writes: MinhashPack[] = [];
  const emptied: string[] = [];
  for (const pack of touched) {
    const kept = pack.ids.flatMap((id, i) => {
      if (remove.has(id)) return [];
      const next = pending.get(id);
      pending.delete(id);
      return [{ id, minhash: next ?? minhashAt(pack, i) }];
    });
    if (kept.length) writes.push({ ...packMinhashes(kept, kept.length)[0]!, id: pack.id });
    else emptied.push(pack.id);
  }
  const added = [...pending].map(([id, minhash]) => ({ id, minhash }));
  if (added.length) {
    // New fingerprints fill the tail pack first, then new packs; the last one with room is the next tail.
    const tailId = (await db.meta.get(MINHASH_TAIL_KEY))?.value;
    const written = writes.find((p) => p.id === tailId);
    const tail = written ?? (typeof tailId === 'string' ? await db.minhashes.get(tailId) : undefined);
    const room = tail && !emptied.includes(tail.id) ? PACK_SIZE - tail.ids.length : 0;
    if (tail && room > 0) {
      const grown = [
        ...tail.ids.map((id, i) => ({ id, minhash: minhashAt(tail, i) })),
        ...added.splice(0, room),
      ];
      if (written) writes.splice(writes.indexOf(written), 1);
      writes.push({ ...packMinhashes(grown, grown.length)[0]!, id: tail.id });
    }
    const fresh = packMinhashes(added);
    writes.push(...fresh);
    const last = fresh.at(-1);
    if (last && last.ids.length < PACK_SIZE) await db.meta.put({ key: MINHASH_TAIL_KEY, value: last.id });
  }
  if (writes.length === 0 && emptied.length === 0) return;
  await Promise.all([
    db.minhashes.bulkPut(writes),
    emptied.length ? db.minhashes.bulkDelete(emptied) : undefined,
    db.meta.put({ key: MINHASH_STAMP_KEY, value: globalThis.crypto.randomUUID() }),
  ]);
}
