// Bundle the CLI into .output/cli/baozhai.mjs, the file package.json's `bin` names: it runs on
// plain Node, with no TypeScript loader. Packages stay external (jsdom, opencc-js, entities, valibot
// are dependencies); each subcommand is its own chunk, loaded only when used.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Build the CLI into `outdir` (default .output/cli); resolves to the executable's path. */
export async function buildCli(outdir = join(here, '../../.output/cli')) {
  // Chunk names carry a hash: clear the folder so old chunks do not pile up.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { baozhai: join(here, 'bin.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  const bin = join(outdir, 'baozhai.mjs');
  chmodSync(bin, 0o755);
  return bin;
}

// `node lib/cli/build-cli.mjs [OUTDIR]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli(process.argv[2]);
