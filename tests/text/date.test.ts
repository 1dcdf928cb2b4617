import { describe, expect, it } from 'vitest';
import { findDates, parseDate, parseLabelledDate, parseUrlDate } from '../../lib/text/date.ts';
import { readModifiedDate } from '../../lib/extract/dom-meta.ts';

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
    // Month first with a 12-hour clock, as ASP.NET sites in the en-US locale print it.
    ['发布日期： 9/17/2004 5:54:13 AM', '2004-09-17T05:54:13+08:00'],
    ['3/5/2024 1:07 PM', '2024-03-05T13:07:00+08:00'],
    ['12/1/2023 12:30:00 AM', '2023-12-01T00:30:00+08:00'],
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
  it('reads the date after a dateline label, not an earlier one', () => {
    expect(parseLabelledDate('发布日期：2019-09-23 14:34:05  所属分类：头条')).toBe(
      '2019-09-23T14:34:05+08:00',
    );
    expect(parseLabelledDate('2019-01-01 专题 时间：2024-03-05')).toBe('2024-03-05T00:00:00+08:00');
    // A deadline inside a notice is not a dateline.
    expect(parseLabelledDate('报名时间：2024年7月1日至7月5日')).toBe('');
    expect(parseLabelledDate('2024-03-05')).toBe('');
  });
});

describe('the last-modified meta', () => {
  it('is read from the usual names, as a last resort only', () => {
    expect(readModifiedDate(new Map([['dateupdate', '2019-09-30 22:46:13']]))).toBe(
      '2019-09-30T22:46:13+08:00',
    );
    expect(readModifiedDate(new Map([['og:title', 'x']]))).toBe('');
  });
});
