// `npm run eval -- [DIR] [--no-readability] [--only id1,id2] [--worst N] [--json FILE] [--check-floors]`
// `npm run eval -- --people [DIR]`: officials and roles on the hand-checked gov-news pages.
// `npm run eval -- --reprints [DIR]`: same-story similarity on pairs built from the corpus.
// Per-page rows go to stderr, the summary to stdout as JSON lines {"name","value","unit","baseline"}.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateCorpus, findFloorBreaches, summariseBySource, type PageResult } from './evaluate.ts';
import { evaluatePeople } from './people.ts';
import { runReprints } from './reprints.ts';
import { repoRoot, resolveSharedRoot } from './corpus.ts';

interface Args {
  dir: string;
  readability: boolean;
  only: string[];
  worst: number;
  json: string;
  checkFloors: boolean;
  people: boolean;
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
    reprints: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-readability') args.readability = false;
    else if (a === '--check-floors') args.checkFloors = true;
    else if (a === '--people') args.people = true;
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
  if (!result.extractAvailable) process.stderr.write('extract unavailable: body F1 and dates not scored\n');

  if (args.worst > 0) {
    process.stderr.write(`\nworst ${args.worst} by body F1:\n`);
    const worst = result.pages
      .filter((p) => p.f1 !== null)
      .sort((a, b) => a.f1! - b.f1!)
      .slice(0, args.worst);
    for (const p of worst) process.stderr.write(formatRow(p) + '\n');
  }
  if (result.extractAvailable) {
    process.stderr.write('\nper source: pages  body F1 ours/Readability  lowest  dates\n');
    for (const r of summariseBySource(result.pages))
      process.stderr.write(
        `${r.source.padEnd(56)} ${String(r.pages).padStart(3)}  ${f2(r.pages ? r.f1 : null)}/${f2(r.f1Theirs)}  ${f2(r.pages ? r.min : null)}  ${r.datesOk}/${r.dated}\n`,
      );
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(result.pages, null, 1));
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
