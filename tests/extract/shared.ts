// Where ../shared lives (corpus and seeds), overridable with BAOZHAI_SHARED.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = process.env.BAOZHAI_SHARED ?? path.resolve(repoRoot, '../shared');
export const hasShared = existsSync(sharedDir);
