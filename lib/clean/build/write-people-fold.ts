// Regenerates lib/clean/people-fold.ts: `npx tsx lib/clean/build/write-people-fold.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computePeopleFold, renderPeopleFoldSource } from './people-fold.ts';

const target = fileURLToPath(new URL('../people-fold.ts', import.meta.url));
writeFileSync(target, renderPeopleFoldSource(await computePeopleFold()));
process.stdout.write(`wrote ${target}\n`);
