// Dump each corpus page's government-news evidence (what scoreGov reads) to a JSON file, so the
// scorer can be tuned and cross-validated without parsing 302 pages each time:
// `npx tsx tests/detect/dump-gov-evidence.ts [OUT.json]` (default /tmp/baozhai-gov-evidence.json).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft } from '../../lib/article/record.ts';
import { collectGovEvidence, type GovEvidence } from '../../lib/detect/index.ts';
import { parseDocument } from '../../lib/cli/dom.ts';
import { listPages, readPageHtml, readTruth, resolveSharedRoot } from '../eval/corpus.ts';
import { loadExtractor } from '../eval/evaluate.ts';
import { draftFromDocument } from '../eval/fallback-draft.ts';

export interface EvidenceRow {
  id: string;
  kind: string;
  repo: string;
  evidence: GovEvidence;
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? '/tmp/baozhai-gov-evidence.json';
  const dir = join(resolveSharedRoot(), 'corpus');
  const extract = await loadExtractor();
  const rows: EvidenceRow[] = [];
  for (const id of listPages(dir)) {
    const truth = readTruth(dir, id) as ReturnType<typeof readTruth> & { source?: { repo?: string } };
    const url = truth.url ?? '';
    const doc = parseDocument(readPageHtml(dir, id), url);
    let draft: ArticleDraft = draftFromDocument(doc, url);
    if (extract) {
      try {
        draft = await extract(doc, url);
      } catch {
        // Keep the fallback draft, as the eval does.
      }
    }
    rows.push({
      id,
      kind: truth.kind,
      repo: truth.source?.repo ?? '',
      evidence: collectGovEvidence(doc, url, draft),
    });
    process.stderr.write('.');
  }
  writeFileSync(out, JSON.stringify(rows));
  process.stderr.write(`\n${rows.length} pages → ${out}\n`);
}

void main();
