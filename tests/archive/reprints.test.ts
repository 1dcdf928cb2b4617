import { IDBFactory } from 'fake-indexeddb';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../lib/article/record';
import { foldText } from '../../lib/archive/fold';
import { fingerprintText, SAME_STORY, similarity } from '../../lib/archive/fingerprint';
import {
  deleteClippings,
  listAlsoPublished,
  listSavedSites,
  listStoryCopies,
  restoreClippings,
  saveArticle,
  type PackCache,
} from '../../lib/archive/index';
import { MIGRATIONS } from '../../lib/archive/migrations/index';
import { mergeClippings } from '../../lib/export/import';
import { buildSearchRow } from '../../lib/archive/tables/search-index';
import type { Clipping } from '../../lib/archive/types';
import { hasShared, sharedDir } from '../extract/shared';
import { scoreAt, scoreReprintPairs } from '../eval/reprints';
import { makeArticle, openTestArchive } from './helpers';

// An invented story, and the same story as a traditional-script mirror prints it.
const STORY = [
  '3月2日，示例省召开全省防汛抗旱工作会议，总结去年工作，部署今年重点任务。',
  '会议指出，要坚持人民至上、生命至上，立足防大汛、抗大旱、抢大险，压紧压实各级责任。',
  '会议强调，各地要加快水毁工程修复，完善监测预警体系，做好抢险队伍和物资储备。',
  '会议要求，进入汛期后实行二十四小时值班制度，确保信息畅通、指挥高效、处置有力。',
];
const MIRROR = [
  '當前位置：首頁 > 要聞',
  '3月2日，示例省召開全省防汛抗旱工作會議，總結去年工作，部署今年重點任務。',
  '會議指出，要堅持人民至上、生命至上，立足防大汛、抗大旱、搶大險，壓緊壓實各級責任。',
  '會議強調(qiáng)，各地要加快水毀工程修復(fù)，完善監測預警體系，做好搶險隊伍和物資儲備。',
  '會議要求，進入汛期後實行二十四小時值班制度，確保信息暢通、指揮高效、處置有力。',
  '排行榜 一天 一周 一月',
];
const OTHER = [
  '3月2日，示例省召开全省春季植树造林工作会议，部署国土绿化重点任务。',
  '会议指出，要科学开展国土绿化，因地制宜选择树种，提高造林成活率。',
  '会议强调，各地要压紧压实各级责任，加强林草资源保护，严防森林火灾。',
];

describe('fingerprints', () => {
  it('put a mirror in the other script, with pinyin and boilerplate, near its original', () => {
    const original = fingerprintText(STORY.join('\n'), foldText);
    expect(similarity(original, fingerprintText(MIRROR.join('\n'), foldText))).toBeGreaterThanOrEqual(
      SAME_STORY,
    );
    expect(similarity(original, fingerprintText(OTHER.join('\n'), foldText))).toBeLessThan(SAME_STORY);
    expect(similarity(original, original)).toBe(1);
  });

  it('take well under 5 ms for a 5,000-character article', () => {
    const text = Array.from({ length: 40 }, (_, i) => STORY[i % STORY.length])
      .join('\n')
      .slice(0, 5_000);
    fingerprintText(text, foldText);
    const times = Array.from({ length: 21 }, () => {
      const start = performance.now();
      fingerprintText(text, foldText);
      return performance.now() - start;
    }).sort((x, y) => x - y);
    expect(times[10]).toBeLessThan(5);
  });
});

const article = (url: string, siteName: string, publishedAt: string, body: string[]): Article =>
  makeArticle({ url, canonicalUrl: url, siteName, publishedAt, body });

describe('the same story saved from another site', () => {
  it('is linked both ways, the earliest published first; the same URL still updates one clipping', async () => {
    const db = openTestArchive();
    const original = await saveArticle(
      db,
      article('https://www.hebnews.example/a.html', 'hebnews.cn', '2026-03-02T08:00:00+08:00', STORY),
      1_000,
    );
    const mirror = await saveArticle(
      db,
      article('https://mirror.example/b.html', 'mirror.example', '2026-03-02T12:00:00+08:00', MIRROR),
      2_000,
    );
    await saveArticle(
      db,
      article('https://www.hebnews.example/c.html', 'hebnews.cn', '2026-03-02T09:00:00+08:00', OTHER),
      3_000,
    );
    expect(mirror.created).toBe(true);
    expect((await listAlsoPublished(db, mirror.id)).map((r) => [r.id, r.siteName])).toEqual([
      [original.id, 'hebnews.cn'],
    ]);
    expect((await listAlsoPublished(db, original.id)).map((r) => r.id)).toEqual([mirror.id]);

    const again = await saveArticle(
      db,
      article('https://mirror.example/b.html', 'mirror.example', '2026-03-02T12:00:00+08:00', MIRROR),
      4_000,
    );
    expect(again).toEqual({ id: mirror.id, created: false });
    expect(await db.clippings.count()).toBe(3);
    expect(await db.fingerprints.count()).toBe(3);

    const removed = await deleteClippings(db, [original.id]);
    expect(await listAlsoPublished(db, mirror.id)).toEqual([]);
    await restoreClippings(db, removed);
    expect((await listAlsoPublished(db, mirror.id)).map((r) => r.id)).toEqual([original.id]);
    db.close();
  });
});

describe('the packed fingerprints the lookup scans', () => {
  it('stay in step with the fingerprint rows through import, save, re-save, delete and undo', async () => {
    const db = openTestArchive();
    // Every row's fingerprint is packed exactly once, as the low bytes of its minima.
    const expectInStep = async () => {
      const rows = await db.fingerprints.toArray();
      const packed = new Map<string, number[]>();
      for (const pack of await db.minhashes.toArray())
        pack.ids.forEach((id, i) => {
          expect(packed.has(id)).toBe(false);
          packed.set(id, Array.from(pack.minhash.subarray(i * 64, i * 64 + 64)));
        });
      expect([...packed.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
      for (const row of rows) expect(packed.get(row.id)).toEqual(row.minhash.map((m) => m & 0xff));
    };
    // 501 short clippings: one full pack of 500, one more in the pack that takes the next saves.
    const filler = Array.from({ length: 501 }, (_, i) => ({
      ...makeArticle({ body: [`第${i}号通知：${OTHER[i % OTHER.length]}`] }),
      id: `filler-${i}`,
      savedAt: 1_000 + i,
      updatedAt: 1_000 + i,
      tags: [],
      note: '',
    }));
    await mergeClippings(db, filler);
    expect((await db.minhashes.toArray()).map((p) => p.ids.length).sort()).toEqual([1, 500]);
    const original = await saveArticle(
      db,
      article('https://www.example.gov.cn/a.html', '示例省人民政府', '2026-03-02T09:00:00+08:00', STORY),
      5_000,
    );
    const mirror = await saveArticle(
      db,
      article('https://mirror.example/b.html', '鏡像新聞網', '2026-03-03T09:00:00+08:00', MIRROR),
      6_000,
    );
    expect((await db.minhashes.toArray()).map((p) => p.ids.length).sort()).toEqual([3, 500]);
    await expectInStep();
    expect((await listAlsoPublished(db, original.id)).map((r) => r.id)).toEqual([mirror.id]);
    // The mirror's page now carries another story: its packed fingerprint is replaced in place.
    await saveArticle(
      db,
      article('https://mirror.example/b.html', '鏡像新聞網', '2026-03-03T09:00:00+08:00', OTHER),
      7_000,
    );
    await expectInStep();
    expect(await listAlsoPublished(db, original.id)).toEqual([]);
    const removed = await deleteClippings(db, [original.id, 'filler-3']);
    await expectInStep();
    await restoreClippings(db, removed);
    await expectInStep();
    expect((await db.minhashes.toArray()).map((p) => p.ids.length).sort()).toEqual([4, 499]);
  });
});

describe('the packs kept between lookups (the worker)', () => {
  it('answer as a fresh read does, through changes made by this or another connection', async () => {
    const indexedDB = new IDBFactory();
    const worker = openTestArchive({ indexedDB, name: 'kept-packs' });
    // Another page of the extension, writing through its own connection.
    const page = openTestArchive({ indexedDB, name: 'kept-packs' });
    const cache: PackCache = {};
    const kept = async (id: string) => (await listStoryCopies(worker, id, cache)).map((r) => r.id);
    const fresh = async (id: string) => (await listStoryCopies(worker, id)).map((r) => r.id);
    const original = await saveArticle(
      worker,
      article('https://www.example.gov.cn/a.html', '示例省人民政府', '2026-03-02T09:00:00+08:00', STORY),
      1_000,
    );
    expect(await kept(original.id)).toEqual([]);
    const packs = cache.packs;
    // Nothing changed: the packs are not read again.
    expect(await kept(original.id)).toEqual([]);
    expect(cache.packs).toBe(packs);
    const mirror = await saveArticle(
      page,
      article('https://mirror.example/b.html', '鏡像新聞網', '2026-03-03T09:00:00+08:00', MIRROR),
      2_000,
    );
    expect(await kept(original.id)).toEqual([original.id, mirror.id]);
    expect(cache.packs).not.toBe(packs);
    expect(
      await listSavedSites(worker, 'https://other.example/c.html', MIRROR.join('\n'), { cache }),
    ).toEqual(['example.gov.cn', 'mirror.example']);
    // The mirror's page now carries another story, then the original is deleted and restored.
    await saveArticle(
      page,
      article('https://mirror.example/b.html', '鏡像新聞網', '2026-03-03T09:00:00+08:00', OTHER),
      3_000,
    );
    expect(await kept(original.id)).toEqual(await fresh(original.id));
    expect(await kept(original.id)).toEqual([]);
    await saveArticle(
      page,
      article('https://mirror.example/b.html', '鏡像新聞網', '2026-03-03T09:00:00+08:00', MIRROR),
      4_000,
    );
    expect(await kept(mirror.id)).toEqual([original.id, mirror.id]);
    const removed = await deleteClippings(page, [original.id]);
    expect(await kept(mirror.id)).toEqual([]);
    await restoreClippings(page, removed);
    expect(await kept(mirror.id)).toEqual([original.id, mirror.id]);
    // An imported copy is found too.
    const imported = {
      ...(await page.clippings.get(original.id))!,
      id: 'imported',
      url: 'https://c.example/',
    };
    await mergeClippings(page, [imported]);
    expect(await kept(mirror.id)).toEqual(await fresh(mirror.id));
    expect(await kept(mirror.id)).toContain('imported');
    worker.close();
    page.close();
  });
});

describe('the sites a page is already saved from', () => {
  it('names the other sites of its story, never the page itself, and nothing for another story', async () => {
    const db = openTestArchive();
    const url = 'https://mirror.example/b.html';
    await saveArticle(db, article('https://www.hebnews.cn/a.html', '河北新闻网', '2026-03-02', STORY), 1_000);
    expect(await listSavedSites(db, url, MIRROR.join('\n'))).toEqual(['hebnews.cn']);
    expect(await listSavedSites(db, url, OTHER.join('\n'))).toEqual([]);
    expect(await listSavedSites(db, url, '  ')).toEqual([]);
    // Once the mirror itself is saved it still names the original, not itself.
    await saveArticle(db, article(url, 'mirror.example', '2026-03-02', MIRROR), 2_000);
    expect(await listSavedSites(db, url, MIRROR.join('\n'))).toEqual(['hebnews.cn']);
    expect(await listSavedSites(db, 'https://www.hebnews.cn/a.html', STORY.join('\n'))).toEqual([
      'mirror.example',
    ]);
    db.close();
  });
});

describe('archive migration to version 4', () => {
  it('opens a version 3 database with every clipping intact, back-filling people and fingerprints', async () => {
    const idb = new IDBFactory();
    const v2 = openTestArchive({ indexedDB: idb, name: 'v2', migrations: MIGRATIONS.slice(0, 3) });
    const bodies = [STORY, MIRROR, ['市委书记、市长杜明远出席会议并讲话。杜明远强调，要抓好落实。']];
    // Written as version 3 wrote them: clipping and search row, no people field, no fingerprint.
    const saved = bodies.map((body, i) => {
      const { people: _people, ...old } = article(`https://s${i}.example/a.html`, `s${i}`, '', body);
      return { ...old, id: `old-${i}`, savedAt: 1_000 + i, updatedAt: 1_000 + i, tags: [], note: '' };
    });
    await v2.clippings.bulkPut(saved as unknown as Clipping[]);
    await v2.searchIndex.bulkPut(saved.map((c) => buildSearchRow(c as unknown as Clipping, foldText)));
    v2.close();

    const v3 = openTestArchive({ indexedDB: idb, name: 'v2' });
    expect(v3.verno).toBe(MIGRATIONS.at(-1)!.version);
    const after = await v3.clippings.orderBy('savedAt').toArray();
    expect(after.map(({ people: _p, ...rest }) => rest)).toEqual(saved);
    expect(after.map((c) => c.people)).toEqual([
      [],
      [],
      [{ name: '杜明远', roles: ['市委书记', '市长'], mentions: 2 }],
    ]);
    expect(await v3.fingerprints.count()).toBe(3);
    expect(await v3.searchIndex.count()).toBe(3);
    expect((await listAlsoPublished(v3, after[0]!.id)).map((r) => r.id)).toEqual([after[1]!.id]);
    v3.close();
  });
});

describe.skipIf(!hasShared)('reprint pairs built from the corpus', () => {
  it('at the chosen threshold every same-story pair groups and no different pair does', async () => {
    const scores = await scoreReprintPairs(path.join(sharedDir, 'corpus'));
    expect(scores.filter((s) => s.same).length).toBeGreaterThanOrEqual(200);
    expect(scoreAt(scores, SAME_STORY)).toEqual({ precision: 1, recall: 1 });
  }, 120_000);
});
