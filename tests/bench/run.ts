// `npm run bench`: runs every tests/bench/*.bench.ts in its own Node process (clean heap, --expose-gc)
// and passes through their JSON lines: {"name","value","unit","baseline"?,"ratio"?}.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

// The CLI figures time the `baozhai` command as users run it: from its bundle, built fresh here.
spawnSync(process.execPath, [join(here, '../../lib/cli/build-cli.mjs')], { stdio: 'inherit' });
// The archive figures time the built extension: build it from this checkout, never time a stale
// .output (BAOZHAI_EXTENSION_PATH names another build to time instead).
if (files.some((f) => f.startsWith('archive')) && !process.env.BAOZHAI_EXTENSION_PATH) {
  const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('bench: `wxt build` failed');
}

let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TZ: 'UTC' },
  });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`bench: ${file} exited with ${result.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
