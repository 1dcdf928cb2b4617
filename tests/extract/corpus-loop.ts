// Quick development loop over the human-truth news pages of ../shared/corpus (not a unit test):
//   npx tsx tests/extract/corpus-loop.ts [--rows] [id...]
// Prints per-page body F1 and date agreement, then the means. The detect engineer's `npm run eval`
// is the reference harness; this one only exists to iterate on extraction quickly.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../lib/text/decode.ts';
import { parseDocument } from '../../lib/cli/dom.ts';
import { extractArticle, bodyText } from '../../lib/extract/index.ts';
import { bigramF1 } from './f1.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = process.env.BAOZHAI_SHARED ?? path.resolve(repoRoot, '../shared');
const corpus = path.join(shared, 'corpus');
const args = process.argv.slice(2);
const rows = args.includes('--rows');
const only = args.filter((a) => !a.startsWith('--'));

interface Truth {
  url: string | null;
  kind: string;
  truth: { body: string | null; body_quality: string | null; date: string | null };
}

let n = 0;
let sum = 0;
let govN = 0;
let govSum = 0;
let dated = 0;
let dateRight = 0;
let totalMs = 0;
let worstMs = 0;
const results: string[] = [];
for (const id of readdirSync(corpus).sort()) {
  if (only.length && !only.includes(id)) continue;
  const truthPath = path.join(corpus, id, 'truth.json');
  if (!existsSync(truthPath)) continue;
  const t = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
  const allDates = args.includes('--dates');
  if (allDates ? !t.truth.date : t.kind === 'non-article' || t.truth.body_quality !== 'human' || !t.truth.body) continue;
  const html = decodeHtml(readFileSync(path.join(corpus, id, 'page.html'))).text;
  const url = t.url ?? `https://corpus.invalid/${id}`;
  const doc = parseDocument(html, url);
  const started = performance.now();
  const article = extractArticle(doc, url, { now: new Date(0) });
  const ms = performance.now() - started;
  totalMs += ms;
  worstMs = Math.max(worstMs, ms);
  const f1 = bigramF1(bodyText(article), t.truth.body ?? '');
  n++;
  sum += f1;
  if (t.kind === 'gov-news') {
    govN++;
    govSum += f1;
  }
  let dateMark = '-';
  if (t.truth.date) {
    dated++;
    const parts = /(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(t.truth.date);
    if (!parts) {
      dated--;
      continue;
    }
    const want = `${parts[1]}-${parts[2]?.padStart(2, '0')}-${parts[3]?.padStart(2, '0')}`;
    const ok = article.publishedAt.slice(0, 10) === want;
    if (ok) dateRight++;
    dateMark = ok ? 'ok' : `BAD got=${article.publishedAt} want=${t.truth.date}`;
  }
  results.push(`${f1.toFixed(3)}\t${t.kind}\t${id}\t${ms.toFixed(0)}ms\t${dateMark}\t${article.title.slice(0, 30)}`);
}
results.sort();
if (rows) for (const r of results) console.log(r);
console.log(`pages ${n} meanF1 ${(sum / n).toFixed(4)} gov ${govN} govF1 ${(govSum / govN).toFixed(4)} dates ${dateRight}/${dated} time total ${totalMs.toFixed(0)}ms worst ${worstMs.toFixed(0)}ms`);
