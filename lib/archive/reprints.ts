/** The same story saved from other sites or in the other script: found by body fingerprint. */
import type { ArchiveDb } from './db';
import { fingerprintText, similarity, SAME_STORY, type Fingerprint } from './fingerprint';
import { pageKey, siteOf } from './tables/clippings';
import type { FingerprintRow } from './tables/fingerprints';
import { scanMinhashes } from './tables/minhash-packs';

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
  const candidates = (await scanMinhashes(db.minhashes, fingerprint, SAME_STORY)).filter(
    (id) => id !== exceptId,
  );
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

/** Earliest publication first (undated ones after dated), then earliest saved. */
export function sortByPublication<T extends { publishedAt: string; savedAt: number }>(items: T[]): T[] {
  const time = (p: string) => (p ? Date.parse(p) : Number.POSITIVE_INFINITY);
  return items.sort((a, b) => time(a.publishedAt) - time(b.publishedAt) || a.savedAt - b.savedAt);
}

/** The other clippings of a stored clipping's story ("also published by"), the original first. */
export async function listAlsoPublished(db: ArchiveDb, id: string): Promise<Reprint[]> {
  const row = await db.fingerprints.get(id);
  return row ? findReprints(db, row.minhash, id) : [];
}

/**
 * Every saved copy of a stored clipping's story, this one included, the original first; empty when
 * no other copy is saved (the reader's and the archive page's "also published by").
 */
export async function listStoryCopies(db: ArchiveDb, id: string): Promise<Reprint[]> {
  const row = await db.fingerprints.get(id);
  if (!row) return [];
  const others = await findReprints(db, row.minhash, id);
  if (others.length === 0) return [];
  const { url, siteName, publishedAt, savedAt } = row.summary;
  return sortByPublication([...others, { id, similarity: 1, url, siteName, publishedAt, savedAt }]);
}

/**
 * The sites a page's story is already saved from, other than the page itself (the toolbar's
 * "already saved from"): registrable hosts of the copies, the original first, at most `limit`.
 */
export async function listSavedSites(db: ArchiveDb, url: string, body: string, limit = 3): Promise<string[]> {
  if (!body.trim()) return [];
  const [own] = await db.clippings.where('url').equals(pageKey(url)).primaryKeys();
  const copies = await findReprints(db, fingerprintText(body, db.fold), own);
  const sites = new Set(copies.map((c) => siteOf(c.url)).filter(Boolean));
  return [...sites].slice(0, limit);
}
