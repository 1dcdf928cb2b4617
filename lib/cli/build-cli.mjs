// Bundle the CLI into .output/cli/ so `baozhai` starts without compiling TypeScript on every run.
// Packages stay external; each subcommand is its own chunk, loaded only when used.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: { main: join(here, 'main.ts') },
  outdir: join(here, '../../.output/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
