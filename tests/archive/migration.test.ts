import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { MIGRATIONS, type Migration } from '../../lib/archive/migrations/index';
import { DRAFT_STORE, UNREADABLE_DRAFT_ROWS } from '../../lib/archive/migrations/v1-from-draft';
import { readFileSync } from 'node:fs';
import {
  ArchiveError,
  createSearchIndex,
  deleteClippings,
  listAlsoPublished,
  listAppearances,
  listClippingIds,
  listPeople,
  listTags,
  saveArticle,
  searchArchive,
  type Clipping,
} from '../../lib/archive/index';
import { makeArticle, openTestArchive } from './helpers';

interface StoreDump {
  keyPath: string;
  indexes: Array<{ name: string; keyPath: string; multiEntry: boolean; unique: boolean }>;
  rows: Array<Record<string, unknown>>;
}

/** Recreate, with raw IndexedDB, a database dumped store by store (tests/archive/fixtures). */
function restoreDump(
  idb: IDBFactory,
  name: string,
  dump: { version: number; stores: Record<string, StoreDump> },
) {
  return new Promise<void>((resolve, reject) => {
    const request = idb.open(name, dump.version);
    request.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(dump.stores)) {
        const created = request.result.createObjectStore(store, { keyPath: spec.keyPath });
        for (const index of spec.indexes) created.createIndex(index.name, index.keyPath, index);
        for (const row of spec.rows) created.put(row);
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/** Write the draft ("v0") layout with raw IndexedDB, as the draft extension did. */
function writeDraft(idb: IDBFactory, name: string, rows: Array<Record<string, unknown>>): Promise<void> {
  return restoreDump(idb, name, {
    version: 1,
    stores: { [DRAFT_STORE]: { keyPath: 'id', indexes: [], rows } },
  });
}

describe('archive migrations', () => {
  it('opens a database written by the draft layout and finds every record intact', async () => {
    const idb = new IDBFactory();
    const articles = [
      makeArticle({ title: '發展論壇在臺北舉行', script: 'hant', body: ['與會代表討論區域發展合作。'] }),
      makeArticle({ title: '农业农村工作会议召开' }),
      makeArticle({
        title: '交通建设提速',
        blocks: [{ type: 'figure', src: 'https://img.example.gov.cn/a.jpg', caption: '新建大桥' }],
      }),
    ];
    const rows = articles.map((article, i) => ({
      id: `draft-${i}`,
      article,
      savedAt: `2025-0${i + 1}-15T08:00:00.000Z`,
      tags: i === 0 ? '台湾, 论坛,论坛' : '',
    }));
    await writeDraft(idb, 'upgrade-me', rows);

    const db = openTestArchive({ indexedDB: idb, name: 'upgrade-me' });
    const clippings = await db.clippings.orderBy('savedAt').toArray();
    expect(clippings).toHaveLength(3);
    clippings.forEach((clipping, i) => {
      const { id, savedAt, updatedAt, tags, note, ...article } = clipping;
      expect(article).toEqual(articles[i]);
      expect(id).toBe(`draft-${i}`);
      expect(savedAt).toBe(Date.parse(`2025-0${i + 1}-15T08:00:00.000Z`));
      expect(updatedAt).toBe(savedAt);
      expect(note).toBe('');
      expect(tags).toEqual(i === 0 ? ['台湾', '论坛'] : []);
    });
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.backendDB().objectStoreNames.contains(DRAFT_STORE)).toBe(false);
    // Migrated clippings are searchable across scripts.
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '发展论坛').ids).toEqual(['draft-0']);
    db.close();
  });

  it('keeps draft rows it cannot read, verbatim, instead of dropping them', async () => {
    const idb = new IDBFactory();
    await writeDraft(idb, 'half-bad', [
      { id: 'good', article: makeArticle(), savedAt: '2025-01-01T00:00:00Z', tags: '' },
      { id: 'bad', article: { title: 'no other fields' }, savedAt: 'x' },
    ]);
    const db = openTestArchive({ indexedDB: idb, name: 'half-bad' });
    expect(await db.clippings.toCollection().primaryKeys()).toEqual(['good']);
    expect((await db.meta.get(UNREADABLE_DRAFT_ROWS))?.value).toEqual([
      { id: 'bad', article: { title: 'no other fields' }, savedAt: 'x' },
    ]);
    db.close();
  });

  it('lets the next version upgrade a version-1 database without losing clippings', async () => {
    const idb = new IDBFactory();
    const v1db = openTestArchive({ indexedDB: idb, name: 'next' });
    const saved = await saveArticle(v1db, makeArticle({ title: '第一版存的剪报' }), 1_000);
    v1db.close();

    // A hypothetical next version adds an index and back-fills a field, the way a real one would.
    const next: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      stores: { clippings: 'id, savedAt, updatedAt, url, canonicalUrl, contentHash, *tags' },
      upgrade: async (tx) => {
        await tx
          .table('clippings')
          .toCollection()
          .modify((c: { note: string }) => {
            c.note ||= '(migrated)';
          });
      },
    };
    const v2db = openTestArchive({ indexedDB: idb, name: 'next', migrations: [...MIGRATIONS, next] });
    const after = await v2db.clippings.get(saved.id);
    expect(after?.title).toBe('第一版存的剪报');
    expect(after?.note).toBe('(migrated)');
    expect(await v2db.clippings.where('updatedAt').equals(1_000).count()).toBe(1);
    expect(await v2db.searchIndex.count()).toBe(1);
    v2db.close();
  });

  it('closes an old connection left open across an upgrade: it never writes a row the backfill missed', async () => {
    const idb = new IDBFactory();
    const oldDb = openTestArchive({ indexedDB: idb, name: 'left-open' });
    const first = await saveArticle(oldDb, makeArticle({ title: '升级前' }), 1_000);
    // A newer Baozhai back-fills every clipping's note while the old connection is still open.
    const next: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      stores: { clippings: 'id, savedAt, updatedAt, url, canonicalUrl, contentHash, *tags' },
      upgrade: async (tx) => {
        await tx
          .table('clippings')
          .toCollection()
          .modify((c: { note: string }) => {
            c.note = 'backfilled';
          });
      },
    };
    const newDb = openTestArchive({ indexedDB: idb, name: 'left-open', migrations: [...MIGRATIONS, next] });
    expect((await newDb.clippings.get(first.id))?.note).toBe('backfilled');

    // The old connection refuses to write, with a coded error, and stays refusing when reopened.
    const late = await saveArticle(oldDb, makeArticle({ title: '旧连接写的' }), 2_000).catch(
      (e: unknown) => e,
    );
    expect(late).toBeInstanceOf(Error);
    const reopened = openTestArchive({ indexedDB: idb, name: 'left-open' });
    const again = await saveArticle(reopened, makeArticle({ title: '旧代码重开' }), 3_000).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(ArchiveError);
    expect((again as ArchiveError).code).toBe('outdated');
    expect((await newDb.clippings.toArray()).map((c) => [c.title, c.note])).toEqual([
      ['升级前', 'backfilled'],
    ]);
    newDb.close();
  });
});

describe('schema version 3', () => {
  it('opens a version-2 archive and lists its clippings by last change', async () => {
    const idb = new IDBFactory();
    const v2db = openTestArchive({ indexedDB: idb, name: 'v2', migrations: MIGRATIONS.slice(0, 2) });
    // Written as version 2 wrote it (today's save also writes tables version 2 did not have).
    const saved = { id: 'v2-clipping' };
    await v2db.clippings.put({
      ...makeArticle({ title: '第二版存的剪报' }),
      ...saved,
      savedAt: 7_000,
      updatedAt: 7_000,
      tags: [],
      note: '',
    });
    v2db.close();
    const v3db = openTestArchive({ indexedDB: idb, name: 'v2' });
    expect((await v3db.clippings.get(saved.id))?.title).toBe('第二版存的剪报');
    expect(await v3db.clippings.where('updatedAt').aboveOrEqual(7_000).primaryKeys()).toEqual([saved.id]);
    expect(v3db.verno).toBe(MIGRATIONS.at(-1)!.version);
    v3db.close();
  });
});

describe('schema version 6', () => {
  it('opens a database version 5 wrote: every clipping intact, lookup rows back-filled, band table gone', async () => {
    const dump = JSON.parse(readFileSync(new URL('./fixtures/archive-v5.json', import.meta.url), 'utf8')) as {
      version: number;
      stores: Record<string, StoreDump>;
    };
    const idb = new IDBFactory();
    await restoreDump(idb, 'v5', dump);
    const db = openTestArchive({ indexedDB: idb, name: 'v5' });
    const old = dump.stores.clippings!.rows as unknown as Clipping[];
    expect(await db.clippings.toArray()).toEqual(old);
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(await listClippingIds(db)).toEqual(
      [...old].sort((a, b) => b.savedAt - a.savedAt).map((c) => c.id),
    );
    expect(db.backendDB().objectStoreNames.contains('bands')).toBe(false);
    const [original, mirror] = [...old]
      .filter((c) => c.id !== 'imported-1')
      .sort((a, b) => a.savedAt - b.savedAt);
    // Reprints and the person view come from the back-filled rows alone.
    expect((await listAlsoPublished(db, original!.id)).map((r) => [r.id, r.siteName])).toEqual([
      [mirror!.id, '鏡像新聞網'],
    ]);
    expect((await listAppearances(db, '王东峰')).map((a) => [a.title, a.name, a.roles])).toEqual([
      ['示例省召开防汛抗旱工作会议', '王东峰', ['省委书记', '省人大常委会主任']],
      ['示例省召開防汛抗旱工作會議', '王東峰', ['省委書記']],
    ]);
    expect(await listPeople(db)).toEqual([
      { key: '王东峰', count: 2 },
      { key: '许勤', count: 1 },
      { key: '袁桐利', count: 1 },
    ]);
    // Search rows, single and packed, and tags survive.
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '农业农村').ids).toEqual(['imported-1']);
    expect(await listTags(db.clippings)).toEqual(['会议', '农业', '防汛']);
    // The next save of the mirror's story finds both copies through the new index.
    const again = await saveArticle(
      db,
      makeArticle({ url: 'https://third.example/c.html', blocks: original!.blocks }),
      9_000,
    );
    expect((await listAlsoPublished(db, again.id)).map((r) => r.id).sort()).toEqual(
      [original!.id, mirror!.id].sort(),
    );
    db.close();
  });
});

describe('schema version 7', () => {
  it('opens a database version 6 wrote: every clipping intact, fingerprints packed, band index gone', async () => {
    const dump = JSON.parse(readFileSync(new URL('./fixtures/archive-v6.json', import.meta.url), 'utf8')) as {
      version: number;
      stores: Record<string, StoreDump>;
    };
    const idb = new IDBFactory();
    await restoreDump(idb, 'v6', dump);
    const db = openTestArchive({ indexedDB: idb, name: 'v6' });
    const old = dump.stores.clippings!.rows as unknown as Clipping[];
    expect(await db.clippings.toArray()).toEqual(old);
    expect(db.verno).toBe(7);
    const fingerprints = db.backendDB().transaction('fingerprints').objectStore('fingerprints');
    expect([...fingerprints.indexNames]).toEqual(['people']);
    const rows = await db.fingerprints.toArray();
    expect(rows.every((r) => !('bands' in r))).toBe(true);
    // Every clipping's fingerprint is packed exactly once: the low byte of each of its row's minima.
    const packs = await db.minhashes.toArray();
    expect(packs.flatMap((p) => p.ids).sort()).toEqual(old.map((c) => c.id).sort());
    for (const pack of packs)
      pack.ids.forEach((id, i) =>
        expect(Array.from(pack.minhash.subarray(i * 64, i * 64 + 64))).toEqual(
          rows.find((r) => r.id === id)!.minhash.map((m) => m & 0xff),
        ),
      );
    const copies = old.filter((c) => c.title.includes('防汛')).sort((a, b) => a.savedAt - b.savedAt);
    expect(copies).toHaveLength(3);
    const [original, ...others] = copies;
    expect((await listAlsoPublished(db, original!.id)).map((r) => r.id).sort()).toEqual(
      others.map((c) => c.id).sort(),
    );
    expect(await listPeople(db)).toEqual([
      { key: '王东峰', count: 3 },
      { key: '许勤', count: 2 },
      { key: '袁桐利', count: 2 },
    ]);
    // Saves and deletes after the upgrade keep the packs in step.
    const again = await saveArticle(
      db,
      makeArticle({ url: 'https://fourth.example/d.html', blocks: original!.blocks }),
      9_500,
    );
    expect((await listAlsoPublished(db, again.id)).map((r) => r.id).sort()).toEqual(
      copies.map((c) => c.id).sort(),
    );
    await deleteClippings(db, [original!.id]);
    expect((await listAlsoPublished(db, again.id)).map((r) => r.id).sort()).toEqual(
      others.map((c) => c.id).sort(),
    );
    db.close();
  });
});
