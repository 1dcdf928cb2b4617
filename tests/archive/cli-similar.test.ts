import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin } from '../cli/bin.ts';
import { repoRoot } from '../extract/shared.ts';

// Invented captures: a story, its traditional-script mirror with pinyin, and another story.
const STORY = `示例省召开全省防汛抗旱工作会议
3月2日，示例省召开全省防汛抗旱工作会议，总结去年工作，部署今年重点任务。
会议指出，要坚持人民至上、生命至上，立足防大汛、抗大旱、抢大险，压紧压实各级责任。
会议强调，各地要加快水毁工程修复，完善监测预警体系，做好抢险队伍和物资储备。
会议要求，进入汛期后实行二十四小时值班制度，确保信息畅通、指挥高效、处置有力。
`;
const MIRROR = `當前位置：首頁 > 要聞
全省防汛抗旱工作會議召開
3月2日，示例省召開全省防汛抗旱工作會議，總結去年工作，部署今年重點任務。
會議指出，要堅持人民至上、生命至上，立足防大汛、抗大旱、搶大險，壓緊壓實各級責任。
會議強調(qiáng)，各地要加快水毀工程修復(fù)，完善監測預警體系，做好搶險隊伍和物資儲備。
會議要求，進入汛期後實行二十四小時值班制度，確保信息暢通、指揮高效、處置有力。
`;
const OTHER = `示例省部署春季植树造林工作
3月2日，示例省召开全省春季植树造林工作会议，部署国土绿化重点任务。
会议指出，要科学开展国土绿化，因地制宜选择树种，提高造林成活率和保存率。
会议强调，各地要压紧压实各级责任，加强林草资源保护，严防森林火灾发生。
`;

// The test spawns the built CLI, slow on a loaded machine.
describe('baozhai similar', { timeout: 180_000 }, () => {
  it('groups a mirror with its original and leaves another story alone, one JSON line per story', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baozhai-similar-'));
    const files = { 'story.txt': STORY, 'mirror.txt': MIRROR, 'other.txt': OTHER };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const result = spawnSync(
      process.execPath,
      [cliBin(), 'similar', ...Object.keys(files).map((f) => path.join(dir, f))],
      { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(0);
    const stories = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { story: number; members: Array<{ file: string; similarity: number }> });
    expect(stories.map((s) => s.members.map((m) => path.basename(m.file)))).toEqual([
      ['story.txt', 'mirror.txt'],
      ['other.txt'],
    ]);
    expect(stories[0]!.members[0]!.similarity).toBe(1);
    expect(stories[0]!.members[1]!.similarity).toBeGreaterThanOrEqual(0.2);
  });
});
