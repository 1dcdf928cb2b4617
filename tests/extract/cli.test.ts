import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './shared.ts';
import { cliBin } from '../cli/bin.ts';

function runCli(args: string[]): { status: number | null; lines: Record<string, unknown>[]; stderr: string } {
  const result = spawnSync(process.execPath, [cliBin(), 'extract', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 60_000,
  });
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

describe('baozhai extract', () => {
  it('prints one record per file with its file name, the URL taken from the canonical link', () => {
    const html = 'tests/fixtures/pages/people-rm-txt.html';
    const txt = 'tests/fixtures/text/county-meeting.txt';
    const { status, lines } = runCli([html, txt]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: html,
      url: 'http://politics.people.com.cn/n1/2024/0305/c1001-40000001.html',
      title: '青山县推进农村供水提质工程',
    });
    expect(lines[1]).toMatchObject({
      file: txt,
      title: '东川县召开秋冬季森林防火工作会议',
      kicker: '县长在会上强调',
      subtitle: '压实责任 严防死守 确保全县森林资源安全',
      publishedAt: '2023-10-12T16:40:00+08:00',
      source: '东川融媒',
      authors: ['白露', '顾远'],
      editors: ['林杉'],
    });
    const blocks = lines[1]?.blocks as { type: string; text?: string; caption?: string }[];
    expect(blocks.filter((b) => b.type === 'figure')).toHaveLength(1);
    expect(blocks.map((b) => b.text ?? '').join('\n')).not.toMatch(/上一篇|相关推荐|当前位置|巡山护林员/);
  });

  it('takes --url over the page', () => {
    const { status, lines } = runCli([
      'tests/fixtures/pages/gov-ucap-content.html',
      '--url',
      'https://example.gov.cn/a.htm',
    ]);
    expect(status).toBe(0);
    expect(lines[0]?.url).toBe('https://example.gov.cn/a.htm');
  });

  it('fails with a usage message without files, and with exit 1 on a missing file', () => {
    expect(runCli([]).status).toBe(2);
    const missing = runCli(['tests/fixtures/pages/does-not-exist.html']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does-not-exist.html');
  });
});
