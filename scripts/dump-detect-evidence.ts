// Dump each corpus page's detection evidence (what checkArticle and scoreGov read, without DOM nodes)
// to a JSON file, so the scorers can be tuned and cross-validated without parsing 302 pages each time:
// `npm run detect:dump -- [OUT.json]` (default /tmp/baozhai-detect-evidence.json).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft } from '../lib/article/record.ts';
import { collectGovEvidence } from '../lib/detect/index.ts';
import { measurePage } from '../lib/detect/features.ts';
import { parseDocument, releaseDocument } from '../lib/cli/dom.ts';
import { listPages, readPageHtml, readTruth, resolveSharedRoot } from '../tests/eval/corpus.ts';
import { extractArticle } from '../lib/clean/article.ts';
import { toPlainFeatures, type EvidenceRow } from '../tests/eval/detect-figures.ts';

async function main(): Promise<void> {
  const out = process.argv[2] ?? '/tmp/baozhai-detect-evidence.json';
  const dir = join(resolveSharedRoot(), 'corpus');
  const rows: EvidenceRow[] = [];
  for (const id of listPages(dir)) {
    const truth = readTruth(dir, id);
    const url = truth.url ?? '';
    const doc = parseDocument(readPageHtml(dir, id), url);
    const draft: ArticleDraft = extractArticle(doc, url);
    rows.push({
      id,
      kind: truth.kind,
      source: truth.source?.repo ?? '',
      features: toPlainFeatures(measurePage(doc, url)),
      evidence: collectGovEvidence(doc, url, draft),
    });
    await releaseDocument(doc);
    process.stderr.write('.');
  }
  writeFileSync(out, JSON.stringify(rows));
  process.stderr.write(`\n${rows.length} pages → ${out}\n`);
}

void main();
