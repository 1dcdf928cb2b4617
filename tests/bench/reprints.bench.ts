// Fingerprint and reprint lookup: fingerprinting a 5,000-character body (target 5 ms) and finding
// the stories of a page among 10,000 clippings (target 50 ms), in Node over fake-indexeddb (slower
// than Chromium's IndexedDB, so the figure is an upper bound).
import 'fake-indexeddb/auto';
import { foldText } from '../../lib/archive/fold.ts';
import { fingerprintText } from '../../lib/archive/fingerprint.ts';
import { buildFingerprintRow } from '../../lib/archive/tables/fingerprints.ts';
import { findReprints } from '../../lib/archive/reprints.ts';
import { openArchive } from '../../lib/archive/db.ts';
import type { Clipping } from '../../lib/archive/types.ts';

// fake-indexeddb keeps records in sorted arrays: filling 10,000 clippings' band rows takes it many
// minutes, so the default is 1,000 (REPRINT_COUNT=10000 for the full size; the lookup reads 32 band
// rows and its candidates whatever the archive size).
const COUNT = Number(process.env.REPRINT_COUNT ?? 1_000);
// Common characters of government news, drawn at random into sentences: unrelated bodies share
// shingles only by chance, as different real stories do.
const CHARS =
  '会议要求各级部门加强推进工作发展建设经济社会改革创新服务保障落实责任安全生态环境治理城市乡村人民群众企业项目投资产业科技教育医疗文化交通水利农业市场政策';

function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function body(random: () => number, chars: number): string {
  let text = '';
  while (text.length < chars) {
    for (let k = 4 + Math.floor(random() * 10); k > 0; k--)
      text += CHARS[Math.floor(random() * CHARS.length)];
    text += random() < 0.3 ? '。' : '，';
  }
  return text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const emit = (name: string, value: number, limit: number, extra: object = {}) =>
  process.stdout.write(
    JSON.stringify({ name, value: Math.round(value * 100) / 100, unit: 'ms', limit, ...extra }) + '\n',
  );

async function main(): Promise<void> {
  const random = createRandom(20261203);
  const text = body(random, 5_000);
  fingerprintText(text, foldText);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    fingerprintText(text, foldText);
    times.push(performance.now() - start);
  }
  emit('fingerprint.5000-chars', median(times), 5);

  const db = openArchive({ name: 'bench-reprints' });
  const bodies: string[] = [];
  const clippings: Clipping[] = [];
  for (let i = 0; i < COUNT; i++) {
    const b = body(random, 1_500);
    bodies.push(b);
    clippings.push({
      id: `c${i}`,
      url: `https://www.example.gov.cn/${i}.html`,
      canonicalUrl: `https://www.example.gov.cn/${i}.html`,
      siteName: 'example.gov.cn',
      title: `第${i}号`,
      kicker: '',
      subtitle: '',
      originalTitle: '',
      publishedAt: '2026-03-02T08:00:00+08:00',
      source: '',
      authors: [],
      editors: [],
      people: [],
      blocks: [{ type: 'p', text: b }],
      script: 'hans',
      detection: { isArticle: true, isGovNews: true, score: 0.9, reasons: [] },
      extractedAt: '2026-03-02T08:00:00.000Z',
      contentHash: i.toString(16).padStart(16, '0'),
      savedAt: i,
      updatedAt: i,
      tags: [],
      note: '',
    });
  }
  await db.clippings.bulkPut(clippings.sort((a, b) => (a.id < b.id ? -1 : 1)));
  await db.fingerprints.bulkPut(clippings.map((c) => buildFingerprintRow(c, foldText)));

  const lookups: number[] = [];
  let found = 0;
  for (let q = 0; q < 20; q++) {
    // Half the queries are a mirror of a stored body (a third of it rewritten), half a new story.
    const mirror = q % 2 === 0;
    const source = bodies[Math.floor(random() * COUNT)]!;
    const query = mirror ? source.slice(0, 1_000) + body(random, 500) : body(random, 1_500);
    const fp = fingerprintText(query, foldText);
    const start = performance.now();
    const result = await findReprints(db, fp);
    lookups.push(performance.now() - start);
    if (mirror && result.length > 0) found++;
  }
  emit(`reprints.lookup.${COUNT}`, median(lookups), 50, {
    max: Math.round(Math.max(...lookups)),
    mirrorsFound: `${found}/10`,
  });
  db.close();
}

void main();
