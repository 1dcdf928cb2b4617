import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = [
  'components/popup',
  'components/archive',
  'components/hooks',
  'components/reader',
  'components/shared',
  'entrypoints/popup',
  'entrypoints/archive',
  'entrypoints/reader',
];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('archive and reader strings', () => {
  const used = new Set(
    SOURCES.filter((dir) => existsSync(resolve(repoRoot, dir)))
      .flatMap((dir) => listFiles(resolve(repoRoot, dir)))
      .flatMap((file) =>
        [
          ...readFileSync(file, 'utf8').matchAll(
            /'((?:archive|archivePage|reader|popup|export)_[A-Za-z]+)'/g,
          ),
        ].map((m) => m[1]!),
      ),
  );

  it.each(['en', 'zh_CN', 'zh_TW'])(
    '%s has every key the popup and reader use, with its placeholders',
    (locale) => {
      const messages = JSON.parse(
        readFileSync(resolve(repoRoot, `public/_locales/${locale}/messages.json`), 'utf8'),
      ) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
      expect(used.size).toBeGreaterThan(30);
      for (const key of used) {
        const entry = messages[key];
        expect(entry?.message, `${locale}: ${key}`).toBeTruthy();
        for (const name of entry!.message.match(/\$(\w+)\$/g) ?? []) {
          expect(
            entry!.placeholders?.[name.slice(1, -1).toLowerCase()],
            `${locale}: ${key} ${name}`,
          ).toBeDefined();
        }
      }
    },
  );
});
