// `npm run eval -- [DIR] [--chromium] [--no-readability] [--only id1,id2] [--worst N] [--json FILE] [--check-floors]`
// `npm run eval -- --people [DIR]`: officials and roles on the hand-checked gov-news pages.
// `npm run eval -- --reprints [DIR]`: same-story similarity on pairs built from the corpus.
// Per-page rows go to stderr, the summary to stdout as JSON lines {"name","value","unit","baseline"}.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  evaluateCorpus,
  findFloorBreaches,
  summariseBySource,
  type Figure,
  type PageResult,
} from './evaluate.ts';
import { evaluatePeople } from './people.ts';
import { runReprints } from './reprints.ts';
import { repoRoot, resolveSharedRoot } from './corpus.ts';
import { formatDetectionBySource } from './detect-figures.ts';

interface Args {
  dir: string;
  readability: boolean;
  only: string[];
  worst: number;
  json: string;
  checkFloors: boolean;
  people: boolean;
  chromium: boolean;
  reprints: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: join(resolveSharedRoot(), 'corpus'),
    readability: true,
    only: [],
    worst: 0,
    json: '',
    checkFloors: false,
    people: false,
    chromium: false,
    reprints: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-readability') args.readability = false;
    else if (a === '--check-floors') args.checkFloors = true;
    else if (a === '--people') args.people = true;
    else if (a === '--chromium') args.chromium = true;
    else if (a === '--reprints') args.reprints = true;
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--worst') args.worst = Number(argv[++i] ?? 10);
    else if (a === '--json') args.json = argv[++i] ?? '';
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.dir = resolve(a);
  }
  return args;
}

const f2 = (v: number | null) => (v === null ? '  -  ' : v.toFixed(3));
const yn = (v: boolean | null) => (v === null ? '-' : v ? 'ok' : 'NO');

function formatRow(p: PageResult): string {
  const det = `${p.check.isArticle ? 'A' : '-'}${p.detection.isGovNews ? 'G' : '-'} ${p.detection.score.toFixed(2)}`;
  const truthFlags = `${p.kind === 'non-article' ? '-' : 'A'}${p.kind === 'gov-news' ? 'G' : '-'}`;
  const wrong =
    (p.check.isArticle !== (p.kind !== 'non-article') ? ' !A' : '') +
    (p.detection.isGovNews !== (p.kind === 'gov-news') ? ' !G' : '');
  return [
    p.id.padEnd(34),
    p.kind.padEnd(11),
    `f1 ${f2(p.f1)}/${f2(p.f1Theirs)}`,
    `date ${yn(p.dateOk)}/${yn(p.dateOkTheirs)}`,
    `title ${yn(p.titleOk)}/${yn(p.titleOkTheirs)}`,
    `det ${det} truth ${truthFlags}${wrong}`,
    `${Math.round(p.ms.check + p.ms.extract)}ms`,
    p.note,
  ].join('  ');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.people) return runPeople(args.dir);
  if (args.reprints) return runReprints(args.dir);
  const result = await evaluateCorpus({
    dir: args.dir,
    only: args.only,
    readability: args.readability,
    onPage: (row) => process.stderr.write(formatRow(row) + '\n'),
  });

  if (args.worst > 0) {
    process.stderr.write(`\nworst ${args.worst} by body F1:\n`);
    const worst = result.pages
      .filter((p) => p.f1 !== null)
      .sort((a, b) => a.f1! - b.f1!)
      .slice(0, args.worst);
    for (const p of worst) process.stderr.write(formatRow(p) + '\n');
  }
  process.stderr.write('\nper source: pages  body F1 ours/Readability  lowest  dates\n');
  for (const r of summariseBySource(result.pages))
    process.stderr.write(
      `${r.source.padEnd(56)} ${String(r.pages).padStart(3)}  ${f2(r.pages ? r.f1 : null)}/${f2(r.f1Theirs)}  ${f2(r.pages ? r.min : null)}  ${r.datesOk}/${r.dated}\n`,
    );
  process.stderr.write(
    '\ndetection by source (precision/recall; held-out: weights refit without that source):\n',
  );
  for (const line of formatDetectionBySource(result.pages)) process.stderr.write(line + '\n');
  if (args.json) writeFileSync(args.json, JSON.stringify(result.pages, null, 1));
  if (args.chromium) result.summary.push(...(await compareChromium(args, result.pages)));
  for (const figure of result.summary) process.stdout.write(JSON.stringify(figure) + '\n');

  if (args.checkFloors) {
    const floors = JSON.parse(readFileSync(join(repoRoot, 'tests/eval/floors.json'), 'utf8')) as Record<
      string,
      number
    >;
    const breaches = findFloorBreaches(result.summary, floors);
    for (const b of breaches) process.stderr.write(`below floor: ${b}\n`);
    if (breaches.length) return 1;
    process.stderr.write('all floors held\n');
  }
  return 0;
}

// The same pages extracted in real Chromium, against the jsdom figures of this run as baselines.
async function compareChromium(args: Args, pages: PageResult[]): Promise<Figure[]> {
  const { evaluateInChromium } = await import('./chromium.ts');
  const live = await evaluateInChromium(args.dir, args.only);
  const byId = new Map(pages.map((p) => [p.id, p]));
  process.stderr.write('\nChromium vs jsdom, pages differing by more than 0.01:\n');
  for (const row of live) {
    const cli = byId.get(row.id);
    if (row.f1 !== null && cli?.f1 != null && Math.abs(row.f1 - cli.f1) > 0.01)
      process.stderr.write(`${row.id.padEnd(34)} chromium ${f2(row.f1)} jsdom ${f2(cli.f1)} ${row.note}\n`);
  }
  const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
  const scored = live.filter((r) => r.f1 !== null);
  const gov = scored.filter((r) => byId.get(r.id)?.kind === 'gov-news');
  const dated = live.filter((r) => r.dateOk !== null);
  const cliOf = (rows: typeof live) => mean(rows.map((r) => byId.get(r.id)?.f1 ?? 0));
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  return [
    {
      name: 'eval.body_f1_chromium',
      value: r4(mean(scored.map((r) => r.f1!))),
      unit: `mean over ${scored.length} pages in Chromium (baseline: jsdom)`,
      baseline: r4(cliOf(scored)),
    },
    {
      name: 'eval.body_f1_gov_chromium',
      value: r4(mean(gov.map((r) => r.f1!))),
      unit: `mean over ${gov.length} pages in Chromium (baseline: jsdom)`,
      baseline: r4(cliOf(gov)),
    },
    {
      name: 'eval.date_accuracy_chromium',
      value: r4(mean(dated.map((r) => (r.dateOk ? 1 : 0)))),
      unit: `share of ${dated.length} dated pages in Chromium (baseline: jsdom)`,
      baseline: r4(mean(dated.map((r) => (byId.get(r.id)?.dateOk ? 1 : 0)))),
    },
    {
      name: 'eval.extract_ms_chromium',
      value: r4(mean(live.map((r) => r.ms))),
      unit: `ms per page in Chromium (baseline: jsdom extract)`,
      baseline: r4(mean(live.map((r) => byId.get(r.id)?.ms.extract ?? 0))),
    },
  ];
}

function runPeople(dir: string): number {
  const result = evaluatePeople(dir);
  for (const p of result.pages) {
    const notes = [
      ...p.missed.map((n) => `missed ${n}`),
      ...p.extra.map((n) => `extra ${n}`),
      ...p.roleMismatches.map((m) => `roles ${m}`),
    ];
    process.stderr.write(
      `${p.id.padEnd(34)} ${String(p.found.length).padStart(3)} found  ${notes.join('; ')}\n`,
    );
  }
  const figure = (name: string, value: number, unit: string) =>
    process.stdout.write(JSON.stringify({ name, value: Number(value.toFixed(4)), unit }) + '\n');
  figure('people precision', result.precision, 'ratio');
  figure('people recall', result.recall, 'ratio');
  figure('people role agreement', result.roleAgreement, 'ratio');
  figure('people officials matched', result.truePositives, 'count');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
