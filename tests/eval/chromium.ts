// Extraction where it runs for real: the content script's extractArticle bundle injected into each
// corpus page in Chromium, the page served from its saved bytes at its own URL (scripts stripped,
// other subresources refused), so layout and computed visibility are those of a live page.
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../../lib/cli/chromium.ts';
import type { Block } from '../../lib/article/record.ts';
import { listPages, readPageHtml, readTruth } from './corpus.ts';
import { bodyText } from './evaluate.ts';
import { matchDate, parseTruthDate, scoreBodyF1 } from './score.ts';

export interface ChromiumPage {
  id: string;
  f1: number | null;
  dateOk: boolean | null;
  ms: number;
  note: string;
}

interface Extracted {
  blocks: Block[];
  publishedAt: string;
  ms: number;
}

async function bundleExtractor(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents:
        "import { extractArticle } from './lib/clean/article.ts';" +
        'globalThis.bzExtract = (url) => { const t = performance.now(); const a = extractArticle(document, url);' +
        ' return { blocks: a.blocks, publishedAt: a.publishedAt, ms: performance.now() - t }; };',
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  return bundle.outputFiles[0]!.text;
}

/** Extract every scored or dated corpus page in headless Chromium and score it like the CLI eval. */
export async function evaluateInChromium(
  dir: string,
  only: string[] = [],
  onPage?: (row: ChromiumPage) => void,
): Promise<ChromiumPage[]> {
  const script = await bundleExtractor();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows: ChromiumPage[] = [];
  let page: Page | null = null;
  try {
    for (const id of listPages(dir, only)) {
      const truth = readTruth(dir, id);
      const quality = truth.truth.body_quality;
      const scored =
        (quality === 'human' || quality === 'container') &&
        truth.kind !== 'non-article' &&
        !!truth.truth.body;
      const wall = truth.kind !== 'non-article' ? parseTruthDate(truth.truth.date) : null;
      if (!scored && !wall) continue;
      const url = truth.url ?? `http://corpus.invalid/${id}/`;
      // Without scripts and meta refreshes: the page must hold still while it is read.
      const html = readPageHtml(dir, id)
        .replace(/<script\b[\s\S]*?<\/script>/gi, '')
        .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
      const row: ChromiumPage = { id, f1: null, dateOk: null, ms: 0, note: '' };
      try {
        // bypassCSP: some saved pages carry a CSP meta tag that would refuse the injected bundle.
        page ??= await browser.newPage({ bypassCSP: true });
        await page.unroute('**/*');
        await page.route('**/*', (route) =>
          route.request().isNavigationRequest() && route.request().frame() === page!.mainFrame()
            ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
            : route.abort(),
        );
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
        await page.evaluate(script);
        const out = await page.evaluate(
          (u) => (globalThis as unknown as { bzExtract: (u: string) => Extracted }).bzExtract(u),
          truth.url ?? '',
        );
        row.ms = out.ms;
        if (scored) row.f1 = scoreBodyF1(bodyText(out.blocks), truth.truth.body!);
        if (wall) row.dateOk = matchDate(out.publishedAt, wall);
      } catch (error) {
        row.note = `chromium: ${String(error).split('\n')[0]?.slice(0, 120)}`;
        if (scored) row.f1 = 0;
        if (wall) row.dateOk = false;
        // A crashed or navigated page is no good for the next one.
        await page?.close().catch(() => undefined);
        page = null;
      }
      rows.push(row);
      onPage?.(row);
    }
  } finally {
    await browser.close();
  }
  return rows;
}
