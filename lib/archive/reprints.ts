/** The same story saved from other sites or in the other script: found by body fingerprint. */
import type { ArchiveDb } from './db';
import { fingerprintText, similarity, SAME_STORY, type Fingerprint } from './fingerprint';
import { pageKey, siteOf } from './tables/clippings';
import type { FingerprintRow } from './tables/fingerprints';
import { MINHASH_STAMP_KEY, scanPacks, type MinhashPack } from './tables/minhash-packs';

/** One clipping of the same story. */
export interface Reprint {
  id: string;
  /** Estimated share of the two bodies' shingles in common, 0–1. */
  similarity: number;
  url: string;
  siteName: string;
  publishedAt: string;
  savedAt: number;
}

/**
 * Clippings whose body is the same story as `fingerprint` (similarity ≥ SAME_STORY), the earliest
 * published first (the original), then by save time; `exceptId` leaves the clipping itself out.
 * Compares every packed fingerprint, then reads the candidates' lookup rows only, never a clipping.
 */
export async function findReprints(
  db: ArchiveDb,
  fingerprint: Fingerprint,
  exceptId?: string,
): Promise<Reprint[]> {
  return matchReprints(db, await db.minhashes.toArray(), fingerprint, exceptId);
}

/** findReprints over packs already read: reads the candidates' lookup rows only. */
async function matchReprints(
  db: ArchiveDb,
  packs: readonly MinhashPack[],
  fingerprint: Fingerprint,
  exceptId?: string,
): Promise<Reprint[]> {
  const candidates = scanPacks(packs, fingerprint, SAME_STORY).filter((id) => id !== exceptId);
  if (candidates.length === 0) return [];
  const rows = (await db.fingerprints.bulkGet(candidates)).filter((r): r is FingerprintRow => !!r);
  const found: Reprint[] = [];
  for (const row of rows) {
    const s = similarity(fingerprint, row.minhash);
    if (s < SAME_STORY) continue;
    const { url, siteName, publishedAt, savedAt } = row.summary;
    found.push({ id: row.id, similarity: s, url, siteName, publishedAt, savedAt });
  }
  return sortByPublication(found);
}

/**
 * The packs kept between lookups by a long-lived reader (the worker), with the stamp they were
 * read under (MINHASH_STAMP_KEY): one object per open archive, empty at first.
 */
export interface PackCache {
  stamp?: unknown;
  packs?: readonly MinhashPack[];
}

/**
 * The packs, in the caller's read transaction: from `cache` when the stamp read now is the one they
 * were read under (the stamp changes with every change to the packs, in the same transaction), else
 * read and kept. The stamp costs one small read beside the caller's others, where the packs are 20
 * values of 32 KB and 10,000 ids at 10,000 clippings.
 */
async function readPacks(db: ArchiveDb, cache: PackCache | undefined): Promise<readonly MinhashPack[]> {
  if (!cache) return db.minhashes.toArray();
  const stamp = (await db.meta.get(MINHASH_STAMP_KEY))?.value;
  if (cache.packs && Object.is(cache.stamp, stamp)) return cache.packs;
  const packs = await db.minhashes.toArray();
  Object.assign(cache, { stamp, packs });
  return packs;
}

/**
 * The tables a read of the packs needs: the meta table (its stamp) only with a cache, since a read
 * transaction over it waits for every write to it (the list order, the search index) and they for it.
 */
function packTables(db: ArchiveDb, cache: PackCache | undefined) {
  return cache ? [db.minhashes, db.meta] : [db.minhashes];
}

/**
 * A stored clipping's lookup row and the copies of its story, in one read transaction: the row and
 * the packs are asked for at once, so the lookup waits for two rounds of reads instead of three
 * (each round can queue behind a frame of the page being drawn).
 */
function readCopies(
  db: ArchiveDb,
  id: string,
  cache?: PackCache,
): Promise<{ row?: FingerprintRow; others: Reprint[] }> {
  return db.transaction('r', [db.fingerprints, ...packTables(db, cache)], async () => {
    const [row, packs] = await Promise.all([db.fingerprints.get(id), readPacks(db, cache)]);
    return row ? { row, others: await matchReprints(db, packs, row.minhash, id) } : { others: [] };
  });
}

/** Earliest publication first (undated ones after dated), then earliest saved. */
export function sortByPublication<T extends { publishedAt: string; savedAt: number }>(items: T[]): T[] {
  const time = (p: string) => (p ? Date.parse(p) : Number.POSITIVE_INFINITY);
  return items.sort((a, b) => time(a.publishedAt) - time(b.publishedAt) || a.savedAt - b.savedAt);
}

/** The other clippings of a stored clipping's story ("also published by"), the original first. */
export async function listAlsoPublished(db: ArchiveDb, id: string): Promise<Reprint[]> {
  return (await readCopies(db, id)).others;
}

/**
 * Every saved copy of a stored clipping's story, this one included, the original first; empty when
 * no other copy is saved (the reader's and the archive page's "also published by").
 */
export async function listStoryCopies(db: ArchiveDb, id: string, cache?: PackCache): Promise<Reprint[]> {
  const { row, others } = await readCopies(db, id, cache);
  if (!row || others.length === 0) return [];
  const { url, siteName, publishedAt, savedAt } = row.summary;
  return sortByPublication([...others, { id, similarity: 1, url, siteName, publishedAt, savedAt }]);
}

/**
 * The sites a page's story is already saved from, other than the page itself (the toolbar's
 * "already saved from"): registrable hosts of the copies, the original first, at most `limit`.
 */
export async function listSavedSites(
  db: ArchiveDb,
  url: string,
  body: string,
  options: { limit?: number; cache?: PackCache } = {},
): Promise<string[]> {
  if (!body.trim()) return [];
  const fingerprint = fingerprintText(body, db.fold);
  const tables = [db.clippings, db.fingerprints, ...packTables(db, options.cache)];
  // One read transaction, the page's own id and the packs asked for at once.
  const copies = await db.transaction('r', tables, async () => {
    const [[own], packs] = await Promise.all([
      db.clippings.where('url').equals(pageKey(url)).primaryKeys(),
      readPacks(db, options.cache),
    ]);
    return matchReprints(db, packs, fingerprint, own);
  });
  const sites = new Set(copies.map((c) => siteOf(c.url)).filter(Boolean));
  return [...sites].slice(0, options.limit ?? 3);
}
