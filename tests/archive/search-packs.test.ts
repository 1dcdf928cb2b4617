import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
  createSearchIndex,
  deleteClippings,
  listSearchRows,
  packSearchRows,
  restoreClippings,
  saveArticle,
  searchArchive,
  unpackSearchRows,
  type Clipping,
} from '../../lib/archive/index';
import { MIGRATIONS } from '../../lib/archive/migrations/index';
import { v1 } from '../../lib/archive/migrations/v1-from-draft';
import { buildSearchRow } from '../../lib/archive/tables/search-index';
import { exportClippingsText, importClippingsText } from '../../lib/export/index';
import { makeArticle, openTestArchive } from './helpers';

function makeClipping(i: number, title: string, body: string): Clipping {
  return {
    ...makeArticle({ title, body: [body] }),
    id: `c-${i}`,
    savedAt: 1_000 + i,
    updatedAt: 1_000 + i,
    tags: [],
    note: '',
  };
}

function fileOf(clippings: Clipping[]): string {
  return JSON.stringify({
    format: 'baozhai-clippings',
    version: 1,
    exportedAt: '1970-01-01T00:00:00.000Z',
    clippings,
  });
}

async function importedArchive() {
  const db = openTestArchive();
  const clippings = [
    makeClipping(1, '乡村振兴工作会议', '会议部署春耕生产。'),
    makeClipping(2, '職業教育座談會', '與會者討論產教融合。'),
    makeClipping(3, '防汛演练举行', '演练检验了应急预案。'),
  ];
  const result = await importClippingsText(db, fileOf(clippings));
  expect(result.ok).toBe(true);
  return db;
}

describe('packed search rows', () => {
  it('pack and unpack give back the rows, text boundaries included', () => {
    const rows = [
      { id: 'a', savedAt: 3, folded: '发展' },
      { id: 'b', savedAt: 2, folded: '' },
      { id: 'c', savedAt: 1, folded: '职业教育\n产教融合' },
    ];
    const packs = packSearchRows(rows, 2);
    expect(packs.map((p) => p.ids)).toEqual([['a', 'b'], ['c']]);
    expect(packs.flatMap(unpackSearchRows)).toEqual(rows);
  });

  it('an import writes packs, and search finds packed clippings in either script', async () => {
    const db = await importedArchive();
    expect(await db.searchIndex.count()).toBe(0);
    expect(await db.searchPacks.count()).toBe(1);
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '职业教育').ids).toEqual(['c-2']);
    expect(searchArchive(index, '鄉村振興').ids).toEqual(['c-1']);
    expect(searchArchive(index, '').ids).toEqual(['c-3', 'c-2', 'c-1']);
  });

  it('finds the same clippings before and after the signatures are built', async () => {
    const db = await importedArchive();
    const index = await createSearchIndex(db);
    expect(index.entries.some((e) => e.sig === undefined)).toBe(true);
    const before = ['教育', '演练 预案', '不存在'].map((q) => searchArchive(index, q).ids);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(index.entries.every((e) => e.sig !== undefined)).toBe(true);
    expect(['教育', '演练 预案', '不存在'].map((q) => searchArchive(index, q).ids)).toEqual(before);
    expect(before).toEqual([['c-2'], ['c-3'], []]);
  });

  it('deleting a packed clipping drops it from search, and undo brings it back', async () => {
    const db = await importedArchive();
    const removed = await deleteClippings(db, ['c-2']);
    expect(removed.rows.map((r) => r.id)).toEqual(['c-2']);
    expect(searchArchive(await createSearchIndex(db), '教育').ids).toEqual([]);
    expect((await listSearchRows(db)).map((r) => r.id)).toEqual(['c-3', 'c-1']);
    await restoreClippings(db, removed);
    expect(searchArchive(await createSearchIndex(db), '教育').ids).toEqual(['c-2']);
  });

  it('deleting every clipping of a pack removes the pack', async () => {
    const db = await importedArchive();
    await deleteClippings(db, ['c-1', 'c-2', 'c-3']);
    expect(await db.searchPacks.count()).toBe(0);
    expect(await listSearchRows(db)).toEqual([]);
  });

  it('saving a page again replaces its packed search text', async () => {
    const db = await importedArchive();
    const stored = (await db.clippings.get('c-3'))!;
    const { id, savedAt, updatedAt, tags, note, ...article } = stored;
    void [savedAt, updatedAt, tags, note];
    await saveArticle(db, { ...article, blocks: [{ type: 'p', text: '演练改在汛期前举行。' }] }, 9_000);
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '应急预案').ids).toEqual([]);
    expect(searchArchive(index, '汛期').ids).toEqual([id]);
    expect((await listSearchRows(db)).filter((r) => r.id === id)).toHaveLength(1);
  });

  it('export after import is unchanged by where the search rows live', async () => {
    const db = await importedArchive();
    const text = await exportClippingsText(db, { now: 0 });
    const again = openTestArchive();
    await importClippingsText(again, text);
    expect(await exportClippingsText(again, { now: 0 })).toBe(text);
  });

  it('a database written by schema version 1 opens under the current schema with every record intact', async () => {
    const idb = new IDBFactory();
    const old = openTestArchive({ indexedDB: idb, name: 'v1-archive', migrations: [v1] });
    // Written as version 1 wrote them (today's save also writes tables version 1 did not have).
    const a = { id: 'v1-a' };
    const b = { id: 'v1-b' };
    const written = [
      {
        ...makeArticle({ title: '第一版的剪报' }),
        ...a,
        savedAt: 1_000,
        updatedAt: 1_000,
        tags: [],
        note: '',
      },
      {
        ...makeArticle({ title: '第一版的第二篇', script: 'hant', body: ['臺北舉行論壇。'] }),
        ...b,
        savedAt: 2_000,
        updatedAt: 2_000,
        tags: [],
        note: '',
      },
    ];
    await old.clippings.bulkPut(written);
    await old.searchIndex.bulkPut(written.map((c) => buildSearchRow(c, old.fold)));
    const before = await old.clippings.toArray();
    const rowsBefore = await old.searchIndex.toArray();
    old.close();
    const db = openTestArchive({ indexedDB: idb, name: 'v1-archive' });
    expect(await db.clippings.toArray()).toEqual(before);
    expect(await db.searchIndex.toArray()).toEqual(rowsBefore);
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(searchArchive(await createSearchIndex(db), '台北').ids).toEqual([b.id]);
    expect((await listSearchRows(db)).map((r) => r.id)).toEqual([b.id, a.id]);
    db.close();
  });
});
