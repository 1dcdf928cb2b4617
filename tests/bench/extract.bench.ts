// Extraction time against Readability.js on the same parsed documents, and the cost of checkArticle.
// Each corpus page with a body is parsed once; both extractors get a fresh clone (clone time excluded).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { checkArticle } from '../../lib/detect/index.ts';
import { parseDocument, releaseDocument } from '../../lib/cli/dom.ts';
import { listPages, readPageHtml, readTruth, resolveSharedRoot } from '../eval/corpus.ts';
import { extractArticle } from '../../lib/clean/article.ts';

// Readability on jsdom takes tens of seconds on the 2 MB pages; one run each keeps the total in minutes.
const CHECK_REPEATS = 5;

function emit(name: string, value: number, unit: string, extra: Record<string, number> = {}): void {
  process.stdout.write(
    JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...extra }) + '\n',
  );
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dir = join(resolveSharedRoot(), 'corpus');
  if (!existsSync(dir)) {
    process.stderr.write(`extract.bench: no corpus at ${dir}, skipped\n`);
    return;
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  const checks: number[] = [];
  let slowest = { id: '', ms: 0 };
  let slowestAny = { id: '', ms: 0 };
  for (const id of listPages(dir)) {
    const truth = readTruth(dir, id);
    const url = truth.url ?? '';
    const doc = parseDocument(readPageHtml(dir, id), url);
    if (truth.kind === 'non-article' || !truth.truth.body) {
      // No body to compare against Readability, but the 2 MB index and encyclopedia pages are here:
      // the one-second budget holds for every page.
      const t = performance.now();
      extractArticle(doc.cloneNode(true) as Document, url);
      const ms = performance.now() - t;
      if (ms > slowestAny.ms) slowestAny = { id, ms };
      await releaseDocument(doc);
      continue;
    }

    for (let i = 0; i < CHECK_REPEATS; i++) {
      const t = performance.now();
      checkArticle(doc, url);
      checks.push(performance.now() - t);
    }
    const ourClone = doc.cloneNode(true) as Document;
    const started = performance.now();
    extractArticle(ourClone, url);
    const ms = performance.now() - started;
    ours.push(ms);
    if (ms > slowest.ms) slowest = { id, ms };
    const clone = doc.cloneNode(true) as Document;
    const t = performance.now();
    try {
      new Readability(clone).parse();
    } catch {
      // A Readability failure still cost its time: it is the baseline.
    }
    theirs.push(performance.now() - t);
    await releaseDocument(doc);
    (globalThis as { gc?: () => void }).gc?.();
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(v.length, 1);
  emit('extract.time_per_page', mean(ours), `ms (mean of ${ours.length} pages, jsdom)`, {
    baseline: Math.round(mean(theirs) * 1000) / 1000,
    ratio: Math.round((mean(ours) / mean(theirs)) * 1000) / 1000,
  });
  emit('extract.max_page_ms', slowest.ms, `ms (${slowest.id})`);
  const worst = slowestAny.ms > slowest.ms ? slowestAny : slowest;
  emit('extract.max_page_ms_all_pages', worst.ms, `ms (${worst.id}, all ${listPages(dir).length} pages)`);
  emit('detect.check_article_ms', mean(checks), 'ms (mean, jsdom; Chromium is faster)');
  emit('detect.check_article_p95_ms', percentile(checks, 0.95), 'ms (95th percentile, jsdom)');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
