// The one-second budget of extraction after parsing (issue 12): the slowest corpus page and the
// slowest pathological page of tests/cli/hostile-pages.ts (the nesting pages are refused before
// parsing, so they are not timed), and each pathological page on a line of its own. Reports wall
// and CPU time: on a shared machine CPU time is the steadier figure. `npm run bench slowest` runs it alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, releaseDocument } from '../../lib/cli/dom.ts';
import { extractArticle } from '../../lib/clean/article.ts';
import { listPages, readPageHtml, readTruth, resolveSharedRoot } from '../eval/corpus.ts';
import { buildHostilePages } from '../cli/hostile-pages.ts';

interface Timed {
  id: string;
  ms: number;
  cpuMs: number;
}

async function timeExtraction(id: string, html: string, url: string): Promise<Timed> {
  const doc = parseDocument(html, url || 'https://localhost/');
  const cpu = process.cpuUsage();
  const started = performance.now();
  extractArticle(doc, url, {});
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await releaseDocument(doc);
  (globalThis as { gc?: () => void }).gc?.();
  return { id, ms, cpuMs: (used.user + used.system) / 1000 };
}

function emitLine(name: string, ms: number, unit: string, cpuMs: number): void {
  process.stdout.write(
    `${JSON.stringify({ name, value: Math.round(ms), unit, cpu_ms: Math.round(cpuMs) })}\n`,
  );
}

function emit(name: string, worst: Timed, count: number): void {
  emitLine(name, worst.ms, `ms (${worst.id}, slowest of ${count})`, worst.cpuMs);
}

async function main(): Promise<void> {
  const only = process.env.BAOZHAI_BENCH_ONLY;
  const hostile: Timed[] = [];
  for (const [name, html] of Object.entries(buildHostilePages())) {
    if (name.startsWith('nesting-') || (only && !name.includes(only))) continue;
    const timed = await timeExtraction(name, html, 'https://www.example.gov.cn/a.html');
    emitLine(`extract.hostile_page_ms.${name}`, timed.ms, 'ms', timed.cpuMs);
    hostile.push(timed);
  }
  const byTime = (a: Timed, b: Timed) => b.cpuMs - a.cpuMs;
  if (hostile.length) emit('extract.max_hostile_page_ms', hostile.sort(byTime)[0]!, hostile.length);

  const dir = join(resolveSharedRoot(), 'corpus');
  if (!existsSync(dir) || only) return;
  const corpus: Timed[] = [];
  for (const id of listPages(dir))
    corpus.push(await timeExtraction(id, readPageHtml(dir, id), readTruth(dir, id).url ?? ''));
  emit('extract.max_corpus_page_ms', corpus.sort(byTime)[0]!, corpus.length);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
