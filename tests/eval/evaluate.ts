// The evaluation itself, shared by `npm run eval` (run.ts) and the floors test.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { checkArticle, type ArticleCheck } from '../../lib/detect/index.ts';
import type { Article, Block, Detection } from '../../lib/article/record.ts';
import { readBlockLines } from '../../lib/article/body-text.ts';
import { parseDocument, releaseDocument } from '../../lib/cli/dom.ts';
import { listPages, readPageHtml, readTruth, type Kind } from './corpus.ts';
import { extractArticle } from '../../lib/clean/article.ts';
import { measureGovValues, summariseDetectionBySource } from './detect-figures.ts';
import {
  countConfusion,
  matchDate,
  matchTitle,
  measurePrecisionRecall,
  parseTruthDate,
  scoreBodyF1,
  toWallIso,
} from './score.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
}

export interface PageResult {
  id: string;
  kind: Kind;
  /** The government-news signals (detect-figures.ts SIGNALS order), for refitting without a source. */
  govSignals: number[];
  bodyQuality: string | null;
  /** The benchmark repository the page came from (owner/name), '' when unknown. */
  source: string;
  /** Scored for body F1: human or hand-corrected container truth on a news page. */
  scored: boolean;
  check: ArticleCheck;
  detection: Detection;
  f1: number | null;
  f1Theirs: number | null;
  truthDate: string | null;
  publishedAt: string;
  dateOk: boolean | null;
  dateTheirs: string;
  dateOkTheirs: boolean | null;
  /** The headline against the truth's title (matchTitle); null where the truth has none. */
  titleOk: boolean | null;
  titleOkTheirs: boolean | null;
  readerable: boolean | null;
  ms: { parse: number; check: number; extract: number; readability: number };
  note: string;
}

export interface EvalOptions {
  dir: string;
  only?: string[];
  readability: boolean;
  onPage?: (row: PageResult) => void;
}

export interface EvalResult {
  pages: PageResult[];
  summary: Figure[];
}

/** The body text of an article record, as scored: paragraphs, subheadings and captions. */
export function bodyText(blocks: Block[]): string {
  return readBlockLines({ blocks }).filter(Boolean).join('\n');
}

/** Run detection, extraction and (optionally) Readability over every page of a corpus folder. */
export async function evaluateCorpus(options: EvalOptions): Promise<EvalResult> {
  const pages: PageResult[] = [];
  for (const id of listPages(options.dir, options.only)) {
    const row = await evaluatePage(options.dir, id, options.readability);
    pages.push(row);
    options.onPage?.(row);
  }
  return {
    pages,
    summary: summarise(pages, options.readability),
  };
}

async function evaluatePage(dir: string, id: string, withReadability: boolean): Promise<PageResult> {
  const truth = readTruth(dir, id);
  const url = truth.url ?? '';
  const notes: string[] = [];
  let t = performance.now();
  const doc = parseDocument(readPageHtml(dir, id), url);
  const msParse = performance.now() - t;

  t = performance.now();
  const check = checkArticle(doc, url);
  const msCheck = performance.now() - t;

  // The real extractor's record feeds detection too; a page it cannot extract fails the eval loudly.
  t = performance.now();
  let article: Article;
  try {
    article = extractArticle(doc, url);
  } catch (error) {
    throw new Error(`${id}: extract threw: ${String(error)}`, { cause: error });
  }
  const detection: Detection = article.detection;
  const msExtract = performance.now() - t;
  const govSignals = measureGovValues(doc, url, article);

  const quality = truth.truth.body_quality;
  // Container truth was read and corrected by hand paragraph by paragraph: scored like human truth.
  const scored =
    (quality === 'human' || quality === 'container') && truth.kind !== 'non-article' && !!truth.truth.body;
  const wall = truth.kind !== 'non-article' ? parseTruthDate(truth.truth.date) : null;
  const titledTruth = truth.kind !== 'non-article' ? truth.truth.title : null;

  let f1Theirs: number | null = null;
  let dateTheirs = '';
  let titleTheirs = '';
  let readerable: boolean | null = null;
  let msReadability = 0;
  if (withReadability) {
    readerable = isProbablyReaderable(doc);
    t = performance.now();
    try {
      const parsed = new Readability(doc.cloneNode(true) as Document).parse();
      if (scored) f1Theirs = scoreBodyF1(parsed?.textContent ?? '', truth.truth.body!);
      dateTheirs = toWallIso(parsed?.publishedTime);
      titleTheirs = parsed?.title ?? '';
    } catch (error) {
      notes.push(`readability threw: ${String(error).slice(0, 80)}`);
      if (scored) f1Theirs = 0;
    }
    msReadability = performance.now() - t;
  }
  await releaseDocument(doc);

  return {
    id,
    kind: truth.kind,
    govSignals,
    bodyQuality: quality,
    source: truth.source?.repo ?? '',
    scored,
    check,
    detection,
    f1: scored ? scoreBodyF1(bodyText(article.blocks), truth.truth.body!) : null,
    f1Theirs,
    truthDate: wall ? truth.truth.date : null,
    publishedAt: article.publishedAt,
    dateOk: wall ? matchDate(article.publishedAt, wall) : null,
    dateTheirs,
    dateOkTheirs: wall && withReadability ? matchDate(dateTheirs, wall) : null,
    titleOk: titledTruth ? matchTitle(article.title, titledTruth) : null,
    titleOkTheirs: titledTruth && withReadability ? matchTitle(titleTheirs, titledTruth) : null,
    readerable,
    ms: { parse: msParse, check: msCheck, extract: msExtract, readability: msReadability },
    note: notes.join('; '),
  };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Turn per-page results into the summary figures printed as JSON lines. */
export function summarise(pages: PageResult[], withReadability: boolean): Figure[] {
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string, baseline?: number) =>
    figures.push(
      baseline === undefined
        ? { name, value: round(value), unit }
        : { name, value: round(value), unit, baseline: round(baseline) },
    );

  const scored = pages.filter((p) => p.scored);
  const scoredGov = scored.filter((p) => p.kind === 'gov-news');
  add(
    'eval.body_f1',
    mean(scored.map((p) => p.f1 ?? 0)),
    `mean over ${scored.length} pages`,
    withReadability ? mean(scored.map((p) => p.f1Theirs ?? 0)) : undefined,
  );
  add(
    'eval.body_f1_gov',
    mean(scoredGov.map((p) => p.f1 ?? 0)),
    `mean over ${scoredGov.length} pages`,
    withReadability ? mean(scoredGov.map((p) => p.f1Theirs ?? 0)) : undefined,
  );
  const lowest = scored.reduce<PageResult | null>((a, p) => (a && a.f1! <= p.f1! ? a : p), null);
  add(
    'eval.body_f1_min',
    lowest?.f1 ?? 0,
    `lowest page (${lowest?.id ?? '-'})`,
    withReadability ? Math.min(...scored.map((p) => p.f1Theirs ?? 0)) : undefined,
  );
  const dated = pages.filter((p) => p.dateOk !== null);
  add(
    'eval.date_accuracy',
    mean(dated.map((p) => (p.dateOk ? 1 : 0))),
    `share of ${dated.length} dated pages`,
    withReadability ? mean(dated.map((p) => (p.dateOkTheirs ? 1 : 0))) : undefined,
  );

  const titled = pages.filter((p) => p.titleOk !== null);
  add(
    'eval.title_accuracy',
    mean(titled.map((p) => (p.titleOk ? 1 : 0))),
    `share of ${titled.length} news pages with a title in their truth`,
    withReadability ? mean(titled.map((p) => (p.titleOkTheirs ? 1 : 0))) : undefined,
  );

  const isNews = (p: PageResult) => p.kind !== 'non-article';
  const article = measurePrecisionRecall(
    countConfusion(pages.map((p) => ({ predicted: p.check.isArticle, actual: isNews(p) }))),
  );
  const theirs = withReadability
    ? measurePrecisionRecall(
        countConfusion(pages.map((p) => ({ predicted: !!p.readerable, actual: isNews(p) }))),
      )
    : undefined;
  add(
    'eval.article_precision',
    article.precision,
    `checkArticle over ${pages.length} pages`,
    theirs?.precision,
  );
  add('eval.article_recall', article.recall, `checkArticle over ${pages.length} pages`, theirs?.recall);

  const gov = measurePrecisionRecall(
    countConfusion(pages.map((p) => ({ predicted: p.detection.isGovNews, actual: p.kind === 'gov-news' }))),
  );
  add('eval.gov_precision', gov.precision, `isGovNews over ${pages.length} pages`);
  add('eval.gov_recall', gov.recall, `isGovNews over ${pages.length} pages`);

  for (const figure of summariseDetectionBySource(pages)) add(figure.name, figure.value, figure.unit);

  const ours = pages.map((p) => p.ms.check + p.ms.extract);
  add(
    'eval.ours_seconds',
    ours.reduce((a, b) => a + b, 0) / 1000,
    's (check + extract, all pages)',
    withReadability ? pages.reduce((a, p) => a + p.ms.readability, 0) / 1000 : undefined,
  );
  return figures;
}

export interface SourceRow {
  source: string;
  pages: number;
  f1: number;
  f1Theirs: number | null;
  min: number;
  dated: number;
  datesOk: number;
}

/** Body F1 and dates per source repository, so a rule that helps one source and hurts another shows. */
export function summariseBySource(pages: PageResult[]): SourceRow[] {
  const groups = new Map<string, PageResult[]>();
  for (const p of pages) {
    if (!p.scored && p.dateOk === null) continue;
    const key = p.source || '(unknown)';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .map(([source, group]) => {
      const scored = group.filter((p) => p.scored && p.f1 !== null);
      const theirs = scored.filter((p) => p.f1Theirs !== null);
      const dated = group.filter((p) => p.dateOk !== null);
      return {
        source,
        pages: scored.length,
        f1: mean(scored.map((p) => p.f1!)),
        f1Theirs: theirs.length ? mean(theirs.map((p) => p.f1Theirs!)) : null,
        min: scored.length ? Math.min(...scored.map((p) => p.f1!)) : 0,
        dated: dated.length,
        datesOk: dated.filter((p) => p.dateOk).length,
      };
    })
    .sort((a, b) => b.pages - a.pages || a.source.localeCompare(b.source));
}

/** Compare figures to floors: the names whose value is missing or below its floor. */
export function findFloorBreaches(summary: Figure[], floors: Record<string, number>): string[] {
  const breaches: string[] = [];
  for (const [name, floor] of Object.entries(floors)) {
    const figure = summary.find((f) => f.name === name);
    if (!figure) breaches.push(`${name}: missing (floor ${floor})`);
    else if (figure.value < floor) breaches.push(`${name}: ${figure.value} < floor ${floor}`);
  }
  return breaches;
}
