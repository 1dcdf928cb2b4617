import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Ajv 8 (the only draft 2020-12 validator in the tree) comes with web-ext's addons-linter.
const requireFromLinter = createRequire(createRequire(import.meta.url).resolve('addons-linter/package.json'));

interface ValidateFn {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}

/** Compile lib/export/clippings.schema.json with Ajv's draft 2020-12 build. */
export function compileClippingsSchema(repoRoot: string): ValidateFn {
  const mod = requireFromLinter('ajv/dist/2020') as { default: new (o: object) => { compile(s: unknown): ValidateFn } };
  const ajv = new mod.default({ strict: true, allErrors: true, validateFormats: false });
  const schema: unknown = JSON.parse(readFileSync(resolve(repoRoot, 'lib/export/clippings.schema.json'), 'utf8'));
  return ajv.compile(schema);
}
