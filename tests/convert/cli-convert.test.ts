import { spawnSync } from 'node:child_process';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { findSafeCut } from '../../lib/cli/commands/convert';
import { createRandom, generateText } from './random-text';
import { cliBin } from '../cli/bin';

const bin = cliBin();

function runCli(args: string[], input: string | Buffer) {
  return spawnSync(process.execPath, [bin, 'convert', ...args], {
    input,
    maxBuffer: 1 << 26,
    env: { ...process.env, TZ: 'UTC' },
  });
}

describe('findSafeCut', () => {
  it('cuts after the last newline', () => {
    expect(findSafeCut('第一行\n第二行\n未完')).toBe('第一行\n第二行\n'.length);
    expect(findSafeCut('没有换行')).toBe(0);
  });

  it('never cuts right after an ideographic description character', () => {
    const text = `前文\n${'字'.repeat(100)}⿰\n车两\n后`;
    // Both later newlines lie within reach of the ⿰ sequence; the first one is far enough before it.
    expect(findSafeCut(text)).toBe('前文\n'.length);
    const later = `${text}${'字'.repeat(100)}\n尾`;
    expect(findSafeCut(later)).toBe(later.length - 1);
    expect(findSafeCut('⿰\n车')).toBe(0);
  });
});

describe('baozhai convert', () => {
  it('converts stdin to stdout exactly as opencc-js, across chunk boundaries', () => {
    const random = createRandom(99);
    const phrases = ['软件', '数据库', '着力', '发展', '打印机', '鼠标', '里面', '⿰车两', '\n', '😀', '𠀀'];
    const lines: string[] = [];
    let length = 0;
    // More than one 256 K chunk, so the streaming path is exercised.
    while (length < 600_000) {
      const line = generateText(random, phrases, 60);
      lines.push(line);
      length += line.length + 1;
    }
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    // Lone surrogates cannot cross a UTF-8 pipe: compare with what the CLI actually receives.
    const input = bytes.toString('utf8');
    const result = runCli(['--from', 'cn', '--to', 'twp'], bytes);
    expect(result.status).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(OpenCC.Converter({ from: 'cn', to: 'twp' })(input));
  }, 60_000);

  it('decodes UTF-8 split across reads and accepts --from=F', () => {
    const input = Buffer.from('鼠标里面的硅二极管坏了\n', 'utf8');
    const result = runCli(['--from=cn', '--to=hk'], input);
    expect(result.status).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(
      OpenCC.Converter({ from: 'cn', to: 'hk' })('鼠标里面的硅二极管坏了\n'),
    );
  });

  it('refuses unknown locales with exit code 2', () => {
    const result = runCli(['--from', 'cn', '--to', 'xx'], '');
    expect(result.status).toBe(2);
    expect(result.stderr.toString()).toMatch(/--from and --to/);
  });
});
