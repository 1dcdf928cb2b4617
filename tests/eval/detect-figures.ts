// Detection figures that say whether the detectors hold on sources they were not tuned on: precision
// and recall per source repository for the hand-set rules, and leave-one-source-out figures for the
// government-news weights (fit the same logistic model without one source, score that source).
import type { PageFeatures } from '../../lib/detect/features.ts';
import type { ArticleDraft } from '../../lib/article/record.ts';
import { collectGovEvidence } from '../../lib/detect/index.ts';
import type { GovEvidence, SignalName } from '../../lib/detect/gov.ts';
import { GOV_POINTS, WEIGHTS, measureGovSignals } from '../../lib/detect/gov.ts';
import { countConfusion, measurePrecisionRecall, type Confusion } from './score.ts';
import type { Kind } from './corpus.ts';

/** PageFeatures without DOM nodes: what the article check scores, as JSON. */
export type PlainFeatures = Omit<PageFeatures, 'sample'> & {
  sample: Omit<PageFeatures['sample'], 'blocks' | 'mainNode' | 'main'> & {
    main: Array<{ text: string; han: number; punct: number; linkHan: number }>;
  };
};

/** One corpus page's detection evidence (scripts/dump-detect-evidence.ts writes these). */
export interface EvidenceRow {
  id: string;
  kind: Kind;
  source: string;
  features: PlainFeatures;
  evidence: GovEvidence;
}

/** Drop the DOM nodes from measured features. */
export function toPlainFeatures(f: PageFeatures): PlainFeatures {
  const { blocks: _blocks, mainNode: _mainNode, main, ...sample } = f.sample;
  return {
    ...f,
    sample: {
      ...sample,
      main: main.map((b) => ({ text: b.text, han: b.han, punct: b.punct, linkHan: b.linkHan })),
    },
  };
}

export const SIGNALS = Object.keys(WEIGHTS) as SignalName[];

export interface Sample {
  id: string;
  source: string;
  x: number[];
  y: number;
}

export interface LogisticModel {
  w: number[];
  b: number;
}

/** The score of a fitted model; the page is government news when it is at least 0. */
export function predict(model: LogisticModel, x: number[]): number {
  let z = model.b;
  for (let j = 0; j < x.length; j++) z += model.w[j]! * x[j]!;
  return z;
}

/**
 * Sign-constrained, L2-regularised logistic regression by projected gradient descent: each weight keeps
 * the sign it has in gov.ts, and `fixed` weights (hand rules) are not fitted. The cut then moves to the
 * best F1 on the training pages, since the classes are unbalanced (1 in 6 is government news).
 */
export function fitLogistic(samples: Sample[], options: FitOptions = {}): LogisticModel {
  const lambda = options.lambda ?? 0.003;
  const fixed = options.fixed ?? {};
  const d = SIGNALS.length;
  // Shrink toward the hand-set points (the prior) or toward zero.
  const prior = SIGNALS.map((n) => (options.prior ? WEIGHTS[n] : 0));
  const w = SIGNALS.map((n, j) => fixed[n] ?? prior[j]!);
  let b = options.prior ? -GOV_POINTS : -2;
  const rate = 0.5;
  for (let iter = 0; iter < (options.iterations ?? 4000); iter++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const s of samples) {
      const err = 1 / (1 + Math.exp(-predict({ w, b }, s.x))) - s.y;
      for (let j = 0; j < d; j++) gw[j]! += err * s.x[j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) {
      const name = SIGNALS[j]!;
      if (fixed[name] !== undefined) continue;
      w[j] = w[j]! - rate * (gw[j]! / samples.length + lambda * (w[j]! - prior[j]!));
      const sign = Math.sign(WEIGHTS[name]);
      if (sign > 0) w[j] = Math.max(0, w[j]!);
      if (sign < 0) w[j] = Math.min(0, w[j]!);
      if (sign === 0) w[j] = 0;
    }
    b -= rate * (gb / samples.length);
  }
  const scores = samples.map((s) => ({ z: predict({ w, b }, s.x), y: s.y }));
  let best = { f1: -1, cut: 0 };
  for (const { z: cut } of scores) {
    const pr = measurePrecisionRecall(
      countConfusion(scores.map((s) => ({ predicted: s.z >= cut, actual: s.y === 1 }))),
    );
    const f1 = (2 * pr.precision * pr.recall) / Math.max(pr.precision + pr.recall, 1e-9);
    if (f1 > best.f1) best = { f1, cut };
  }
  return { w, b: b - best.cut + 1e-9 };
}

export interface FitOptions {
  /** L2 penalty on each weight's distance from its prior. */
  lambda?: number;
  iterations?: number;
  /** Weights kept as set (hand rules such as the statute veto). */
  fixed?: Partial<Record<SignalName, number>>;
  /** Start from and shrink toward the points in gov.ts instead of zero. */
  prior?: boolean;
}

export interface SourceFigure {
  source: string;
  pages: number;
  confusion: Confusion;
  precision: number;
  recall: number;
}

/** Precision and recall per source repository, and over all of them. */
export function measurePerSource(rows: Array<{ source: string; predicted: boolean; actual: boolean }>): {
  overall: SourceFigure;
  sources: SourceFigure[];
} {
  const figure = (source: string, part: typeof rows): SourceFigure => {
    const confusion = countConfusion(part);
    return { source, pages: part.length, confusion, ...measurePrecisionRecall(confusion) };
  };
  const sources = [...new Set(rows.map((r) => r.source))].sort().map((s) =>
    figure(
      s,
      rows.filter((r) => r.source === s),
    ),
  );
  return { overall: figure('all', rows), sources };
}

/** Leave-one-source-out: for each source, fit on the others and predict its pages. */
export function predictLeaveOneSourceOut(
  samples: Sample[],
  options: FitOptions = {},
): Array<{ id: string; source: string; predicted: boolean; actual: boolean }> {
  const out: Array<{ id: string; source: string; predicted: boolean; actual: boolean }> = [];
  for (const source of [...new Set(samples.map((s) => s.source))].sort()) {
    const model = fitLogistic(
      samples.filter((s) => s.source !== source),
      options,
    );
    for (const s of samples.filter((t) => t.source === source))
      out.push({ id: s.id, source, predicted: predict(model, s.x) >= 0, actual: s.y === 1 });
  }
  return out;
}

/** The government-news signal values of a page, in SIGNALS order. */
export function measureGovValues(doc: Document, url: string, draft: ArticleDraft): number[] {
  const { values } = measureGovSignals(collectGovEvidence(doc, url, draft));
  return SIGNALS.map((n) => values[n]);
}

// The refit shrinks toward the hand-set points: weights move only as far as the other sources demand.
export const LOSO_FIT: FitOptions = { lambda: 0.1, prior: true, iterations: 1500 };

interface DetectedPage {
  id: string;
  kind: Kind;
  source: string;
  govSignals: number[];
  check: { isArticle: boolean };
  detection: { isGovNews: boolean };
}

interface DetectionBySource {
  article: ReturnType<typeof measurePerSource>;
  gov: ReturnType<typeof measurePerSource>;
  loso: ReturnType<typeof measurePerSource>;
}

// The refits take seconds: the summary and the per-source lines share one run.
const measured = new WeakMap<DetectedPage[], DetectionBySource>();

/** Per-source precision and recall of both detectors, and the leave-one-source-out government figures. */
export function measureDetectionBySource(pages: DetectedPage[]): DetectionBySource {
  const known = measured.get(pages);
  if (known) return known;
  const article = measurePerSource(
    pages.map((p) => ({ source: p.source, predicted: p.check.isArticle, actual: p.kind !== 'non-article' })),
  );
  const gov = measurePerSource(
    pages.map((p) => ({ source: p.source, predicted: p.detection.isGovNews, actual: p.kind === 'gov-news' })),
  );
  const samples = pages.map((p) => ({
    id: p.id,
    source: p.source,
    x: p.govSignals,
    y: p.kind === 'gov-news' ? 1 : 0,
  }));
  const loso = measurePerSource(predictLeaveOneSourceOut(samples, LOSO_FIT));
  measured.set(pages, { article, gov, loso });
  return { article, gov, loso };
}

/** The leave-one-source-out figures for the summary (the whole-corpus ones are computed beside them). */
export function summariseDetectionBySource(
  pages: DetectedPage[],
): Array<{ name: string; value: number; unit: string }> {
  const sources = new Set(pages.map((p) => p.source)).size;
  const { loso } = measureDetectionBySource(pages);
  const unit = `isGovNews refit without each of ${sources} sources, scored on it`;
  return [
    { name: 'eval.gov_loso_precision', value: loso.overall.precision, unit },
    { name: 'eval.gov_loso_recall', value: loso.overall.recall, unit },
  ];
}

/** Lines for stderr: per source, pages, article P/R, government P/R and the held-out government P/R. */
export function formatDetectionBySource(pages: DetectedPage[]): string[] {
  const { article, gov, loso } = measureDetectionBySource(pages);
  const f = (s: SourceFigure | undefined) =>
    s ? `${s.precision.toFixed(2)}/${s.recall.toFixed(2)}` : '  -  ';
  const lines = [`${'source'.padEnd(56)} pages  article P/R  gov P/R  gov held-out P/R`];
  for (const a of [...article.sources, article.overall]) {
    const g = [...gov.sources, gov.overall].find((s) => s.source === a.source);
    const l = [...loso.sources, loso.overall].find((s) => s.source === a.source);
    lines.push(`${a.source.padEnd(56)} ${String(a.pages).padStart(5)}  ${f(a)}    ${f(g)}  ${f(l)}`);
  }
  return lines;
}
