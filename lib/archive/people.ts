/** The people facet and the person view: who the archive's clippings name, and where. */
import type { ArchiveDb } from './db';
import { sortByPublication } from './reprints';
import { listClippingIds } from './tables/clippings';
import { personKey } from './tables/fingerprints';

/** One person of the facet: the folded key and how many clippings name them. */
export interface PersonCount {
  key: string;
  count: number;
}

const collator = new Intl.Collator('zh');

/**
 * Everyone the archive names, most often named first (then by name): one read of the counts every
 * write keeps (walking the people index key by key took seconds at 10,000 clippings).
 */
export async function listPeople(db: ArchiveDb): Promise<PersonCount[]> {
  const rows = await db.people.toArray();
  return rows
    .map(({ key, count }) => ({ key, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.key, b.key));
}

/** Ids of the clippings that name a person (by key), in no particular order. */
export function listPersonIds(db: ArchiveDb, key: string): Promise<string[]> {
  return db.fingerprints.where('people').equals(key).primaryKeys();
}

/** Ids newest first, narrowed by tag and person ('' for either: no narrowing). */
export async function listFilteredIds(
  db: ArchiveDb,
  filter: { tag: string; person: string },
): Promise<string[]> {
  const ids = await listClippingIds(db, filter.tag || undefined);
  if (!filter.person) return ids;
  const named = new Set(await listPersonIds(db, filter.person));
  return ids.filter((id) => named.has(id));
}

/** One saved appearance of a person: the clipping, and the name and roles as it prints them. */
export interface Appearance {
  id: string;
  title: string;
  siteName: string;
  url: string;
  publishedAt: string;
  savedAt: number;
  name: string;
  roles: string[];
}

/** Every saved appearance of a person, in date order (earliest published first), roles as given. */
export async function listAppearances(db: ArchiveDb, key: string): Promise<Appearance[]> {
  // The fingerprint rows carry each clipping's summary: no clipping (body) is read.
  const rows = await db.fingerprints.where('people').equals(key).toArray();
  const found: Appearance[] = [];
  for (const { id, summary } of rows) {
    const person = summary.named.find((p) => personKey(p.name, db.fold) === key);
    if (!person) continue;
    const { title, siteName, url, publishedAt, savedAt } = summary;
    found.push({ id, title, siteName, url, publishedAt, savedAt, name: person.name, roles: person.roles });
  }
  return sortByPublication(found);
}
