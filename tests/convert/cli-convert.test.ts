import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { findSafeCut } from '../../lib/cli/commands/convert';
import { createRandom, generateText } from './random-text';

const bin = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../lib/cli/baozhai.mjs');

function runCli(args: string[], input: string | Buffer) {
  return spawnSync(process.execPath, [bin, 'convert', ...args], { input, maxBuffer: 1 << 26, env: { ...process.env, TZ: 'UTC' } });
}

describe('findSafeCut', () => {
  it('cuts after the last newline', () => {
    expect(findSafeCut('第一行\n第二行\n未完')).toBe('第一行\n第二行\n'.length);
    expect(findSafeCut('没有换行')).toBe(0);
  });

  it('never cuts right after an ideographic description character', () => {
    const text = `前文\n${'字'.repeat(100)}⿰\n车两\n后`;
    const cut = findSafeCut(text);
    expect(text.slice(0, cut).endsWith('车两\n')).toBe(true);
    expect(findSafeCut('⿰\n车')).toBe(0);
  });
});

describe('baozhai convert', () => {
  it('converts stdin to stdout exactly as opencc-js, across chunk boundaries', () => {
    const random = createRandom(99);
    const phrases = ['软件', '数据库', '着力', '发展', '打印机', '鼠标', '里面', '⿰车两', '\n', '😀', '𠀀'];
    const lines: string[] = [];
    // More than one 256 K chunk, so the streaming path is exercised.
    while (lines.join('\n').length < 600_000) lines.push(generateText(random, phrases, 60));
    const input = lines.join('\n');
    const result = runCli(['--from', 'cn', '--to', 'twp'], input);
    expect(result.status).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(OpenCC.Converter({ from: 'cn', to: 'twp' })(input));
  }, 60_000);

  it('decodes UTF-8 split across reads and accepts --from=F', () => {
    const input = Buffer.from('鼠标里面的硅二极管坏了\n', 'utf8');
    const result = runCli(['--from=cn', '--to=hk'], input);
    expect(result.status).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(OpenCC.Converter({ from: 'cn', to: 'hk' })('鼠标里面的硅二极管坏了\n'));
  });

  it('refuses unknown locales with exit code 2', () => {
    const result = runCli(['--from', 'cn', '--to', 'xx'], '');
    expect(result.status).toBe(2);
    expect(result.stderr.toString()).toMatch(/--from and --to/);
  });
});
