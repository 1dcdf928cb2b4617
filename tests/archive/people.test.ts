import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/archive/fold';
import {
  deleteClippings,
  listAppearances,
  listFilteredIds,
  listPeople,
  getSummaries,
  restoreClippings,
  retagClippings,
  saveArticle,
  updateClipping,
} from '../../lib/archive/index';
import { mergeClippings } from '../../lib/export/import';
import { MIGRATIONS } from '../../lib/archive/migrations/index';
import { buildFingerprintRow, type FingerprintRow } from '../../lib/archive/tables/fingerprints';
import { buildSearchRow } from '../../lib/archive/tables/search-index';
import type { Clipping } from '../../lib/archive/types';
import type { Person } from '../../lib/article/record';
import { makeArticle, openTestArchive } from './helpers';

const named = (people: Person[], publishedAt: string, body: string) =>
  makeArticle({ people, publishedAt, body: [body] });

describe('the people facet and the person view', () => {
  it('counts a person once in either script, filters by them, and lists their appearances by date', async () => {
    const db = openTestArchive();
    const a = await saveArticle(
      db,
      named(
        [{ name: '王东峰', roles: ['省委书记', '省人大常委会主任'], mentions: 3 }],
        '2026-03-02T09:00:00+08:00',
        '甲',
      ),
      1_000,
    );
    const b = await saveArticle(
      db,
      named(
        [
          { name: '王東峰', roles: ['省委書記'], mentions: 1 },
          { name: '許勤', roles: ['省長'], mentions: 1 },
        ],
        '2025-12-30T09:00:00+08:00',
        '乙',
      ),
      2_000,
    );
    await saveArticle(db, named([{ name: '许勤', roles: [], mentions: 1 }], '', '丙'), 3_000);
    expect(await listPeople(db)).toEqual([
      { key: '王东峰', count: 2 },
      { key: '许勤', count: 2 },
    ]);
    const appearances = await listAppearances(db, '王东峰');
    expect(appearances.map((x) => [x.id, x.name, x.roles])).toEqual([
      [b.id, '王東峰', ['省委書記']],
      [a.id, '王东峰', ['省委书记', '省人大常委会主任']],
    ]);
    await retagClippings(db, [a.id], { add: ['会议'] });
    expect(await listFilteredIds(db, { tag: '', person: '王东峰' })).toEqual([b.id, a.id]);
    expect(await listFilteredIds(db, { tag: '会议', person: '王东峰' })).toEqual([a.id]);
    await deleteClippings(db, [b.id]);
    expect(await listPeople(db)).toEqual([
      { key: '王东峰', count: 1 },
      { key: '许勤', count: 1 },
    ]);
    db.close();
  });

  it('keeps the counts and the summaries in step with re-saves, tags, deletes, undo and imports', async () => {
    const db = openTestArchive();
    const page = named([{ name: '王东峰', roles: ['省委书记'], mentions: 1 }], '2026-03-02', '甲');
    const a = await saveArticle(db, page, 1_000);
    // Saved again with other people: the old name leaves the facet.
    await saveArticle(db, { ...page, people: [{ name: '许勤', roles: ['省长'], mentions: 1 }] }, 2_000);
    expect(await listPeople(db)).toEqual([{ key: '许勤', count: 1 }]);
    await updateClipping(db, a.id, { tags: ['会议'] });
    expect((await getSummaries(db, [a.id]))[0]?.tags).toEqual(['会议']);
    await retagClippings(db, [a.id], { add: ['防汛'], remove: ['会议'] });
    expect((await getSummaries(db, [a.id]))[0]?.tags).toEqual(['防汛']);
    const removed = await deleteClippings(db, [a.id]);
    expect(await listPeople(db)).toEqual([]);
    await restoreClippings(db, removed);
    expect(await listPeople(db)).toEqual([{ key: '许勤', count: 1 }]);
    const imported = {
      ...named([{ name: '許勤', roles: [], mentions: 1 }], '', '乙'),
      id: 'x',
      savedAt: 5,
      updatedAt: 5,
      tags: [],
      note: '',
    };
    await mergeClippings(db, [imported]);
    await mergeClippings(db, [{ ...imported, people: [], updatedAt: 6 }]);
    expect(await listPeople(db)).toEqual([{ key: '许勤', count: 1 }]);
    expect((await getSummaries(db, ['x', a.id])).map((r) => [r.id, r.title, r.tags])).toEqual([
      ['x', imported.title, []],
      [a.id, page.title, ['防汛']],
    ]);
    db.close();
  });
});

describe('archive migration to version 5', () => {
  it('opens a version 4 database with every clipping intact and its people indexed', async () => {
    const idb = new IDBFactory();
    const v4 = openTestArchive({ indexedDB: idb, name: 'v4', migrations: MIGRATIONS.slice(0, 4) });
    const saved = [
      named([{ name: '王東峰', roles: ['省委書記'], mentions: 1 }], '2026-01-01', '甲'),
      named([], '2026-01-02', '乙'),
    ].map((article, i): Clipping => ({
      ...article,
      id: `v4-${i}`,
      savedAt: i,
      updatedAt: i,
      tags: [],
      note: '',
    }));
    // Written as version 4 wrote them: fingerprint rows of id and minhash only.
    await v4.clippings.bulkPut(saved);
    await v4.searchIndex.bulkPut(saved.map((c) => buildSearchRow(c, foldText)));
    await v4.fingerprints.bulkPut(
      saved.map((c) => ({ id: c.id, minhash: buildFingerprintRow(c, foldText).minhash }) as FingerprintRow),
    );
    v4.close();

    const v5 = openTestArchive({ indexedDB: idb, name: 'v4' });
    expect(v5.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(await v5.clippings.orderBy('savedAt').toArray()).toEqual(saved);
    expect(await listPeople(v5)).toEqual([{ key: '王东峰', count: 1 }]);
    expect((await v5.fingerprints.get('v4-1'))?.people).toEqual([]);
    v5.close();
  });
});
