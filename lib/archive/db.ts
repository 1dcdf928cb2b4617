import { Dexie } from 'dexie';
import { ArchiveError } from './errors';
import { foldText, type FoldFn } from './fold';
import { MIGRATIONS, type Migration } from './migrations/index';
import type { ClippingsTable } from './tables/clippings';
import type { FingerprintsTable, PeopleTable } from './tables/fingerprints';
import type { MetaTable } from './tables/meta';
import type { MinhashPacksTable } from './tables/minhash-packs';
import type { SearchIndexTable } from './tables/search-index';
import type { SearchPacksTable } from './tables/search-packs';

/** Name of the archive database in the extension's origin. */
export const ARCHIVE_DB_NAME = 'baozhai-archive';

export interface ArchiveDeps {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  name?: string;
  /** Script folding for the search index; the character table from OpenCC by default. */
  fold?: FoldFn;
  /** Schema history; tests pass a longer list to prove the next version upgrades. */
  migrations?: readonly Migration[];
}

/** The archive database: one table per concern, schema declared by MIGRATIONS. */
export class ArchiveDb extends Dexie {
  declare clippings: ClippingsTable;
  declare searchIndex: SearchIndexTable;
  declare searchPacks: SearchPacksTable;
  declare meta: MetaTable;
  declare fingerprints: FingerprintsTable;
  declare people: PeopleTable;
  declare minhashes: MinhashPacksTable;
  readonly fold: FoldFn;

  constructor(deps: ArchiveDeps = {}) {
    // Relaxed durability: a commit stays all-or-nothing and only skips the wait for the disk flush
    // (a 10,000-clipping write in Chromium: 2.7 s waiting, 2.2 s relaxed).
    const options = {
      chromeTransactionDurability: 'relaxed' as const,
      ...(deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : {}),
    };
    super(deps.name ?? ARCHIVE_DB_NAME, options);
    const fold = deps.fold ?? foldText;
    this.fold = fold;
    const migrations = deps.migrations ?? MIGRATIONS;
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      const upgrade = migration.upgrade;
      if (upgrade) version.upgrade((tx) => upgrade(tx, { fold, now: Date.now() }));
    }
    const newest = Math.max(...migrations.map((m) => m.version));
    // A newer schema is being installed by another connection (a newer Baozhai): close for good.
    // Dexie's own handler closes too but reopens on next use, and Dexie 4 then opens the newer
    // database as it is, so this connection would write rows without the newer migration's backfill.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true });
      // Handlers run newest first; false stops Dexie's default one from allowing the reopen.
      return false;
    });
    // Opening a database a newer Baozhai upgraded would do the same: refuse, with a clear error.
    this.on('ready', () => {
      // Dexie stores version × 10 (a schema patch adds 1), so the whole part is the schema version.
      if (Math.floor(this.backendDB().version / 10) > newest) {
        this.close({ disableAutoOpen: true });
        throw new ArchiveError(
          'outdated',
          'The archive was upgraded by a newer version of Baozhai. Reload this page (or restart the browser), then try again.',
        );
      }
    });
  }
}

/** Open (lazily, on first use) the archive; defaults to the global IndexedDB of the extension origin. */
export function openArchive(deps: ArchiveDeps = {}): ArchiveDb {
  return new ArchiveDb(deps);
}
