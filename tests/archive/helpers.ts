import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Article, Block } from '../../lib/article/record';
import { openArchive, type ArchiveDeps } from '../../lib/archive/index';

let counter = 0;

/** A fresh in-memory archive (its own fake IndexedDB) for one test. */
export function openTestArchive(deps: Partial<ArchiveDeps> = {}) {
  const indexedDB = deps.indexedDB ?? new IDBFactory();
  return openArchive({ indexedDB, IDBKeyRange, name: `test-${++counter}`, ...deps });
}

/** An invented article in the shape of the article engine's record. */
export function makeArticle(overrides: Partial<Article> & { body?: string[] } = {}): Article {
  const { body, ...rest } = overrides;
  const blocks: Block[] = (
    body ?? [
      '市政府召开会议，研究推进城区老旧小区改造工作。',
      '会议要求各部门加强协作，确保年底前完成既定任务。',
    ]
  ).map((text) => ({ type: 'p', text }));
  const n = ++counter;
  return {
    url: `https://www.example.gov.cn/news/${n}.html`,
    canonicalUrl: `https://www.example.gov.cn/news/${n}.html`,
    siteName: '示例市人民政府',
    title: '示例市推进老旧小区改造',
    kicker: '',
    subtitle: '',
    originalTitle: '',
    publishedAt: '2026-03-01T09:00:00+08:00',
    source: '示例日报',
    authors: ['王小明'],
    editors: ['李华'],
    people: [],
    blocks,
    script: 'hans',
    detection: { isArticle: true, isGovNews: true, score: 0.9, reasons: ['official site'] },
    extractedAt: '2026-03-01T10:00:00.000Z',
    contentHash: n.toString(16).padStart(16, '0'),
    ...rest,
  };
}
