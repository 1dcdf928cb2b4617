import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../extract/shared.ts';
import { compileSchemaFile } from './ajv.ts';
import { cliBin } from '../cli/bin.ts';

function runCite(args: string[]) {
  return spawnSync(process.execPath, [cliBin(), 'cite', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 60_000,
  });
}

const html = 'tests/fixtures/pages/people-rm-txt.html';
const txt = 'tests/fixtures/text/county-meeting.txt';

// Each test spawns the CLI (tsx from the sources), slow on a loaded machine.
describe('baozhai cite', { timeout: 180_000 }, () => {
  it('cites pages and captures in GB/T 7714 by default, one line each', () => {
    const result = runCite([html, txt, '--accessed', '2026-12-03']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^.*青山县推进农村供水提质工程\[(N|EB)\/OL\]\. .*\[2026-12-03\]\. http:\/\/politics\.people\.com\.cn\/n1\/2024\/0305\/c1001-40000001\.html\.$/,
    );
    expect(lines[1]).toBe('白露, 顾远. 东川县召开秋冬季森林防火工作会议[EB/OL]. (2023-10-12)[2026-12-03].');
  });

  it('writes CSL-JSON that validates, and RIS records', () => {
    const csl = runCite([html, txt, '--format', 'csl-json', '--accessed', '2026-12-03']);
    expect(csl.status).toBe(0);
    const validate = compileSchemaFile(repoRoot, 'tests/fixtures/csl/csl-data.schema.json');
    expect(validate(JSON.parse(csl.stdout))).toBe(true);
    const ris = runCite([txt, '--format', 'ris', '--accessed', '2026-12-03']);
    expect(ris.stdout).toContain('TY  - NEWS\r\nAU  - 白露\r\nAU  - 顾远\r\n');
  });

  it('cites the clippings of an export file as accessed on the day each was saved', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baozhai-cite-'));
    const file = path.join(dir, 'export.json');
    writeFileSync(file, readFileSync(path.join(repoRoot, 'tests/fixtures/import/valid-two.json')));
    const result = runCite([file, '--format', 'apa']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses an unknown format with the usage, and names a missing file', () => {
    expect(runCite([txt, '--format', 'bibtex']).status).toBe(2);
    const missing = runCite(['no-such-file.html']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-file\.html/);
  });
});
