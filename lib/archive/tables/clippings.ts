import type { Table } from 'dexie';
import type { Clipping } from '../types';

export type ClippingsTable = Table<Clipping, string>;

/** Dexie index spec: primary key, newest-first listing, dedupe keys, and tags (multiEntry). */
export const CLIPPINGS_STORE = 'id, savedAt, url, canonicalUrl, contentHash, *tags';

/** Find the clipping a page belongs to: same canonical URL, then same URL, then same content hash. */
export async function findClippingId(
  table: ClippingsTable,
  query: { url: string; canonicalUrl: string; contentHash?: string },
): Promise<string | undefined> {
  const urls = [query.canonicalUrl, query.url].filter((u) => u !== '');
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

/** Ids of clippings newest first, optionally only those carrying a tag. */
export async function listClippingIds(table: ClippingsTable, tag?: string): Promise<string[]> {
  const newest = await table.orderBy('savedAt').reverse().primaryKeys();
  if (!tag) return newest;
  const tagged = new Set(await table.where('tags').equals(tag).primaryKeys());
  return newest.filter((id) => tagged.has(id));
}

/** One page of clippings newest first (cheap: the savedAt index walks only the page). */
export function listNewest(table: ClippingsTable, offset: number, limit: number): Promise<Clipping[]> {
  return table.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray();
}

/**
 * Number of clippings, counted on the savedAt index: Chromium counts an object store by walking
 * its records (values included), an index by walking small index entries.
 */
export function countClippings(table: ClippingsTable): Promise<number> {
  return table.orderBy('savedAt').count();
}

/** Every tag in use, sorted. */
export async function listTags(table: ClippingsTable): Promise<string[]> {
  return (await table.orderBy('tags').uniqueKeys()).map(String);
}
