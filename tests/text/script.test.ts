import { describe, expect, it } from 'vitest';
import { computeScriptTable } from '../../scripts/script-table';
import { HANS_ONLY, HANT_ONLY } from '../../lib/text/script-table';
import { countScriptChars, detectScript } from '../../lib/text/script';

describe('detectScript', () => {
  it('tells simplified from traditional text', () => {
    expect(detectScript('国务院办公厅发布关于进一步优化营商环境的通知')).toBe('hans');
    expect(detectScript('國務院辦公廳發佈關於進一步優化營商環境的通知')).toBe('hant');
  });

  it('calls a text mixing both scripts mixed', () => {
    expect(detectScript('国务院办公厅发布通知。國務院辦公廳發佈通知。')).toBe('mixed');
  });

  it('ignores characters shared by both scripts and counts the rest', () => {
    expect(countScriptChars('着干后里了 ABC')).toEqual({ hans: 0, hant: 0 });
    expect(detectScript('Hello, world 123')).toBe('hans');
    expect(countScriptChars('说說')).toEqual({ hans: 1, hant: 1 });
  });

  it('reads supplementary-plane characters as one code point', () => {
    const supplementary = [...HANS_ONLY].find((c) => c.length === 2);
    expect(supplementary).toBeDefined();
    expect(countScriptChars(`${supplementary}`)).toEqual({ hans: 1, hant: 0 });
  });

  it('samples long texts and still judges them', () => {
    const hant = '經濟發展與環境保護並重，這是長期堅持的方針。'.repeat(3000);
    expect(hant.length).toBeGreaterThan(20_000);
    expect(detectScript(hant)).toBe('hant');
    expect(detectScript(`${'经济发展'.repeat(10_000)}${'經濟發展'.repeat(10_000)}`)).toBe('mixed');
  });

  it('matches the table derived from opencc-js dictionaries', async () => {
    const table = await computeScriptTable();
    expect(HANS_ONLY).toBe(table.hansOnly);
    expect(HANT_ONLY).toBe(table.hantOnly);
  });
});
