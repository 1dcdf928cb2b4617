#!/usr/bin/env node
// The `baozhai` command: the same lib/ code as the extension, run on Node. It runs the bundle
// that `npm install` / `npm run build` write to .output/cli/ while that is newer than every source
// file in lib/, and the TypeScript sources through tsx otherwise (so edits are never missed).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const lib = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(lib, '../.output/cli/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs > newestSource(lib)) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
