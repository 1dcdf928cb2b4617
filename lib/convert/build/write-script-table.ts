// Regenerates lib/text/script-table.ts: `npm run generate:script-table`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeScriptTable, renderScriptTableSource } from './script-table';

const target = fileURLToPath(new URL('../../text/script-table.ts', import.meta.url));
writeFileSync(target, renderScriptTableSource(await computeScriptTable()));
process.stdout.write(`wrote ${target}\n`);
