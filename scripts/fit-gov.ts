// Tune the detectors on the dumped corpus evidence (npm run detect:dump): `npm run detect:fit -- [EVIDENCE.json]`.
// Prints the article check's and the shipped government-news weights' precision and recall, per source
// repository; a sign-constrained logistic fit on the whole corpus (weights to compare with gov.ts); and that
// fit leave-one-source-out, the figure that says whether the signals hold on a source never seen.
// LAMBDA sets the fit's L2 penalty, PRIOR=0 shrinks toward zero instead of gov.ts; VERBOSE=1 lists errors.
import { readFileSync } from 'node:fs';
import { ARTICLE_POINTS, readDocumentKind, scoreArticle } from '../lib/detect/article-check.ts';
import { GOV_POINTS, measureGovSignals, scoreGov } from '../lib/detect/gov.ts';
import {
  LOSO_FIT,
  SIGNALS,
  fitLogistic,
  measurePerSource,
  predict,
  predictLeaveOneSourceOut,
  type EvidenceRow,
  type Sample,
  type SourceFigure,
} from '../tests/eval/detect-figures.ts';

const f3 = (v: number) => v.toFixed(3);

function printFigures(label: string, figures: { overall: SourceFigure; sources: SourceFigure[] }): void {
  const o = figures.overall;
  console.log(
    `${label}: precision ${f3(o.precision)} recall ${f3(o.recall)} (tp ${o.confusion.tp}, fp ${o.confusion.fp}, fn ${o.confusion.fn})`,
  );
  for (const s of figures.sources) {
    const c = s.confusion;
    if (c.fp + c.fn === 0) continue;
    console.log(`  ${s.source.padEnd(52)} P ${f3(s.precision)} R ${f3(s.recall)} (fp ${c.fp}, fn ${c.fn})`);
  }
}

function main(): void {
  const file = process.argv[2] ?? '/tmp/baozhai-detect-evidence.json';
  const lambda = Number(process.env.LAMBDA ?? 0.003);
  const verbose = !!process.env.VERBOSE;
  const rows = JSON.parse(readFileSync(file, 'utf8')) as EvidenceRow[];
  // Re-derive what the article check decides from the dumped features, so a change to it counts here too.
  for (const r of rows) {
    const points = scoreArticle(r.features);
    r.evidence.isArticle = points.total >= ARTICLE_POINTS;
    r.evidence.articleReasons = points.reasons;
    r.evidence.documentKind = readDocumentKind(r.features);
  }

  const article = rows.map((r) => {
    const points = scoreArticle(r.features);
    return {
      id: r.id,
      source: r.source,
      total: points.total,
      predicted: points.total >= ARTICLE_POINTS,
      actual: r.kind !== 'non-article',
    };
  });
  printFigures('article check', measurePerSource(article));
  if (verbose)
    for (const r of article)
      if (r.predicted !== r.actual)
        console.log(`    ${r.actual ? 'FN' : 'FP'} ${r.id} ${r.total.toFixed(2)}`);

  const gov = rows.map((r) => {
    const total = scoreGov(r.evidence).total;
    return {
      id: r.id,
      source: r.source,
      total,
      predicted: total >= GOV_POINTS,
      actual: r.kind === 'gov-news',
    };
  });
  printFigures('\ngovernment news, weights in gov.ts', measurePerSource(gov));
  if (verbose)
    for (const r of gov)
      if (r.predicted !== r.actual)
        console.log(`    ${r.actual ? 'FN' : 'FP'} ${r.id} ${r.total.toFixed(2)}`);

  const samples: Sample[] = rows.map((r) => {
    const { values } = measureGovSignals(r.evidence);
    return { id: r.id, source: r.source, x: SIGNALS.map((n) => values[n]), y: r.kind === 'gov-news' ? 1 : 0 };
  });
  const model = fitLogistic(samples, { lambda, prior: process.env.PRIOR !== '0' });
  const fitted = measurePerSource(
    samples.map((s) => ({ source: s.source, predicted: predict(model, s.x) >= 0, actual: s.y === 1 })),
  );
  printFigures(`\nlogistic fit (lambda ${lambda}), threshold ${f3(-model.b)}`, fitted);
  for (let j = 0; j < SIGNALS.length; j++)
    console.log(`  ${SIGNALS[j]!.padEnd(22)} ${model.w[j]!.toFixed(2)}`);

  // The eval's refit (shrunk toward the hand-set points); PRIOR=0 refits from zero instead.
  const held = predictLeaveOneSourceOut(
    samples,
    process.env.PRIOR === '0'
      ? { lambda }
      : { ...LOSO_FIT, lambda: Number(process.env.LAMBDA ?? LOSO_FIT.lambda) },
  );
  printFigures('\nleave-one-source-out refit', measurePerSource(held));
  if (verbose)
    for (const p of held) if (p.predicted !== p.actual) console.log(`    ${p.actual ? 'FN' : 'FP'} ${p.id}`);
}

main();
