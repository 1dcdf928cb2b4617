import { readFileSync } from 'node:fs';
import { scoreArticle } from '../lib/detect/article-check.ts';
import type { EvidenceRow } from '../tests/eval/detect-figures.ts';
const rows = JSON.parse(readFileSync('/tmp/baozhai-detect-evidence.json', 'utf8')) as EvidenceRow[];
for (const id of process.argv.slice(2)) {
  const r = rows.find((x) => x.id === id)!;
  const p = scoreArticle(r.features);
  console.log(id, r.kind, p.total, JSON.stringify(r.features.title).slice(0, 60), 'H:', r.features.headline.slice(0, 40), r.features.host, 'han', r.features.sample.mainHan, 'paras', r.features.sample.mainParagraphs);
  console.log('   ', p.reasons.map((x) => `${x.stance === 'for' ? '+' : '-'}${x.key}(${x.subs.join(',')})`).join(' '));
}
