import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import {
  ArchiveError,
  deleteClippings,
  findSaved,
  listClippingIds,
  listNewest,
  requestPersistence,
  restoreClippings,
  saveArticle,
  updateClipping,
} from '../../lib/archive/index';
import { mergeClippings } from '../../lib/export/import';
import { makeArticle, openTestArchive } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('saveArticle', () => {
  it('creates a clipping with the article fields, id, times, empty tags and note', async () => {
    const db = openTestArchive();
    const article = makeArticle();
    const { id, created } = await saveArticle(db, article, 5_000);
    expect(created).toBe(true);
    expect(await db.clippings.get(id)).toEqual({
      ...article,
      id,
      savedAt: 5_000,
      updatedAt: 5_000,
      tags: [],
      note: '',
    });
    expect((await db.searchIndex.get(id))?.folded).toContain('示例市推进老旧小区改造');
  });

  it('updates the one clipping of the same URL, or of the same content hash on the same site', async () => {
    const db = openTestArchive();
    const first = makeArticle({ contentHash: 'aaaaaaaaaaaaaaaa' });
    const { id } = await saveArticle(db, first, 1_000);
    await updateClipping(db, id, { tags: ['住房'], note: '回头细读' }, 1_500);

    const sameUrl = { ...first, title: '标题改了', contentHash: 'bbbbbbbbbbbbbbbb' };
    expect(await saveArticle(db, sameUrl, 2_000)).toEqual({ id, created: false });
    const sameSite = { ...sameUrl, url: 'https://news.example.gov.cn/copy.html', canonicalUrl: '' };
    expect(await saveArticle(db, sameSite, 3_000)).toEqual({ id, created: false });
    // Another site's copy of the same text is that site's page: it never touches this clipping.
    const mirror = { ...sameUrl, url: 'https://mirror.example.com/x', canonicalUrl: first.url };
    expect(await saveArticle(db, mirror, 4_000)).toMatchObject({ created: true });

    expect(await db.clippings.count()).toBe(2);
    const stored = await db.clippings.get(id);
    expect(stored).toMatchObject({
      url: first.url,
      title: '标题改了',
      savedAt: 1_000,
      updatedAt: 3_000,
      tags: ['住房'],
      note: '回头细读',
    });
    expect(await db.searchIndex.count()).toBe(2);
  });

  it('never lets a canonical link claim another page: the claim is recorded, identity is the URL', async () => {
    const db = openTestArchive();
    const victim = makeArticle({ title: '读者收藏的文章' });
    const { id } = await saveArticle(db, victim, 1_000);
    await updateClipping(db, id, { tags: ['重要'] }, 1_100);
    // Pages on the same and on another site naming the victim as canonical; the other site's also
    // copies its text (same content hash).
    const claims = [
      makeArticle({ url: 'https://www.example.gov.cn/other.html', canonicalUrl: victim.url, title: '冒名' }),
      makeArticle({
        url: 'https://www.hostile.gov.cn/p.html',
        canonicalUrl: victim.url,
        title: '冒名',
        contentHash: victim.contentHash,
      }),
    ];
    for (const claim of claims) expect(await saveArticle(db, claim, 2_000)).toMatchObject({ created: true });
    expect(await db.clippings.get(id)).toMatchObject({
      title: '读者收藏的文章',
      url: victim.url,
      tags: ['重要'],
    });
    const hostile = await db.clippings.where('url').equals('https://www.hostile.gov.cn/p.html').first();
    expect(hostile).toMatchObject({ canonicalUrl: victim.url, title: '冒名' });
  });

  it('keeps one clipping for a page that reloads itself with other text and another #fragment', async () => {
    const db = openTestArchive();
    const base = 'https://www.example.gov.cn/live.html';
    for (let i = 0; i < 10; i++) {
      const page = makeArticle({
        url: `${base}#t=${i}`,
        canonicalUrl: `${base}#t=${i}`,
        body: [`第${i}次加载的正文，内容略有不同。`],
      });
      await saveArticle(db, page, 1_000 + i);
    }
    expect(await db.clippings.count()).toBe(1);
    expect((await db.clippings.toArray())[0]).toMatchObject({ url: base, updatedAt: 1_009 });
    // A fragment route of a single-page site names a different page.
    await saveArticle(db, makeArticle({ url: 'https://spa.example.gov.cn/#/a/1' }), 2_000);
    await saveArticle(db, makeArticle({ url: 'https://spa.example.gov.cn/#/a/2' }), 2_001);
    expect(await db.clippings.count()).toBe(3);
  });

  it("marks a page saved on the reader's word, and drops the mark when it is saved again as an article", async () => {
    const db = openTestArchive();
    const portal = makeArticle({ detection: { isArticle: false, isGovNews: false, score: 0, reasons: [] } });
    const { id } = await saveArticle(db, portal, 1_000, { asPage: true });
    expect((await db.clippings.get(id))?.asPage).toBe(true);
    await saveArticle(db, { ...portal, detection: { ...portal.detection, isArticle: true } }, 2_000);
    expect(await db.clippings.get(id)).not.toHaveProperty('asPage');
  });

  it('leaves no duplicate and loses nothing under 20 concurrent saves of same and different articles', async () => {
    const db = openTestArchive();
    const distinct = Array.from({ length: 5 }, (_, i) => makeArticle({ title: `文章${i}` }));
    const saves = Array.from({ length: 20 }, (_, i) => saveArticle(db, distinct[i % 5]!, 10_000 + i));
    const results = await Promise.all(saves);
    expect(await db.clippings.count()).toBe(5);
    expect(await db.searchIndex.count()).toBe(5);
    expect(results.filter((r) => r.created)).toHaveLength(5);
    expect(new Set(results.map((r) => r.id)).size).toBe(5);
    const titles = (await db.clippings.toArray()).map((c) => c.title).sort();
    expect(titles).toEqual(['文章0', '文章1', '文章2', '文章3', '文章4']);
  });

  it('reports a quota error clearly and writes nothing, not even the first of its two rows', async () => {
    const db = openTestArchive();
    const kept = await saveArticle(db, makeArticle({ title: '已保存' }), 1_000);
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'searchIndex')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const error = await saveArticle(db, makeArticle({ title: '存不下' }), 2_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('quota');
    expect((error as ArchiveError).message).toMatch(/out of storage space.*nothing was changed/);
    vi.restoreAllMocks();
    expect(await db.clippings.toCollection().primaryKeys()).toEqual([kept.id]);
    expect(await db.searchIndex.count()).toBe(1);
  });
});

describe('site-root canonical links', () => {
  it('does not merge different articles whose canonical link is the home page', async () => {
    const db = openTestArchive();
    const a = makeArticle({ canonicalUrl: 'https://www.example.gov.cn/', title: '甲' });
    const b = makeArticle({ canonicalUrl: 'https://www.example.gov.cn/', title: '乙' });
    const first = await saveArticle(db, a, 1);
    const second = await saveArticle(db, b, 2);
    expect(second.created).toBe(true);
    expect(second.id).not.toBe(first.id);
    expect(await saveArticle(db, a, 3)).toEqual({ id: first.id, created: false });
  });
});

describe('findSaved', () => {
  it('answers yes or no for one URL only: never by canonical link or content hash', async () => {
    const db = openTestArchive();
    const article = makeArticle({
      url: 'https://www.example.gov.cn/a.html?from=rss',
      canonicalUrl: 'https://www.example.gov.cn/a.html',
    });
    await saveArticle(db, article);
    expect(await findSaved(db, article.url)).toBe(true);
    expect(await findSaved(db, `${article.url}#top`)).toBe(true);
    expect(await findSaved(db, article.canonicalUrl)).toBe(false);
    expect(await findSaved(db, 'https://www.example.gov.cn/b.html')).toBe(false);
    expect(await findSaved(db, '')).toBe(false);
  });
});

describe('editing and deleting', () => {
  it('normalises tags, bounds the note and refuses unknown ids', async () => {
    const db = openTestArchive();
    const { id } = await saveArticle(db, makeArticle(), 1);
    const updated = await updateClipping(
      db,
      id,
      { tags: [' 住房 ', '住房', '', '城建  规划'], note: '笔记' },
      2,
    );
    expect(updated.tags).toEqual(['住房', '城建 规划']);
    expect(updated.updatedAt).toBe(2);
    await expect(updateClipping(db, id, { note: 'x'.repeat(20_001) })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(updateClipping(db, 'nope', { note: '' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes clippings with their index rows and restores them exactly on undo', async () => {
    const db = openTestArchive();
    const a = await saveArticle(db, makeArticle({ title: '甲' }), 1);
    const b = await saveArticle(db, makeArticle({ title: '乙' }), 2);
    const before = await db.clippings.toArray();
    const removed = await deleteClippings(db, [a.id, b.id]);
    expect(await db.clippings.count()).toBe(0);
    expect(await db.searchIndex.count()).toBe(0);
    await restoreClippings(db, removed);
    expect(await db.clippings.toArray()).toEqual(before);
    expect(await db.searchIndex.count()).toBe(2);
  });
});

describe('requestPersistence', () => {
  it('asks once, reports the answer and survives a missing or throwing StorageManager', async () => {
    let asked = 0;
    const storage = {
      persisted: async () => false,
      persist: async () => (++asked, true),
    } as unknown as StorageManager;
    expect(await requestPersistence(storage)).toBe(true);
    expect(asked).toBe(1);
    expect(await requestPersistence(undefined)).toBe(false);
    const broken = {
      persist: async () => {
        throw new Error('nope');
      },
    } as unknown as StorageManager;
    expect(await requestPersistence(broken)).toBe(false);
  });
});

describe('the kept listing order', () => {
  it('follows saves, re-saves, deletes, undo and imports exactly as the savedAt index orders them', async () => {
    const db = openTestArchive();
    const byIndex = async () => (await db.clippings.orderBy('savedAt').primaryKeys()).reverse();
    const a = await saveArticle(db, makeArticle(), 1_000);
    const b = await saveArticle(db, makeArticle(), 3_000);
    const page = makeArticle();
    const c = await saveArticle(db, page, 2_000);
    await saveArticle(db, page, 9_000);
    expect(await listClippingIds(db)).toEqual([b.id, c.id, a.id]);
    const removed = await deleteClippings(db, [c.id]);
    expect(await listClippingIds(db)).toEqual([b.id, a.id]);
    await restoreClippings(db, removed);
    await mergeClippings(db, [
      { ...makeArticle(), id: 'old', savedAt: 500, updatedAt: 500, tags: ['旧'], note: '' },
    ]);
    expect(await listClippingIds(db)).toEqual(await byIndex());
    expect(await listClippingIds(db, '旧')).toEqual(['old']);
    expect((await listNewest(db, 2)).total).toBe(4);
    // A database that never kept the order (written before it was) is read from the index.
    await db.meta.delete('order');
    expect(await listClippingIds(db)).toEqual([b.id, c.id, a.id, 'old']);
    db.close();
  });

  it('takes a first save into a short row, leaving the whole order as it was, and folds it in later', async () => {
    const db = openTestArchive();
    await mergeClippings(
      db,
      Array.from({ length: 3 }, (_, i) => ({
        ...makeArticle(),
        id: `old-${i}`,
        savedAt: 100 + i,
        updatedAt: 100 + i,
        tags: [],
        note: '',
      })),
    );
    const whole = (await db.meta.get('order'))?.value;
    const a = await saveArticle(db, makeArticle(), 1_000);
    const b = await saveArticle(db, makeArticle(), 2_000);
    // A clock set back: this save is older than the last one and still lands in its place.
    const c = await saveArticle(db, makeArticle(), 1_500);
    expect((await db.meta.get('order'))?.value).toEqual(whole);
    expect((await db.meta.get('order-recent'))?.value).toEqual({
      ids: [b.id, c.id, a.id],
      savedAts: [2_000, 1_500, 1_000],
    });
    expect(await listClippingIds(db)).toEqual([b.id, c.id, a.id, 'old-2', 'old-1', 'old-0']);
    expect((await listNewest(db, 2)).total).toBe(6);
    await deleteClippings(db, [c.id, 'old-1']);
    expect(await listClippingIds(db)).toEqual([b.id, a.id, 'old-2', 'old-0']);
    expect((await db.meta.get('order-recent'))?.value).toEqual({ ids: [], savedAts: [] });
    db.close();
  });
});
