// The import graph per lib/ folder: `npm run graph:imports` prints every cross-folder edge with its count,
// marking the ones that run against the pipeline (tests/house/imports.test.ts fails on any of them).
// `npm run graph:imports -- DIR` reads another checkout's lib/ folder instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const LIB = resolve(dirname(fileURLToPath(import.meta.url)), '../lib');

/**
 * Rank of each lib/ folder: a module may import its own folder, rank 0, or a lower rank.
 * article, text and dom are shared; detect → extract → clean → convert → archive → export is the
 * pipeline; messaging, then the glue that drives a page or the extension (and the sites it runs on),
 * then the CLI over all of it.
 */
export const RANK: Readonly<Record<string, number>> = {
  article: 0,
  text: 0,
  dom: 0,
  detect: 1,
  extract: 2,
  clean: 3,
  convert: 4,
  archive: 5,
  export: 6,
  messaging: 7,
  page: 8,
  background: 8,
  sites: 8,
  cli: 9,
};

export interface ImportEdge {
  /** lib/ folder of the importing module. */
  from: string;
  /** lib/ folder of the imported module, or `../name` for a module outside lib/. */
  to: string;
  /** Importing module, relative to lib/. */
  file: string;
  /** The import specifier as written. */
  specifier: string;
}

function* listSources(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* listSources(path);
    else if (/\.(?:ts|tsx|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** Every relative specifier a module imports or re-exports, static or dynamic, types included. */
export function readSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

function folderOf(lib: string, path: string): string {
  const rel = relative(lib, path);
  return rel.startsWith('..') ? `../${rel.split('/')[1] ?? ''}` : rel.split('/')[0]!;
}

/** Every import from one lib/ folder into another (or out of lib/). */
export function readImportEdges(lib: string = LIB): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const path of listSources(lib)) {
    const from = folderOf(lib, path);
    for (const specifier of readSpecifiers(path, readFileSync(path, 'utf8'))) {
      const to = folderOf(lib, resolve(dirname(path), specifier));
      if (to !== from) edges.push({ from, to, file: relative(lib, path), specifier });
    }
  }
  return edges;
}

/** Whether an edge runs against the pipeline: into a later or same-rank folder, or out of lib/. */
export function isBackward(edge: ImportEdge): boolean {
  const from = RANK[edge.from];
  const to = RANK[edge.to];
  if (from === undefined || to === undefined) return true;
  return to !== 0 && to >= from;
}

/** The graph as text: one line per folder pair with its import count, backward edges marked. */
export function formatImportGraph(edges: readonly ImportEdge[]): string {
  const counts = new Map<string, { edge: ImportEdge; count: number }>();
  for (const edge of edges) {
    const key = `${edge.from}\u0000${edge.to}`;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { edge, count: 1 });
  }
  const rank = (folder: string): number => RANK[folder] ?? 99;
  const rows = [...counts.values()].sort(
    (a, b) =>
      rank(a.edge.from) - rank(b.edge.from) ||
      a.edge.from.localeCompare(b.edge.from) ||
      rank(a.edge.to) - rank(b.edge.to) ||
      a.edge.to.localeCompare(b.edge.to),
  );
  const lines: string[] = [];
  let current = '';
  for (const { edge, count } of rows) {
    if (edge.from !== current) {
      current = edge.from;
      lines.push(`${current} (rank ${RANK[current] ?? '?'})`);
    }
    lines.push(
      `  → ${edge.to.padEnd(12)} ${String(count).padStart(3)}${isBackward(edge) ? '  BACKWARD' : ''}`,
    );
  }
  const backward = edges.filter(isBackward);
  lines.push(`${backward.length} backward import${backward.length === 1 ? '' : 's'}`);
  for (const edge of backward) lines.push(`  ${edge.file}: ${edge.specifier}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(formatImportGraph(readImportEdges(process.argv[2] ? resolve(process.argv[2]) : LIB)));
}
