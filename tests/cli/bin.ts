// The CLI as it ships: the bundle lib/cli/build-cli.mjs writes, run by plain Node (no tsx). Built
// once per test worker into its own folder under .output (inside the repository, so the bundle's
// external packages resolve from node_modules as they do for .output/cli).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
let built: string | undefined;

/** Path of the built `baozhai` executable for this test worker. */
export function cliBin(): string {
  if (built) return built;
  const outdir = join(repoRoot, '.output/cli-test', process.env.VITEST_POOL_ID ?? String(process.pid));
  execFileSync(process.execPath, [join(repoRoot, 'lib/cli/build-cli.mjs'), outdir]);
  built = join(outdir, 'baozhai.mjs');
  return built;
}
