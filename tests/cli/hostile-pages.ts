// Pages built to hurt a parser or an extractor, written here (no corpus text). Each one stands for a
// class of real mistakes and attacks: generated markup, unclosed tags, embedded documents.
import { parseDocument, releaseDocument } from '../../lib/cli/dom.ts';
import { extractArticle } from '../../lib/clean/article.ts';

const PARAGRAPH = '<p>会议强调，要着力推进高质量发展，统筹发展和安全，切实解决群众急难愁盼问题。</p>';
const ARTICLE = `<div class="article"><h1>某市召开工作会议</h1>${PARAGRAPH.repeat(20)}</div>`;
export const HOSTILE_URL = 'https://www.example.gov.cn/a.html';

function page(head: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>某市召开工作会议</title>${head}</head><body>${body}</body></html>`;
}

/** Each kind of hostile page built at size `n` (its count of repeated pieces), and the size it is tried at. */
export const HOSTILE_KINDS: Record<string, { size: number; build: (n: number) => string }> = {
  meta: { size: 100_000, build: (n) => page('<meta name="keywords" content="会议">'.repeat(n), ARTICLE) },
  'nesting-div': {
    size: 10_000,
    build: (n) => page('', `${'<div>'.repeat(n)}${ARTICLE}${'</div>'.repeat(n)}`),
  },
  'nesting-unclosed-span': { size: 10_000, build: (n) => page('', `${'<span>'.repeat(n)}${ARTICLE}`) },
  'nesting-table': { size: 5_000, build: (n) => page('', `${'<table><tr><td>'.repeat(n)}${ARTICLE}`) },
  'nesting-b': { size: 20_000, build: (n) => page('', `${'<b>'.repeat(n)}${ARTICLE}`) },
  srcdoc: {
    size: 1_000,
    build: (n) =>
      page(
        '',
        ARTICLE +
          `<iframe srcdoc="<html><body>${'<p>内嵌</p>'.repeat(20)}</body></html>"></iframe>`.repeat(n),
      ),
  },
  iframes: { size: 5_000, build: (n) => page('', ARTICLE + '<iframe src="about:blank"></iframe>'.repeat(n)) },
  links: { size: 100_000, build: (n) => page('', ARTICLE + '<a href="/x">链接</a>'.repeat(n)) },
  paragraphs: { size: 100_000, build: (n) => page('', `<div>${PARAGRAPH.repeat(n)}</div>`) },
  images: {
    size: 50_000,
    build: (n) => page('', ARTICLE + '<img src="/a.jpg" alt="图片" width="400" height="300">'.repeat(n)),
  },
  title: {
    size: 200_000,
    build: (n) => page('', ARTICLE).replace('<title>某市召开工作会议', `<title>${' '.repeat(n)}某市`),
  },
  'title-separators': {
    size: 40_000,
    build: (n) => page('', ARTICLE).replace('<title>', `<title>${'_ - | '.repeat(n)}`),
  },
  attribute: { size: 500_000, build: (n) => page('', `<div class="${'x '.repeat(n)}">${ARTICLE}</div>`) },
  scripts: { size: 10_000, build: (n) => page('<script>var a = 1;</script>'.repeat(n), ARTICLE) },
  'styles-unclosed': { size: 10_000, build: (n) => page('', ARTICLE + '<style>p{}'.repeat(n)) },
  'unclosed-tags': { size: 100_000, build: (n) => page('', ARTICLE + '<div<div'.repeat(n)) },
  'text-node': { size: 4_000_000, build: (n) => page('', `<div>${'字'.repeat(n)}</div>`) },
  whitespace: { size: 1_000_000, build: (n) => page('', `${ARTICLE}<p>${' \n'.repeat(n)}</p>`) },
};

// The page names the bench and the tests know: kind and size ("meta-100k", "text-node-4m").
const PAGE_NAMES: Record<string, string> = {
  meta: 'meta-100k',
  'nesting-div': 'nesting-10k-div',
  'nesting-unclosed-span': 'nesting-10k-unclosed-span',
  'nesting-table': 'nesting-5k-table',
  'nesting-b': 'nesting-20k-b',
  srcdoc: 'srcdoc-1k',
  iframes: 'iframes-5k',
  links: 'links-100k',
  paragraphs: 'paragraphs-100k',
  images: 'images-50k',
  title: 'title-200k',
  'title-separators': 'title-separators-200k',
  attribute: 'attribute-1m',
  scripts: 'scripts-10k',
  'styles-unclosed': 'styles-unclosed-10k',
  'unclosed-tags': 'unclosed-tags-100k',
  'text-node': 'text-node-4m',
  whitespace: 'whitespace-2m',
};

/** Name → HTML of each hostile page at its full size. */
export function buildHostilePages(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(HOSTILE_KINDS).map(([kind, { size, build }]) => [PAGE_NAMES[kind] ?? kind, build(size)]),
  );
}

/**
 * CPU milliseconds of the fastest of three extractions of `html`, each from a fresh parse (not
 * counted): jsdom keeps what a first extraction looked up, so a second one on the same document
 * would hide the cost of the first.
 */
async function bestExtractionCpuMs(html: string): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const doc = parseDocument(html, HOSTILE_URL);
    const before = process.cpuUsage();
    extractArticle(doc, HOSTILE_URL, {});
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
    await releaseDocument(doc);
  }
  return best;
}

/**
 * How much longer a page of `kind` takes to extract at size 4n than at n, each the best of three
 * runs: about 4 when extraction is linear, 16 when quadratic, on a fast machine or a loaded one.
 */
export async function extractionGrowth(kind: string, n: number): Promise<number> {
  const build = HOSTILE_KINDS[kind]?.build;
  if (!build) throw new Error(`no hostile page kind ${kind}`);
  const small = await bestExtractionCpuMs(build(n));
  const large = await bestExtractionCpuMs(build(4 * n));
  return large / Math.max(small, 1);
}
