import type { Table } from 'dexie';
import type { Clipping } from '../types';

export type ClippingsTable = Table<Clipping, string>;

/**
 * Dexie index spec: primary key, newest-first listing, dedupe keys, tags (multiEntry), and the
 * last change (open pages follow changes made elsewhere by it).
 */
export const CLIPPINGS_STORE = 'id, savedAt, url, canonicalUrl, contentHash, *tags, updatedAt';

/** True for a home-page URL: some sites point every page's canonical link there, so it names no article. */
export function isSiteRoot(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname.length <= 1 && parsed.search === '';
  } catch {
    return true;
  }
}

/** Find the clipping a page belongs to: same canonical URL, then same URL, then same content hash. */
export async function findClippingId(
  table: ClippingsTable,
  query: { url: string; canonicalUrl: string; contentHash?: string },
): Promise<string | undefined> {
  const urls = [query.canonicalUrl, query.url].filter((u) => u !== '' && !isSiteRoot(u));
  for (const u of urls) {
    const byCanonical = await table.where('canonicalUrl').equals(u).primaryKeys();
    if (byCanonical[0] !== undefined) return byCanonical[0];
    const byUrl = await table.where('url').equals(u).primaryKeys();
    if (byUrl[0] !== undefined) return byUrl[0];
  }
  if (query.contentHash) {
    const byHash = await table.where('contentHash').equals(query.contentHash).primaryKeys();
    if (byHash[0] !== undefined) return byHash[0];
  }
  return undefined;
}

/**
 * Ids of clippings newest first, optionally only those carrying a tag. Read ascending and reversed
 * here: ascending is one getAllKeys call, a reverse walk is one cursor step (a round trip) per key.
 */
export async function listClippingIds(table: ClippingsTable, tag?: string): Promise<string[]> {
  const newest = (await table.orderBy('savedAt').primaryKeys()).reverse();
  if (!tag) return newest;
  const tagged = new Set(await table.where('tags').equals(tag).primaryKeys());
  return newest.filter((id) => tagged.has(id));
}

/** The newest clippings, one read (Chromium's IndexedDB 3 getAll takes a direction and a count). */
export function listNewest(table: ClippingsTable, limit: number): Promise<Clipping[]> {
  return table.orderBy('savedAt').reverse().limit(limit).toArray();
}

/** Clippings by id, in the order asked, skipping ids no longer stored. */
export async function getClippings(table: ClippingsTable, ids: readonly string[]): Promise<Clipping[]> {
  return (await table.bulkGet([...ids])).filter((c): c is Clipping => c !== undefined);
}

/** Every tag in use, sorted. */
export async function listTags(table: ClippingsTable): Promise<string[]> {
  return (await table.orderBy('tags').uniqueKeys()).map(String);
}
