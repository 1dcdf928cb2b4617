import { describe, expect, it } from 'vitest';
import { findDates, parseDate, parseUrlDate } from '../../lib/text/date.ts';

describe('dates', () => {
  it.each([
    ['2022年02月26日12:29  来源:某网', '2022-02-26T12:29:00+08:00'],
    ['2022-06-20 10:51', '2022-06-20T10:51:00+08:00'],
    ['2024-05-10T09:12:00+08:00', '2024-05-10T09:12:00+08:00'],
    ['2024-05-10T01:12:00Z', '2024-05-10T01:12:00Z'],
    ['2022-02-22 14:20:07 +0800', '2022-02-22T14:20:07+08:00'],
    ['2024 05/12 10:26:31', '2024-05-12T10:26:31+08:00'],
    ['2005/3/1', '2005-03-01T00:00:00+08:00'],
    ['no date here', ''],
    ['2024-13-45', ''],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
  it('finds every date in order', () => {
    expect(findDates('上一篇 2022-06-22 10:51 下一篇 2022-06-22 18:43')).toHaveLength(2);
  });
  it('reads dates from URL paths', () => {
    expect(parseUrlDate('http://www.example.cn/20240515/abc/c.html')).toBe('2024-05-15T00:00:00+08:00');
    expect(parseUrlDate('https://m.example.cn/politics/2019_09_09_517162.shtml')).toBe(
      '2019-09-09T00:00:00+08:00',
    );
    expect(parseUrlDate('https://example.cn/2024-05/13/content_1.htm')).toBe('2024-05-13T00:00:00+08:00');
    expect(parseUrlDate('not a url')).toBe('');
  });
});
