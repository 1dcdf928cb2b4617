import { describe, expect, it } from 'vitest';
import { repairPinyin } from '../../lib/text/pinyin.ts';

describe('repairPinyin', () => {
  it('removes toned syllables after Han characters', () => {
    expect(repairPinyin('協(xié)同發(fā)展')).toBe('協同發展');
    expect(repairPinyin('營商環(huán)境')).toBe('營商環境');
  });
  it('leaves other brackets alone', () => {
    expect(repairPinyin('生产总值(GDP)增长')).toBe('生产总值(GDP)增长');
    expect(repairPinyin('村(社区)两委')).toBe('村(社区)两委');
    expect(repairPinyin('编号(abc)')).toBe('编号(abc)');
  });
});
