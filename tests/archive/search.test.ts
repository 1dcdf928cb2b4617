import { describe, expect, it } from 'vitest';
import {
  buildSnippet,
  createSearchIndex,
  deleteClippings,
  foldText,
  removeSearchRows,
  saveArticle,
  searchArchive,
  upsertSearchRows,
} from '../../lib/archive/index';
import { makeArticle, openTestArchive } from './helpers';

async function seeded() {
  const db = openTestArchive();
  const trad = await saveArticle(
    db,
    makeArticle({
      title: '區域經濟發展座談會舉行',
      script: 'hant',
      body: ['與會者就產業發展與人才培養交換意見。', '會議由經濟局主持。'],
    }),
    1_000,
  );
  const simp = await saveArticle(
    db,
    makeArticle({ title: '乡村振兴推进会召开', body: ['会议强调要推动农业高质量发展。'] }),
    2_000,
  );
  const other = await saveArticle(
    db,
    makeArticle({ title: '图书馆延长开放时间', body: ['读者可在晚间借阅图书。'] }),
    3_000,
  );
  return { db, trad: trad.id, simp: simp.id, other: other.id };
}

describe('foldText', () => {
  it('folds traditional, Taiwan and Hong Kong forms to simplified and keeps the length', () => {
    const samples = ['發展經濟', '臺灣', '裏面', 'ＡＢＣ Def', '𠮷字'];
    for (const s of samples) expect(foldText(s)).toHaveLength(s.length);
    expect(foldText('發展經濟')).toBe('发展经济');
    expect(foldText('臺灣')).toBe(foldText('台湾'));
    expect(foldText('ＡＢＣ Def')).toBe('abc def');
  });
});

describe('searchArchive', () => {
  it('finds a traditional clipping with simplified characters and the reverse, newest first', async () => {
    const { db, trad, simp } = await seeded();
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '经济发展').ids).toEqual([trad]);
    expect(searchArchive(index, '農業').ids).toEqual([simp]);
    expect(searchArchive(index, '发展').ids).toEqual([simp, trad]);
  });

  it('requires every whitespace-separated term, matches single characters, and lists all on an empty query', async () => {
    const { db, trad, simp, other } = await seeded();
    const index = await createSearchIndex(db);
    expect(searchArchive(index, '发展 人才').ids).toEqual([trad]);
    expect(searchArchive(index, '发展 图书').ids).toEqual([]);
    expect(searchArchive(index, '馆').ids).toEqual([other]);
    expect(searchArchive(index, '  ').ids).toEqual([other, simp, trad]);
    expect(searchArchive(index, '不存在的词').ids).toEqual([]);
  });

  it('loads the index in chunks without missing or repeating a row', async () => {
    const { db, trad, simp, other } = await seeded();
    for (const size of [1, 2, 3, 500]) {
      const index = await createSearchIndex(db, size);
      expect(index.entries.map((e) => e.id)).toEqual([other, simp, trad]);
    }
  });

  it('follows deletes and re-inserts', async () => {
    const { db, trad, simp } = await seeded();
    const index = await createSearchIndex(db);
    const removed = await deleteClippings(db, [simp]);
    removeSearchRows(index, [simp]);
    expect(searchArchive(index, '发展').ids).toEqual([trad]);
    upsertSearchRows(index, removed.rows);
    expect(searchArchive(index, '发展').ids).toEqual([simp, trad]);
  });
});

describe('buildSnippet', () => {
  it('highlights matches in the clipping’s own script in the title and a snippet of the body', async () => {
    const { db, trad } = await seeded();
    const clipping = (await db.clippings.get(trad))!;
    const { title, snippet } = buildSnippet(clipping, ['发展'], foldText);
    expect(title.text).toBe('區域經濟發展座談會舉行');
    expect(title.ranges.map(([a, b]) => title.text.slice(a, b))).toEqual(['發展']);
    expect(snippet.ranges.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['發展']);
    expect(snippet.text).toContain('產業發展與人才培養');
  });

  it('cuts long bodies around the first match with ellipses', () => {
    const long = '前文'.repeat(100) + '关键词' + '后文'.repeat(100);
    const clipping = {
      ...makeArticle({ title: '长文', body: [long] }),
      id: 'x',
      savedAt: 0,
      updatedAt: 0,
      tags: [],
      note: '',
    };
    const { snippet } = buildSnippet(clipping, ['关键词'], foldText, 40);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.ranges.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['关键词']);
  });
});
