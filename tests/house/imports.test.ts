// The pipeline, as the import graph: lib/article, lib/text and lib/dom are shared; detect → extract →
// clean → convert → archive → export each import only from stages before them; the glue folders after.
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIB, RANK, isBackward, readImportEdges, readSpecifiers } from '../../scripts/import-graph.ts';

describe('the import graph follows the pipeline', () => {
  it('ranks every lib/ folder', () => {
    const folders = readdirSync(LIB).filter((name) => statSync(join(LIB, name)).isDirectory());
    expect(folders.filter((name) => !(name in RANK))).toEqual([]);
  });

  it('has no import against the pipeline', () => {
    const against = readImportEdges().filter(isBackward);
    expect(against.map((e) => `${e.file}: ${e.specifier} (${e.from} → ${e.to})`)).toEqual([]);
  });

  it('reads every kind of import: static, type-only, re-export, dynamic and import types', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../clean/b.ts';",
      "export { c } from '../convert/c';",
      "export * from './d';",
      "const e = await import('../archive/e.ts');",
      "let f: import('../export/f.ts').F;",
      "import { g } from 'node:fs';",
      "// import { h } from '../h.ts';",
      'const s = "from \'../fake.ts\'";',
    ].join('\n');
    expect(readSpecifiers('x.ts', text)).toEqual([
      './a.ts',
      '../clean/b.ts',
      '../convert/c',
      './d',
      '../archive/e.ts',
      '../export/f.ts',
    ]);
  });

  it('flags an import into a later stage, a sibling glue folder and out of lib/', () => {
    const root = mkdtempSync(join(tmpdir(), 'baozhai-imports-'));
    try {
      const lib = join(root, 'lib');
      for (const folder of ['extract', 'clean', 'page', 'article'])
        mkdirSync(join(lib, folder), { recursive: true });
      writeFileSync(
        join(lib, 'extract/x.ts'),
        "import { a } from '../clean/a.ts';\nimport '../article/r.ts';\n",
      );
      writeFileSync(
        join(lib, 'clean/a.ts'),
        "import type { X } from '../extract/x.ts';\nimport '../page/p.ts';\n",
      );
      writeFileSync(join(lib, 'page/p.ts'), "import '../../components/c.tsx';\n");
      const flagged = readImportEdges(lib)
        .filter(isBackward)
        .map((e) => `${e.from} → ${e.to}`);
      expect(flagged).toEqual(['clean → page', 'extract → clean', 'page → ../components']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
