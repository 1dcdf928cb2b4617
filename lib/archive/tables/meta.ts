import type { Table } from 'dexie';
import type { MetaRow } from '../types';

export type MetaTable = Table<MetaRow, string>;

/** Dexie spec: one row per bookkeeping key. */
export const META_STORE = 'key';

/** Key of the row listing each schema upgrade the database went through. */
export const MIGRATION_LOG = 'migrations';

/** Append one upgrade to the migration log (kept for support and for tests). */
export async function logMigration(
  table: MetaTable,
  entry: { version: number; at: number; moved: number },
): Promise<void> {
  const row = await table.get(MIGRATION_LOG);
  const log = Array.isArray(row?.value) ? (row.value as unknown[]) : [];
  await table.put({ key: MIGRATION_LOG, value: [...log, entry] });
}
