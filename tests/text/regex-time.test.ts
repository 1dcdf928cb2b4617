// Every regular expression in lib/ may meet page text, so each one must run in linear time on any
// input: a backtracking pattern on a 200,000-character <title> froze a tab for 35 s. The patterns
// are collected from the sources (literals by the TypeScript parser, `new RegExp` by recording the
// constructor while the modules load), so a new pattern is covered without being listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MAX_RATIO, type PatternSource, type WorkerMessage } from './regex-time.worker.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const LIB = join(root, 'lib');

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

// The worker is TypeScript: tsx's loader is registered in the thread before the module loads.
const WORKER_BOOT = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL('./regex-time.worker.ts', import.meta.url).href,
)}); });`;

/** Longest a single pattern may take over all its attacks before it counts as unbounded. */
const PATTERN_DEADLINE_MS = 20_000;

/**
 * Time every pattern in a worker thread. A pattern that overruns the deadline is reported as slow
 * and the thread is replaced, starting after it: a cubic pattern never finishes, and a synchronous
 * regex cannot be interrupted any other way.
 */
async function timePatterns(patterns: PatternSource[]): Promise<string[]> {
  const slow: string[] = [];
  let from = 0;
  while (from < patterns.length) {
    from = await new Promise<number>((resolveNext, reject) => {
      const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { patterns, from } });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const pattern = patterns[current];
          slow.push(`${pattern?.where} /${pattern?.source}/ ran past ${PATTERN_DEADLINE_MS} ms`);
          void worker.terminate();
          resolveNext(current + 1);
        }, PATTERN_DEADLINE_MS);
      };
      arm();
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'end') {
          clearTimeout(timer);
          void worker.terminate();
          resolveNext(patterns.length);
          return;
        }
        current = message.index;
        if (message.type === 'start') arm();
        const pattern = patterns[message.index];
        if (message.type === 'result') {
          if (process.env.REGEX_TIME_LOG)
            console.log(pattern?.where, message.ratio.toFixed(1), message.attack);
          if (message.ratio > MAX_RATIO)
            slow.push(
              `${pattern?.where} /${pattern?.source}/ ${message.ratio.toFixed(0)}× on ${message.attack}`,
            );
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }
  return slow;
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
    const patterns = [...literals, ...constructed].map(({ where, regex }) => ({
      where,
      source: regex.source,
      flags: regex.flags,
    }));
    expect(patterns.length).toBeGreaterThan(100);
    expect(await timePatterns(patterns)).toEqual([]);
  }, 600_000);
});
