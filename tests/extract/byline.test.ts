import { describe, expect, it } from 'vitest';
import {
  readAuthors,
  readEditors,
  readInlineByline,
  readOriginalTitle,
  readSource,
  splitNames,
  stripTailReporter,
} from '../../lib/extract/byline.ts';

describe('bylines', () => {
  it('splits names one per entry', () => {
    expect(splitNames('林小川、苗雨')).toEqual(['林小川', '苗雨']);
    expect(splitNames('丁原 左青 石蕾')).toEqual(['丁原', '左青', '石蕾']);
    expect(splitNames('河北日报记者周文、郑晴')).toEqual(['周文', '郑晴']);
    // Printed without a separator: two three-character names, the second starting with a surname.
    expect(splitNames('韩冬梅范小军')).toEqual(['韩冬梅', '范小军']);
  });

  it('reads reporters from labelled lines', () => {
    expect(readAuthors('记者 林小川 苗雨')).toEqual(['林小川', '苗雨']);
    expect(readAuthors('本报记者 韩冬')).toEqual(['韩冬']);
    expect(readAuthors('作者：卢佳')).toEqual(['卢佳']);
  });

  it('reads editors from 责编 and 责任编辑', () => {
    expect(readEditors('(责编：赵明、钱芳)')).toEqual(['赵明', '钱芳']);
    expect(readEditors('(責編:汪洋、石蕾)')).toEqual(['汪洋', '石蕾']);
    expect(readEditors('【责任编辑:吴敏 】')).toEqual(['吴敏']);
  });

  it('reads the source without what follows it', () => {
    expect(readSource('2024-04-18 07:45 来源：河湾日报 作者：韩冬')).toBe('河湾日报');
    expect(readSource('（文章来源：某某晚报）')).toBe('某某晚报');
    expect(readSource('来源： 应急管理部网站 【字体：大 中 小】')).toBe('应急管理部网站');
    expect(readSource('来源： 分享到：')).toBe('');
  });

  it('reads the original title', () => {
    expect(readOriginalTitle('原标题：某市召开工作会议')).toBe('某市召开工作会议');
    expect(readOriginalTitle('原標題:某市召開工作會議')).toBe('某市召開工作會議');
    expect(readOriginalTitle('某市召开工作会议')).toBe('');
  });

  it('reads reporters credited at the opening or close of a paragraph', () => {
    expect(readInlineByline('某州日报(乔木)6月2日，市委召开会议。')).toEqual(['乔木']);
    expect(readInlineByline('本报讯（记者 韩冬）4月17日，市里召开动员会。')).toEqual(['韩冬']);
    expect(readInlineByline('会议以视频形式召开。(魏明 米兰 于海)')).toEqual(['魏明', '米兰', '于海']);
    expect(readInlineByline('会议以视频形式召开。（某某日报记者周文、郑晴）')).toEqual(['周文', '郑晴']);
    // A place in brackets is not a byline.
    expect(readInlineByline('合作社设在城关镇(东关村)')).toEqual([]);
  });

  it('strips a reporter credit glued after the last sentence', () => {
    expect(stripTailReporter('领导出席。本报记者韩冬梅范小军')).toBe('领导出席。');
  });

  it('strips a labelled credit in brackets closing a paragraph, either bracket width', () => {
    expect(stripTailReporter('各县设分会场。(某某日报记者周文、郑晴)')).toBe('各县设分会场。');
    expect(stripTailReporter('活动持续一周。（记者 韩冬 通讯员 乔木）')).toBe('活动持续一周。');
    expect(stripTailReporter('这是我的看法。(作者：卢佳)')).toBe('这是我的看法。');
    expect(readInlineByline('活动持续一周。（记者 韩冬 通讯员 乔木）')).toEqual(['韩冬', '乔木']);
    // Bare names, an organisation or an aside in brackets stay: only a labelled credit leaves.
    expect(stripTailReporter('会议召开。（文化部）')).toBe('会议召开。（文化部）');
    expect(stripTailReporter('所长（作者系某大学教授）')).toBe('所长（作者系某大学教授）');
  });
});
