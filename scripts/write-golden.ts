// Write (or rewrite) the expected file of named fixtures, after reviewing their output by eye:
//   npm run write:golden -- people-rm-txt.html [...]
// The golden test never writes these itself: a missing expected file fails.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractFixture, pagesDir, toGolden } from '../tests/extract/golden.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: write-golden.ts FIXTURE.html...');
  process.exitCode = 2;
}
for (const file of files) {
  const golden = toGolden(extractFixture(path.basename(file), 'jsdom'));
  const out = path.join(pagesDir, path.basename(file).replace(/\.html$/, '.expected.json'));
  writeFileSync(out, `${JSON.stringify(golden, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
