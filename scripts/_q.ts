import { readFileSync } from 'node:fs';
import type { EvidenceRow } from '../tests/eval/detect-figures.ts';
const rows = JSON.parse(readFileSync('/tmp/baozhai-detect-evidence.json', 'utf8')) as EvidenceRow[];
for (const r of rows) {
  const s = r.features.sample;
  if (s.mainHan >= 1500 && s.mainParagraphs <= 1) console.log('onebl', r.kind, r.id, s.mainHan, r.features.frame.date);
}
for (const r of rows) if (r.kind !== 'non-article' && r.features.headline === '') console.log('nohead', r.kind, r.id);
