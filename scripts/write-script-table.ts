// Regenerates lib/text/script-table.ts: `npm run generate:script-table`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { computeScriptTable, renderScriptTableSource } from './script-table.ts';

const target = fileURLToPath(new URL('../lib/text/script-table.ts', import.meta.url));
const source = renderScriptTableSource(await computeScriptTable());
writeFileSync(target, await format(source, { ...(await resolveConfig(target)), filepath: target }));
process.stdout.write(`wrote ${target}\n`);
