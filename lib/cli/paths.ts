import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of baozhai's package.json, found upward from this module (sources or bundled CLI). */
export function findRepoRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'baozhai'
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`baozhai: no package.json of baozhai above ${from}`);
  }
}

/**
 * The first of `paths` that exists ($ENV first); else throw saying how to install the browser
 * (`packages` on Debian) or which variable to point at it.
 */
export function findBrowser(name: string, env: string, paths: string[], packages: string): string {
  const found = [process.env[env], ...paths].find((path) => path && existsSync(path));
  if (!found)
    throw new Error(
      `${name} not found. Install it with:\n  sudo apt-get install -y --no-install-recommends ${packages}\n` +
        `or point ${env} at a ${name} binary.`,
    );
  return found;
}
