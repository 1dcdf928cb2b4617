// Archive export files of invented clippings, written for a test to import (Chromium and Firefox).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An invented clipping record as the export file holds it, saved `minutes` after 2026-03-10 00:00
 * UTC (which also makes its content hash unique).
 */
export function record(
  minutes: number,
  fields: Record<string, unknown> & { id: string },
): Record<string, unknown> {
  const at = Date.UTC(2026, 2, 10) + minutes * 60_000;
  return {
    url: `https://www.example.gov.cn/${fields.id}.html`,
    canonicalUrl: `https://www.example.gov.cn/${fields.id}.html`,
    siteName: '示范日报网',
    title: '',
    kicker: '',
    subtitle: '',
    originalTitle: '',
    publishedAt: '',
    source: '',
    authors: [],
    editors: [],
    people: [],
    blocks: [],
    script: 'hans',
    detection: { isArticle: true, isGovNews: true, score: 0.8, reasons: [] },
    extractedAt: '2026-03-10T00:00:00.000Z',
    contentHash: (0x30000000 + minutes).toString(16),
    savedAt: at,
    updatedAt: at,
    tags: [],
    note: '',
    ...fields,
  };
}

/** Write clippings as an export file of the given format version; returns its path. */
export function exportFile(dir: string, name: string, version: number, clippings: unknown[]): string {
  const file = join(dir, `${name}.json`);
  const exportedAt = new Date(0).toISOString();
  writeFileSync(file, JSON.stringify({ format: 'baozhai-clippings', version, exportedAt, clippings }));
  return file;
}

/** One invented story saved from two sites, the second a later traditional-script copy. */
export function storyFile(dir: string): string {
  const body = [
    '3月5日，示例省召开全省春季农业生产工作会议，部署春耕备耕重点任务。',
    '会议强调，要稳定粮食播种面积，抓好农资供应和农技服务，确保不误农时。',
  ];
  const copies: Array<[string, string, string, string[]]> = [
    ['www.example.gov.cn', '示范日报网', '2026-03-05T09:00:00+08:00', body],
    [
      'news.mirror.example',
      '鏡像新聞網',
      '2026-03-06T10:00:00+08:00',
      [
        '3月5日，示例省召開全省春季農業生產工作會議，部署春耕備耕重點任務。',
        '會議強調，要穩定糧食播種面積，抓好農資供應和農技服務，確保不誤農時。',
      ],
    ],
  ];
  const clippings = copies.map(([host, siteName, publishedAt, paragraphs], i) =>
    record(2880 + i, {
      id: `story-${i}`,
      url: `https://${host}/story/${i}.html`,
      canonicalUrl: `https://${host}/story/${i}.html`,
      siteName,
      title: i === 0 ? '春季农业生产工作会议召开' : '春季農業生產工作會議召開',
      publishedAt,
      authors: ['记者甲'],
      blocks: paragraphs.map((text) => ({ type: 'p', text })),
      script: i === 0 ? 'hans' : 'hant',
    }),
  );
  return exportFile(dir, 'story', 2, clippings);
}
