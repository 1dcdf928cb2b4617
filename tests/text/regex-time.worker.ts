// The timing half of tests/text/regex-time.test.ts, run in a worker thread so that a pattern which
// never finishes can be stopped: the test terminates this thread when a pattern overruns its time.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as fc from 'fast-check';

// Every attack runs at the screening length; those that cost more than a few scans run again at the
// full length, where a quadratic pattern costs ~10⁸ steps and a linear one about a millisecond.
const SCREEN_LENGTH = 4_000;
const LENGTH = 20_000;
// A linear pattern costs a bounded number of steps per character (alternatives, bounded repeats):
// up to ~60 scans here. A quadratic one costs over 2,000 scans at this length, and twice that at
// twice the length, where a pattern over the limit is measured again so that a stall of the
// machine is not taken for a slow pattern.
export const MAX_RATIO = 250;

export interface PatternSource {
  where: string;
  source: string;
  flags: string;
}

export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'result'; index: number; ratio: number; attack: string }
  | { type: 'end' };

function withoutStateFlags(regex: RegExp): RegExp {
  return new RegExp(regex.source, regex.flags.replace(/[gy]/g, ''));
}

/**
 * Inputs of the shape that makes a backtracking pattern super-linear: a prefix that starts a match,
 * one short piece repeated to the full length, and a character that makes the match fail late.
 * Prefixes and pieces come from strings the pattern itself matches, and from its own literals.
 */
function buildAttacks(regex: RegExp): Array<(length: number) => string> {
  const plain = withoutStateFlags(regex);
  let samples: string[] = [];
  try {
    samples = fc.sample(fc.stringMatching(plain, { size: 'xsmall' }), { numRuns: 4, seed: 12 });
  } catch {
    samples = [];
  }
  // The pattern's own literal runs (an alternation's first few words are enough to start a match).
  const words = [
    ...new Set(
      regex.source
        .replace(/\\[dDsSwWbBnrtfv]|\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}/g, ' ')
        .replace(/\\(.)/g, '$1')
        .split(/[()[\]{}|?*+^$]+/)
        .filter(Boolean)
        .map((w) => w.slice(0, 12)),
    ),
  ].slice(0, 8);
  const pieces = new Set([' ', '\n', 'a', '1', '<', '-', '"', 'a ', ' \n', '作']);
  for (const sample of [...samples, ...words]) {
    for (let i = 0; i < Math.min(sample.length, 8); i++) {
      pieces.add(sample.slice(i, i + 1));
      pieces.add(sample.slice(i, i + 2));
    }
  }
  const prefixes = new Set(words.slice(0, 4));
  for (const sample of samples)
    for (let i = 1; i <= Math.min(sample.length, 4); i++) prefixes.add(sample.slice(0, i));
  // Each attack is a recipe, built at the screening length and again at the full one.
  const attacks = new Map<string, (length: number) => string>();
  const fill = (piece: string, length: number) =>
    piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
  for (const piece of pieces) {
    if (!piece) continue;
    attacks.set(`tail|${piece}`, (n) => `${fill(piece, n)}\u0000`);
    attacks.set(`line|${piece}`, (n) => `${fill(piece, n)}\n\u0000`);
  }
  for (const prefix of prefixes) {
    for (const piece of [' ', '\n', 'a', '1'])
      attacks.set(`after|${prefix}|${piece}`, (n) => `${prefix}${fill(piece, n)}\u0000`);
    for (const piece of pieces)
      if (piece) attacks.set(`both|${prefix}|${piece}`, (n) => fill(`${prefix}${piece}`, n));
  }
  return [...attacks.values()];
}

function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function fastest(run: () => unknown, times = 5): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, timeOnce(run));
  return best;
}

// The linear reference: one pass of the regex engine that matches, and replaces, every character.
const SCAN = /[\s\S]/g;

/** The pattern's time on the text over a linear scan's, each the best of a few runs. */
function measureRatio(global: RegExp, text: string): number {
  const scan = fastest(() => text.replace(SCAN, ''));
  const first = timeOnce(() => text.replace(global, '')) / scan;
  // Far past the limit in one run is proof enough: repeating a quadratic run only stalls the suite.
  if (first > 4 * MAX_RATIO) return first;
  // Otherwise the best of three runs: a shared machine can stall any single one.
  return Math.min(first, fastest(() => text.replace(global, ''), 2) / scan);
}

/** How many times slower than a linear scan of the same text the pattern's worst attack ran. */
function worstRatio(regex: RegExp, screenBudget: number): { ratio: number; attack: string } {
  const global = new RegExp(regex.source, regex.flags.replace(/[gy]/g, '') + 'g');
  let worst = { ratio: 0, attack: '' };
  for (const build of buildAttacks(regex)) {
    const short = build(SCREEN_LENGTH);
    if (timeOnce(() => short.replace(global, '')) < screenBudget) continue;
    const attack = build(LENGTH);
    let ratio = measureRatio(global, attack);
    if (ratio > MAX_RATIO && ratio <= 4 * MAX_RATIO)
      ratio = Math.min(ratio, measureRatio(global, build(2 * LENGTH)));
    if (ratio > worst.ratio) worst = { ratio, attack };
    // One attack that breaks the limit is enough to show the pattern is unbounded.
    if (ratio > MAX_RATIO) break;
  }
  return worst;
}

function describeAttack(attack: string): string {
  return JSON.stringify(attack.length > 40 ? `${attack.slice(0, 40)}…` : attack);
}

// Imported by the test for its constants and types; measures only when started as a worker.
if (!isMainThread) {
  const { patterns, from } = workerData as { patterns: PatternSource[]; from: number };
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  const sample = 'a 作\n<'.repeat(SCREEN_LENGTH / 5);
  // A pattern within a few scans at the screening length cannot be quadratic at the full one.
  const screenBudget = 4 * fastest(() => sample.replace(SCAN, ''), 9);
  for (let index = from; index < patterns.length; index++) {
    const pattern = patterns[index];
    if (!pattern) continue;
    post({ type: 'start', index });
    const { ratio, attack } = worstRatio(new RegExp(pattern.source, pattern.flags), screenBudget);
    post({ type: 'result', index, ratio, attack: describeAttack(attack) });
  }
  post({ type: 'end' });
}
