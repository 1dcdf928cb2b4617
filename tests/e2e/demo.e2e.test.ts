// `npm start` on a machine without a display: `baozhai demo` walks the main flow headless
// (detect → toggle → save → popup) and must finish it, not only open a page.
import { rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../../lib/cli/commands/demo';
import { repoRoot } from './parity/flows';

it('baozhai demo walks detection, toggle, save and the popup headless and writes its screenshots', async () => {
  const out = resolve(repoRoot, 'demo-output');
  rmSync(out, { recursive: true, force: true });
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  let code: number;
  try {
    code = await run(['--headless', '--no-build']);
  } finally {
    process.stdout.write = write;
  }
  expect(code).toBe(0);
  const shots = ['1-page', '2-toolbar-reasons', '3-page-traditional', '4-toolbar-saved', '5-popup'];
  for (const name of shots) {
    const path = resolve(out, `${name}.png`);
    expect(written.join('')).toContain(path);
    expect(statSync(path).size).toBeGreaterThan(1_000);
  }
});
