import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyOf, normalizeLine } from '../../lib/text/whitespace.ts';
import { splitCredit, isCaptionLine } from '../../lib/extract/caption.ts';
import { isMetaLine } from '../../lib/extract/byline.ts';

describe('whitespace', () => {
  it('drops full-width indentation, no-break spaces and zero-width characters', () => {
    expect(normalizeLine('\u3000\u3000据介绍，\u00a0工程\u200b分三批实施。  ')).toBe(
      '据介绍， 工程分三批实施。',
    );
    expect(normalizeLine('第一行\n第二行')).toBe('第一行 第二行');
  });
  it('keys lines by letters, digits and CJK only', () => {
    expect(keyOf('“两区”建设，A-1！')).toBe('两区建设a1');
  });
  it('keys any text exactly as the pattern form does (astral letters, lone surrogates)', () => {
    const byPattern = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    expect(keyOf('𠀀字\ud800，İ\udc00Ⅻ')).toBe(byPattern('𠀀字\ud800，İ\udc00Ⅻ'));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => keyOf(text) === byPattern(text)),
      { numRuns: 5_000 },
    );
  });
});

describe('captions', () => {
  it('splits the credit from the caption', () => {
    expect(splitCredit('工作人员检修供水设施。 某某日报记者林小川摄')).toEqual({
      caption: '工作人员检修供水设施。',
      credit: '某某日报记者林小川摄',
    });
    expect(splitCredit('工人在小区施工。新华社记者 郑晴 摄')?.credit).toBe('新华社记者 郑晴 摄');
    expect(isCaptionLine('会议要求，各部门要压缩审批时限。')).toBe(false);
  });
});

describe('metadata lines', () => {
  it.each([
    '2023年09月01日09:15  來源:某某新聞網',
    '2024-04-18 07:45 来源：河湾日报 作者：韩冬 编辑：卢佳',
    '(责编：赵明、钱芳)',
    '来源:某州日报新媒体中心',
    '信息发布时间：2024-06-20 10:00',
    '来源|某市交通发布',
    '点击进入专题：',
  ])('recognises %s', (line) => expect(isMetaLine(line)).toBe(true));
  it.each([
    '4月17日，河湾市召开动员会，部署为期半年的专项行动。',
    '今年全市将整治背街小巷二百条。',
    '报名时间：2024年6月24日至2024年6月28日',
    '1．笔试考试时间',
    '（二）网上打印准考证',
  ])('keeps body line %s', (line) => expect(isMetaLine(line)).toBe(false));
});
