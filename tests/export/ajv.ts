import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

/** Compile a JSON Schema file of the repo (draft 2020-12) with Ajv, strict and reporting all errors. */
export function compileSchemaFile(repoRoot: string, path: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(resolve(repoRoot, path), 'utf8')) as object);
}

/** Compile lib/export/clippings.schema.json. */
export function compileClippingsSchema(repoRoot: string) {
  return compileSchemaFile(repoRoot, 'lib/export/clippings.schema.json');
}
