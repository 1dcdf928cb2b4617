import type { Table } from 'dexie';
import type { Article, Script } from '../../article/record';
import { fingerprintArticle, type Fingerprint } from '../fingerprint';
import type { FoldFn } from '../fold';
import type { Clipping } from '../types';
import type { MetaTable } from './meta';
import { writeMinhashes, type MinhashPacksTable } from './minhash-packs';

/**
 * What the reprint lookup and the person view show of a clipping, kept beside its lookup keys so
 * neither reads whole clippings (a body is ~5,000 characters; this is ~200).
 */
export interface ClippingSummary {
  title: string;
  siteName: string;
  /** The canonical URL when the page gave one, else the URL it was saved from. */
  url: string;
  publishedAt: string;
  savedAt: number;
  /** The people it names, as printed, with the roles it gives them. */
  named: Array<{ name: string; roles: string[] }>;
  script: Script;
  /** The clipping's tags: kept in step by every tag change, so the archive table reads only these rows. */
  tags: string[];
  asPage?: true;
}

/** A clipping's lookup keys, one row per clipping: body fingerprint, people, summary. */
export interface FingerprintRow {
  id: string;
  minhash: Fingerprint;
  /** The people it names, each folded to one script (王東峰 and 王东峰 are one key). */
  people: string[];
  summary: ClippingSummary;
}

export type FingerprintsTable = Table<FingerprintRow, string>;

/**
 * Dexie spec: rows by clipping id and by the people each names (the person view reads one key);
 * the reprint lookup scans the packed fingerprints instead (tables/minhash-packs.ts).
 */
export const FINGERPRINTS_STORE = 'id, *people';

/** The key of a person: the name folded to one script and case, so either script finds both. */
export function personKey(name: string, fold: FoldFn): string {
  return fold(name.trim());
}

/** What a summary is made of: a clipping (people may be absent in clippings saved before version 4). */
type Summarised = Omit<Clipping, 'people' | 'updatedAt' | 'note'> & { people?: Article['people'] };

/** The summary part of a clipping's row. */
export function summariseClipping(c: Omit<Summarised, 'blocks'>): ClippingSummary {
  return {
    title: c.title,
    siteName: c.siteName,
    url: c.canonicalUrl || c.url,
    publishedAt: c.publishedAt,
    savedAt: c.savedAt,
    named: (c.people ?? []).map((p) => ({ name: p.name, roles: p.roles })),
    script: c.script,
    tags: c.tags,
    ...(c.asPage ? { asPage: true as const } : {}),
  };
}

/** The lookup keys of an article (the costly part: fold and fingerprint its body). */
export function buildLookupKeys(
  article: Pick<Article, 'blocks'> & { people?: Article['people'] },
  fold: FoldFn,
): Pick<FingerprintRow, 'minhash' | 'people'> {
  const people = [...new Set((article.people ?? []).map((p) => personKey(p.name, fold)))].filter(Boolean);
  const minhash = fingerprintArticle(article, fold);
  return { minhash, people };
}

/** The fingerprint row of a clipping. */
export function buildFingerprintRow(clipping: Summarised, fold: FoldFn): FingerprintRow {
  return { id: clipping.id, ...buildLookupKeys(clipping, fold), summary: summariseClipping(clipping) };
}

/** How many clippings name a person: one row per person key, so the facet is one read. */
export interface PersonCountRow {
  key: string;
  count: number;
}

export type PeopleTable = Table<PersonCountRow, string>;

/** Dexie spec: counts by person key. */
export const PEOPLE_STORE = 'key';

interface LookupTables {
  fingerprints: FingerprintsTable;
  people: PeopleTable;
  minhashes: MinhashPacksTable;
  meta: MetaTable;
}

/**
 * Write clippings' lookup rows and remove others' (inside the caller's transaction), keeping the
 * packed fingerprints and the people counts in step: the rows replaced or removed are read back (small rows), except for ids
 * the caller knows are new.
 */
export async function writeLookupRows(
  db: LookupTables,
  rows: readonly FingerprintRow[],
  options: { removeIds?: readonly string[]; newIds?: ReadonlySet<string> } = {},
): Promise<void> {
  const removeIds = options.removeIds ?? [];
  const replaced = rows.filter((r) => !options.newIds?.has(r.id)).map((r) => r.id);
  const old = await db.fingerprints.bulkGet([...replaced, ...removeIds]);
  const deltas = new Map<string, number>();
  const add = (keys: readonly string[] | undefined, by: number) => {
    for (const key of keys ?? []) deltas.set(key, (deltas.get(key) ?? 0) + by);
  };
  for (const row of old) add(row?.people, -1);
  for (const row of rows) add(row.people, 1);
  await Promise.all([
    db.fingerprints.bulkPut([...rows]),
    removeIds.length ? db.fingerprints.bulkDelete([...removeIds]) : undefined,
    adjustPeopleCounts(db.people, deltas),
    writeMinhashes(db, {
      put: rows.map(({ id, minhash }) => ({ id, minhash })),
      remove: removeIds,
      newIds: options.newIds,
    }),
  ]);
}

/** Add `deltas` to the people counts; a person no clipping names any more leaves the table. */
export async function adjustPeopleCounts(
  table: PeopleTable,
  deltas: ReadonlyMap<string, number>,
): Promise<void> {
  const keys = [...deltas].filter(([, d]) => d !== 0).map(([k]) => k);
  if (keys.length === 0) return;
  const current = await table.bulkGet(keys);
  const puts: PersonCountRow[] = [];
  const gone: string[] = [];
  keys.forEach((key, i) => {
    const count = (current[i]?.count ?? 0) + deltas.get(key)!;
    if (count > 0) puts.push({ key, count });
    else if (current[i]) gone.push(key);
  });
  await Promise.all([table.bulkPut(puts), table.bulkDelete(gone)]);
}

/** Set the summaries' tags of clippings whose tags changed (inside the caller's transaction). */
export async function retagLookupRows(
  table: FingerprintsTable,
  changes: ReadonlyArray<{ id: string; tags: string[] }>,
): Promise<void> {
  if (changes.length === 0) return;
  await table.bulkUpdate(changes.map(({ id, tags }) => ({ key: id, changes: { 'summary.tags': tags } })));
}
