// Regenerates lib/clean/people-fold.ts: `npm run generate:people-fold`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { computePeopleFold, renderPeopleFoldSource } from './people-fold.ts';

const target = fileURLToPath(new URL('../lib/clean/people-fold.ts', import.meta.url));
const source = renderPeopleFoldSource(await computePeopleFold());
writeFileSync(target, await format(source, { ...(await resolveConfig(target)), filepath: target }));
process.stdout.write(`wrote ${target}\n`);
