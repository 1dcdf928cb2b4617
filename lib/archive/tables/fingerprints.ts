import type { Table } from 'dexie';
import type { Article } from '../../article/record';
import { bandsOf, fingerprintArticle, type Fingerprint } from '../fingerprint';
import type { FoldFn } from '../fold';

/** A clipping's lookup keys, one row per clipping: its body fingerprint and the people it names. */
export interface FingerprintRow {
  id: string;
  minhash: Fingerprint;
  /** The people it names, each folded to one script (王東峰 and 王东峰 are one key); absent before v5. */
  people?: string[];
}

/** The clippings whose fingerprint has one LSH band key: the reprint lookup reads 32 of these. */
export interface BandRow {
  key: string;
  ids: string[];
}

export type FingerprintsTable = Table<FingerprintRow, string>;
export type BandsTable = Table<BandRow, string>;

/**
 * Dexie specs: fingerprints by clipping id, and by the people each names (multiEntry: the people
 * facet counts its keys, the person filter reads one key); band rows by band key (never scanned).
 */
export const FINGERPRINTS_STORE = 'id, *people';
export const BANDS_STORE = 'key';

/** The key of a person: the name folded to one script and case, so either script finds both. */
export function personKey(name: string, fold: FoldFn): string {
  return fold(name.trim());
}

/** The fingerprint row of a clipping (or of an article about to become one). */
export function buildFingerprintRow(
  id: string,
  article: Pick<Article, 'blocks'> & { people?: Article['people'] },
  fold: FoldFn,
): FingerprintRow {
  const people = [...new Set((article.people ?? []).map((p) => personKey(p.name, fold)))].filter(Boolean);
  return { id, minhash: fingerprintArticle(article, fold), people };
}

interface Tables {
  fingerprints: FingerprintsTable;
  bands: BandsTable;
}

/** Store fingerprint rows and file each clipping under its band keys (inside the caller's transaction). */
export async function putFingerprints(db: Tables, rows: readonly FingerprintRow[]): Promise<void> {
  if (rows.length === 0) return;
  const old = (await db.fingerprints.bulkGet(rows.map((r) => r.id))).filter((r): r is FingerprintRow => !!r);
  const removals = new Map<string, Set<string>>();
  for (const r of old) for (const key of bandsOf(r.minhash)) addTo(removals, key, r.id);
  const additions = new Map<string, Set<string>>();
  for (const r of rows) for (const key of bandsOf(r.minhash)) addTo(additions, key, r.id);
  await updateBands(db, removals, additions);
  await db.fingerprints.bulkPut([...rows]);
}

/** Remove clippings' fingerprints and band entries (inside the caller's transaction). */
export async function deleteFingerprints(db: Tables, ids: readonly string[]): Promise<void> {
  const old = (await db.fingerprints.bulkGet([...ids])).filter((r): r is FingerprintRow => !!r);
  const removals = new Map<string, Set<string>>();
  for (const r of old) for (const key of bandsOf(r.minhash)) addTo(removals, key, r.id);
  await updateBands(db, removals, new Map());
  await db.fingerprints.bulkDelete([...ids]);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

async function updateBands(
  db: Tables,
  removals: Map<string, Set<string>>,
  additions: Map<string, Set<string>>,
): Promise<void> {
  // In key order: stores append sorted writes cheaply (a 10,000-clipping import writes ~320,000 keys).
  const keys = [...new Set([...removals.keys(), ...additions.keys()])].sort();
  if (keys.length === 0) return;
  const current = await db.bands.bulkGet(keys);
  const puts: BandRow[] = [];
  const deletes: string[] = [];
  keys.forEach((key, i) => {
    const gone = removals.get(key);
    const ids = new Set((current[i]?.ids ?? []).filter((id) => !gone?.has(id)));
    for (const id of additions.get(key) ?? []) ids.add(id);
    if (ids.size) puts.push({ key, ids: [...ids] });
    else if (current[i]) deletes.push(key);
  });
  await db.bands.bulkPut(puts);
  await db.bands.bulkDelete(deletes);
}
