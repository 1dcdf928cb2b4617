// Reprint eval: pairs built from the corpus. Same story: a page's body and a mirror of it made here
// (converted to traditional script, pinyin left after characters, a different headline block and
// the mirror's boilerplate); and the corpus's own re-captures of one story. Different stories: every
// other pair of pages from the same source collection (same sites, series and officials).
import { join } from 'node:path';
import { foldText } from '../../lib/archive/fold.ts';
import { fingerprintText, similarity } from '../../lib/archive/fingerprint.ts';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index.ts';
import { createNodeDictLoader } from '../../lib/convert/load-node.ts';
import { listPages, readTruth } from './corpus.ts';

/** Captures of one story that the corpus holds more than once (INDEX.tsv notes). */
export const SAME_STORY_CAPTURES = [
  ['gne-thepaper__2', 'gne-thepaper__4', 'gne-visiable_tes564208'],
  ['gerapy-detail__ifen97b19f', 'gerapy-detail__ifeng_news1'],
];

const TONES = ['xié', 'fā', 'zhǎn', 'huì', 'guó', 'shì', 'wèi', 'jiàn'];

/** A mirror of a body: traditional script, pinyin after every fifth character, other headline and boilerplate. */
export function makeMirror(body: string, title: string, toTraditional: ConvertFn): string {
  let n = 0;
  const damaged = toTraditional(body).replace(/[\u4e00-\u9fff]/g, (c) =>
    ++n % 5 === 0 ? `${c}(${TONES[n % TONES.length]})` : c,
  );
  const head = ['當前位置：首頁 > 要聞 > 正文', toTraditional(title), `原標題：${toTraditional(title)}`];
  const tail = [
    '排行榜 一天 一周 一月',
    '登錄 立即註冊 忘記密碼？',
    '微信 微博 分享 返回頂部',
    '責編：編輯部',
  ];
  return [...head, damaged, ...tail].join('\n');
}

export interface PairScore {
  a: string;
  b: string;
  same: boolean;
  similarity: number;
}

/** Similarity of every pair; `minChars` keeps pages whose truth body is long enough to be a story. */
export async function scoreReprintPairs(dir: string, minChars = 200): Promise<PairScore[]> {
  const toTraditional = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
  const pages = listPages(dir)
    .map((id) => ({ id, truth: readTruth(dir, id).truth }))
    .filter((p) => (p.truth.body ?? '').length >= minChars);
  const fps = new Map(pages.map((p) => [p.id, fingerprintText(p.truth.body!, foldText)]));
  const sameGroup = new Map<string, number>();
  SAME_STORY_CAPTURES.forEach((group, i) => group.forEach((id) => sameGroup.set(id, i)));
  const collection = (id: string) => id.split(/[-_]/)[0];
  const scores: PairScore[] = [];
  for (const p of pages) {
    const mirror = fingerprintText(makeMirror(p.truth.body!, p.truth.title ?? '', toTraditional), foldText);
    scores.push({
      a: p.id,
      b: `${p.id} (mirror)`,
      same: true,
      similarity: similarity(fps.get(p.id)!, mirror),
    });
  }
  for (let i = 0; i < pages.length; i++) {
    for (let j = i + 1; j < pages.length; j++) {
      const a = pages[i]!.id;
      const b = pages[j]!.id;
      const group = sameGroup.get(a);
      const same = group !== undefined && group === sameGroup.get(b);
      if (!same && collection(a) !== collection(b)) continue;
      scores.push({ a, b, same, similarity: similarity(fps.get(a)!, fps.get(b)!) });
    }
  }
  return scores;
}

/** Precision and recall of "same story" at a threshold. */
export function scoreAt(scores: PairScore[], threshold: number): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    const said = s.similarity >= threshold;
    if (said && s.same) tp++;
    else if (said) fp++;
    else if (s.same) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

/** Print the distribution and the figures at each threshold: `npm run eval -- --reprints`. */
export async function runReprints(dir: string): Promise<number> {
  const scores = await scoreReprintPairs(join(dir));
  const same = scores.filter((s) => s.same).map((s) => s.similarity);
  const diff = scores.filter((s) => !s.same).map((s) => s.similarity);
  process.stderr.write(
    `${same.length} same-story pairs: min ${Math.min(...same).toFixed(3)}; ${diff.length} different: max ${Math.max(...diff).toFixed(3)}\n`,
  );
  for (const s of scores.filter((x) => (x.same && x.similarity < 0.8) || (!x.same && x.similarity > 0.1)))
    process.stderr.write(`  ${s.same ? 'same' : 'diff'} ${s.similarity.toFixed(3)} ${s.a} ~ ${s.b}\n`);
  for (const t of [0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
    const { precision, recall } = scoreAt(scores, t);
    process.stdout.write(JSON.stringify({ name: `reprints at ${t}`, precision, recall }) + '\n');
  }
  return 0;
}
