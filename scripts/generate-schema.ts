// Writes the JSON Schemas of the article record and the export file from their valibot schemas
// (lib/article/schema.ts, lib/export/format.ts): `npm run generate:schema`. tests/house/schema-drift.test.ts
// fails when a committed file differs from what this prints.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonSchema, type ConversionConfig } from '@valibot/to-json-schema';
import * as prettier from 'prettier';
import * as v from 'valibot';
import { ArticleSchema } from '../lib/article/schema';
import {
  CLIPPINGS_FORMAT,
  CLIPPINGS_VERSION,
  ClippingSchema,
  MAX_IMPORT_CLIPPINGS,
} from '../lib/export/format';

const repoRoot = resolve(import.meta.dirname, '..');

const config: ConversionConfig = {
  target: 'draft-2020-12',
  // v.check runs code (valid text, URL schemes) that JSON Schema cannot say; the descriptions say it.
  overrideAction: ({ valibotAction, jsonSchema }) =>
    valibotAction.type === 'check' ? jsonSchema : undefined,
};

/** The export file: its envelope is checked by hand in lib/export/import.ts, with these limits. */
const ClippingsFileSchema = v.strictObject({
  format: v.pipe(
    v.literal(CLIPPINGS_FORMAT),
    v.description('Names the file type; anything else is refused.'),
  ),
  version: v.pipe(
    v.picklist(Array.from({ length: CLIPPINGS_VERSION }, (_, i) => i + 1)),
    v.description(
      `Format version: 2 adds people to each clipping; Baozhai still reads 1. A file with a higher version was made by a newer Baozhai.`,
    ),
  ),
  exportedAt: v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 UTC time of the export.')),
  clippings: v.pipe(
    v.array(ClippingSchema),
    v.maxLength(MAX_IMPORT_CLIPPINGS),
    v.description('Newest first (by savedAt). Ids are unique within the file.'),
  ),
});

const STRINGS =
  'No string may hold a NUL character, an unpaired surrogate or a noncharacter (lib/article/valid.ts).';

/** Each generated file, by its path in the repository, as it is committed (formatted as Prettier does). */
export async function generateSchemas(): Promise<Record<string, string>> {
  const article = {
    $schema: '',
    $id: 'https://baozhai.invalid/schema/article.schema.json',
    title: 'Baozhai article record',
    description: `One article as Baozhai extracts it: the same shape in the content script, the archive, exports and the CLI (\`baozhai extract\` adds a \`file\` field per line). Generated from lib/article/schema.ts by scripts/generate-schema.ts. ${STRINGS}`,
    ...toJsonSchema(ArticleSchema, config),
  };
  const clippings = {
    $schema: '',
    $id: 'https://baozhai.dev/schemas/clippings-v1.json',
    title: 'Baozhai clippings export',
    description: `A file written by Baozhai's export (lib/export/export.ts) and read by its import (lib/export/import.ts). Every field of every clipping is kept. Generated from lib/export/format.ts by scripts/generate-schema.ts. ${STRINGS}`,
    ...toJsonSchema(ClippingsFileSchema, config),
  };
  const files: Record<string, object> = {
    'lib/article/article.schema.json': article,
    'lib/export/clippings.schema.json': clippings,
  };
  const out: Record<string, string> = {};
  for (const [path, schema] of Object.entries(files)) {
    const filepath = resolve(repoRoot, path);
    const options = await prettier.resolveConfig(filepath);
    out[path] = await prettier.format(JSON.stringify(schema), { ...options, filepath });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const [path, text] of Object.entries(await generateSchemas())) {
    writeFileSync(resolve(repoRoot, path), text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
