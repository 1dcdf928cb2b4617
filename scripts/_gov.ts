import { readFileSync } from 'node:fs';
import { ARTICLE_POINTS, readDocumentKind, scoreArticle } from '../lib/detect/article-check.ts';
import { measureGovSignals, WEIGHTS, type SignalName } from '../lib/detect/gov.ts';
import type { EvidenceRow } from '../tests/eval/detect-figures.ts';
const rows = JSON.parse(readFileSync('/tmp/baozhai-detect-evidence.json', 'utf8')) as EvidenceRow[];
for (const id of process.argv.slice(2)) {
  const r = rows.find((x) => x.id === id)!;
  const p = scoreArticle(r.features);
  r.evidence.isArticle = p.total >= ARTICLE_POINTS;
  r.evidence.documentKind = readDocumentKind(r.features);
  const { values, notes } = measureGovSignals(r.evidence);
  const parts = (Object.keys(WEIGHTS) as SignalName[]).map((n) => [n, WEIGHTS[n] * values[n], notes[n]] as const).filter((x) => x[1] !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  console.log(id, r.kind, r.evidence.host, r.evidence.hostClass, JSON.stringify(r.evidence.headline).slice(0, 50), 'sec', r.evidence.section.slice(0, 30), 'src', r.evidence.source);
  console.log('   ', parts.map(([n, v, no]) => `${n}${v.toFixed(1)}${no ? '(' + no.join(',') + ')' : ''}`).join(' '));
}
