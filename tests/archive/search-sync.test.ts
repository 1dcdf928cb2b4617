import { describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  deleteClippings,
  latestChange,
  readSearchWatch,
  saveArticle,
  searchArchive,
  syncSearchIndex,
} from '../../lib/archive/index';
import { importClippingsText } from '../../lib/export/index';
import { makeArticle, openTestArchive } from './helpers';

/** An export file of one clipping, as an import brings it. */
function importedFile(): string {
  const clipping = {
    ...makeArticle({ title: '导入的剪报' }),
    id: 'imported',
    savedAt: 5_000,
    updatedAt: 5_000,
  };
  const exportedAt = new Date(0).toISOString();
  return JSON.stringify({
    format: 'baozhai-clippings',
    version: 1,
    exportedAt,
    clippings: [{ ...clipping, tags: [], note: '' }],
  });
}

describe('syncSearchIndex', () => {
  it('follows saves, re-saves with new text and deletes made elsewhere, and asks for a rebuild after an import', async () => {
    const db = openTestArchive();
    const kept = await saveArticle(db, makeArticle({ title: '水利工程开工' }), 1_000);
    const gone = await saveArticle(db, makeArticle({ title: '防汛会议召开' }), 2_000);
    let watch = await readSearchWatch(db, undefined);
    let since = latestChange(watch);
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '水利').ids).toEqual([kept.id]);

    // Another page saves a new clipping, re-saves one with new text, and deletes one.
    const added = await saveArticle(db, makeArticle({ title: '乡村振兴推进会' }), 3_000);
    const first = await db.clippings.get(kept.id);
    await saveArticle(
      db,
      { ...makeArticle({ title: '水利工程竣工验收' }), url: first!.url, canonicalUrl: first!.canonicalUrl },
      4_000,
    );
    await deleteClippings(db, [gone.id]);

    const next = await readSearchWatch(db, since);
    expect(await syncSearchIndex(db, index, watch, next)).toBe(true);
    watch = next;
    since = latestChange(next, since);
    expect(searchArchive(index, '鄉村振興').ids).toEqual([added.id]);
    expect(searchArchive(index, '竣工').ids).toEqual([kept.id]);
    expect(searchArchive(index, '防汛').ids).toEqual([]);
    expect(searchArchive(index, '开工').ids).toEqual([]);

    // An import packs its rows: the page must build its index afresh.
    const file = importedFile();
    expect((await importClippingsText(db, file)).ok).toBe(true);
    expect(await syncSearchIndex(db, index, watch, await readSearchWatch(db, since))).toBe(false);
  });

  it('does not rebuild for each save when the newest clipping came from an import (its row is packed)', async () => {
    const db = openTestArchive();
    const file = importedFile();
    expect((await importClippingsText(db, file)).ok).toBe(true);
    const watch = await readSearchWatch(db, undefined);
    const index = await createSearchIndex(db);
    const saved = await saveArticle(db, makeArticle({ title: '新存的剪报' }), 6_000);
    const next = await readSearchWatch(db, latestChange(watch));
    expect(await syncSearchIndex(db, index, watch, next)).toBe(true);
    expect(searchArchive(index, '新存').ids).toEqual([saved.id]);
    expect(searchArchive(index, '导入').ids).toEqual(['imported']);
  });
});
