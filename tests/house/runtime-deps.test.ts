// What ships and what the CLI runs on: the production dependency tree (`npm ci --omit=dev`) holds
// only runtime packages. A peer dependency once pulled wxt, vite, rollup, esbuild and web-ext-run
// into it (432 packages); the lockfile says which packages are dev-only.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('production dependency tree', () => {
  it('holds no build tool and stays small', () => {
    const lock = JSON.parse(readFileSync(resolve(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    const production = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const tools = ['wxt', 'vite', 'rollup', 'esbuild', 'web-ext-run', '@wxt-dev/webextension-polyfill'];
    expect(production.filter((name) => tools.includes(name))).toEqual([]);
    // 53 today (jsdom's tree is most of it): a build tool arriving again would add hundreds.
    expect(production.length).toBeLessThan(100);
  });
});
