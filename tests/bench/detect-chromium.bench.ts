// checkArticle where it runs for real: in Chromium at document_idle, on corpus pages loaded from
// their saved bytes. The same bundle the content script uses is injected into each page.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../../lib/cli/chromium.ts';
import { listPages, readPageHtml, readTruth, resolveSharedRoot } from '../eval/corpus.ts';
import { countConfusion, measurePrecisionRecall } from '../eval/score.ts';

// REPEATS=1 runs each page once: enough for the verdicts, which are compared with the eval's (jsdom).
const REPEATS = Number(process.env.REPEATS ?? 20);

async function main(): Promise<void> {
  const dir = join(resolveSharedRoot(), 'corpus');
  if (!existsSync(dir)) {
    process.stderr.write(`detect-chromium.bench: no corpus at ${dir}, skipped\n`);
    return;
  }
  const bundle = await build({
    stdin: {
      contents:
        "import { checkArticle } from './lib/detect/index.ts'; globalThis.bzCheckArticle = checkArticle;",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const openPage = async () => {
    // bypassCSP: some saved pages carry a CSP meta tag that would refuse the injected bundle.
    const fresh = await browser.newPage({ bypassCSP: true });
    // Pages are loaded without their scripts or subresources: only their markup is measured.
    await fresh.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    return fresh;
  };
  let page = await openPage();
  const medians: number[] = [];
  let slowest = { id: '', ms: 0 };
  const skipped: string[] = [];
  const verdicts: Array<{ id: string; predicted: boolean; actual: boolean }> = [];
  for (const id of listPages(dir)) {
    // Without scripts and meta refreshes: the page must hold still while it is measured.
    const html = readPageHtml(dir, id)
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
    const truth = readTruth(dir, id);
    const url = truth.url ?? '';
    let times: number[];
    try {
      await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: 10_000 });
      await page.evaluate(script);
      times = await page
        .evaluate(
          ({ url, repeats }) => {
            const check = (
              globalThis as unknown as { bzCheckArticle: (d: Document, u: string) => { isArticle: boolean } }
            ).bzCheckArticle;
            const out: number[] = [];
            let isArticle = false;
            for (let i = 0; i < repeats; i++) {
              const t = performance.now();
              isArticle = check(document, url).isArticle;
              out.push(performance.now() - t);
            }
            return { times: out.sort((a, b) => a - b), isArticle };
          },
          { url, repeats: REPEATS },
        )
        .then((r) => {
          verdicts.push({ id, predicted: r.isArticle, actual: truth.kind !== 'non-article' });
          return r.times;
        });
    } catch (error) {
      skipped.push(`${id}: ${String(error).split('\n')[0]}`);
      // A crashed or navigated page is no good for the next one.
      await page.close().catch(() => undefined);
      page = await openPage();
      continue;
    }
    const median = times[Math.floor(times.length / 2)] ?? 0;
    medians.push(median);
    if (median > slowest.ms) slowest = { id, ms: median };
  }
  await browser.close();
  for (const line of skipped) process.stderr.write(`detect-chromium.bench: skipped ${line}\n`);
  medians.sort((a, b) => a - b);
  const emit = (name: string, value: number, unit: string) =>
    process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit })}\n`);
  emit(
    'detect.check_article_chromium_ms',
    medians[Math.floor(medians.length / 2)] ?? 0,
    `ms (median page of ${medians.length}, Chromium)`,
  );
  emit(
    'detect.check_article_chromium_p95_ms',
    medians[Math.floor(medians.length * 0.95)] ?? 0,
    'ms (95th percentile page, Chromium)',
  );
  emit('detect.check_article_chromium_max_ms', slowest.ms, `ms (${slowest.id})`);
  // The live page's verdicts, to set beside the eval's article precision and recall (jsdom).
  const pr = measurePrecisionRecall(countConfusion(verdicts));
  emit('detect.article_precision_chromium', pr.precision, `checkArticle over ${verdicts.length} pages`);
  emit('detect.article_recall_chromium', pr.recall, `checkArticle over ${verdicts.length} pages`);
  if (process.env.VERDICTS) writeFileSync(process.env.VERDICTS, JSON.stringify(verdicts));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
