// Regenerates lib/convert/script-table.ts: `npx tsx lib/convert/build/write-script-table.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeScriptTable, renderScriptTableSource } from './script-table';

const target = fileURLToPath(new URL('../script-table.ts', import.meta.url));
writeFileSync(target, renderScriptTableSource(await computeScriptTable()));
process.stdout.write(`wrote ${target}\n`);
