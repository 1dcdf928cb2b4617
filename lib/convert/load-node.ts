// Node loader (CLI, bench, tests): the extension's tables, generated once into a cache folder.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

// Bump when the table format or the opencc-js version changes, so stale caches are rebuilt.
const CACHE_VERSION = 'opencc-js-1.4.2/table-3/utf-16le';

/** Default cache folder: .cache/baozhai-dicts in the node_modules that holds opencc-js. */
export function locateDictCache(): string {
  if (process.env.BAOZHAI_DICT_CACHE) return process.env.BAOZHAI_DICT_CACHE;
  // Resolved like a require, so it holds from the sources and from the bundled CLI alike.
  const opencc = createRequire(import.meta.url).resolve('opencc-js');
  const modules = opencc.slice(0, opencc.lastIndexOf(`${sep}node_modules${sep}`) + '/node_modules'.length);
  return join(modules, '.cache', 'baozhai-dicts');
}

/** Generate the tables (UTF-16LE files) into `dir` unless a cache of the current version is already there. */
export async function ensureDictCache(dir: string = locateDictCache()): Promise<string> {
  const stamp = join(dir, 'VERSION');
  try {
    if (readFileSync(stamp, 'utf8') === CACHE_VERSION) return dir;
  } catch {
    // No cache yet.
  }
  mkdirSync(join(dir, 'dicts'), { recursive: true });
  // Loaded only on a cache miss: the build step reads opencc-js's own modules, which a warm start never needs.
  const { buildDictAssets } = await import('./build/dict-assets');
  for (const asset of await buildDictAssets()) {
    // Write then rename so a concurrent reader never sees half a table.
    const target = join(dir, asset.relativeDest);
    const temp = `${target}.${process.pid}.tmp`;
    // UTF-16LE, the engine's own string encoding: decoding it costs a third of decoding UTF-8.
    writeFileSync(temp, Buffer.from(asset.contents, 'utf16le'));
    renameSync(temp, target);
  }
  writeFileSync(stamp, CACHE_VERSION);
  return dir;
}

/** A `loadDict` for createConverterFactory that reads the cached tables from disk. */
export function createNodeDictLoader(dir: string = locateDictCache()): (name: string) => Promise<string> {
  let ready: Promise<string> | null = null;
  return async (name) => {
    ready ??= ensureDictCache(dir);
    const root = await ready;
    if (name.includes('/') || name.includes('\\')) throw new Error(`bad dictionary name ${name}`);
    return (await readFile(join(root, 'dicts', name))).toString('utf16le');
  };
}
