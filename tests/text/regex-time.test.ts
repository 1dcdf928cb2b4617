// Every regular expression in lib/ may meet page text, so each one must run in linear time on any
// input: a backtracking pattern on a 200,000-character <title> froze a tab for 35 s. The patterns
// are collected from the sources (literals by the TypeScript parser, `new RegExp` by recording the
// constructor while the modules load), so a new pattern is covered without being listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const LIB = join(root, 'lib');
// Every attack runs at the screening length; those that cost more than a few scans run again at the
// full length, where a quadratic pattern costs ~10⁸ steps and a linear one about a millisecond.
const SCREEN_LENGTH = 4_000;
const LENGTH = 20_000;
// A linear pattern costs a bounded number of steps per character (alternatives, bounded repeats):
// up to ~60 scans here. A quadratic one costs over 2,000 scans at this length, and twice that at
// twice the length, where a pattern over the limit is measured again so that a stall of the
// machine is not taken for a slow pattern.
const MAX_RATIO = 250;

interface Pattern {
  where: string;
  regex: RegExp;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals and `new RegExp(...)` call sites in one source file. */
function scanSource(file: string): { literals: Pattern[]; constructed: string[] } {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: Pattern[] = [];
  const constructed: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const slash = node.text.lastIndexOf('/');
      literals.push({
        where: where(node),
        regex: new RegExp(node.text.slice(1, slash), node.text.slice(slash + 1)),
      });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      constructed.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, constructed };
}

/** Patterns built at run time, recorded by wrapping the constructor while every lib module loads. */
async function recordConstructed(files: string[]): Promise<Pattern[]> {
  const Native = globalThis.RegExp;
  const seen: Pattern[] = [];
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?]) {
      const regex = new target(...args);
      const caller = (new Error().stack ?? '').split('\n').find((line) => line.includes(`${LIB}/`)) ?? '';
      const at = /(\/[^\s():]+\.tsx?):(\d+)/.exec(caller);
      seen.push({ where: at ? `${relative(root, at[1] ?? '')}:${at[2]}` : 'unknown', regex });
      return regex;
    },
  });
  try {
    for (const file of files) await import(/* @vite-ignore */ file).catch(() => undefined);
  } finally {
    globalThis.RegExp = Native;
  }
  return seen;
}

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
  // The best of three runs: a shared machine can stall any single one.
  return fastest(() => text.replace(global, ''), 3) / fastest(() => text.replace(SCAN, ''));
}

/** How many times slower than a linear scan of the same text the pattern's worst attack ran. */
function worstRatio(pattern: Pattern, screenBudget: number): { ratio: number; attack: string } {
  const global = new RegExp(pattern.regex.source, pattern.regex.flags.replace(/[gy]/g, '') + 'g');
  let worst = { ratio: 0, attack: '' };
  for (const build of buildAttacks(pattern.regex)) {
    const short = build(SCREEN_LENGTH);
    if (timeOnce(() => short.replace(global, '')) < screenBudget) continue;
    const attack = build(LENGTH);
    let ratio = measureRatio(global, attack);
    if (ratio > MAX_RATIO) ratio = Math.min(ratio, measureRatio(global, build(2 * LENGTH)));
    if (ratio > worst.ratio) worst = { ratio, attack };
    // One attack that breaks the limit is enough to show the pattern is unbounded.
    if (ratio > MAX_RATIO) break;
  }
  return worst;
}

function describeAttack(attack: string): string {
  return JSON.stringify(attack.length > 40 ? `${attack.slice(0, 40)}…` : attack);
}

describe('regular expressions over page text', () => {
  it('run in time linear in the input on long adversarial strings', async () => {
    const files = listSources(LIB);
    const scanned = files.map(scanSource);
    const literals = scanned.flatMap((s) => s.literals);
    const sites = scanned.flatMap((s) => s.constructed);
    // Only modules that build a pattern are loaded: some files in lib/ are generators with effects.
    const constructed = await recordConstructed(files.filter((_, i) => scanned[i]?.constructed.length));
    // Every `new RegExp` site in lib/ was seen while its module loaded, so none escapes the check.
    const seenSites = new Set(constructed.map((p) => p.where));
    expect(
      sites.filter((site) => !seenSites.has(site)),
      'build each pattern once, as a module constant',
    ).toEqual([]);
    const patterns = [...literals, ...constructed];
    expect(patterns.length).toBeGreaterThan(100);

    const sample = 'a 作\n<'.repeat(SCREEN_LENGTH / 5);
    // A pattern within a few scans at the screening length cannot be quadratic at the full one.
    const screenBudget = 4 * fastest(() => sample.replace(SCAN, ''), 9);
    const slow: string[] = [];
    for (const pattern of patterns) {
      const { ratio, attack } = worstRatio(pattern, screenBudget);
      if (process.env.REGEX_TIME_LOG) console.log(pattern.where, ratio.toFixed(1), describeAttack(attack));
      if (ratio > MAX_RATIO)
        slow.push(
          `${pattern.where} /${pattern.regex.source}/ ${ratio.toFixed(0)}× on ${describeAttack(attack)}`,
        );
    }
    expect(slow).toEqual([]);
  }, 240_000);
});
