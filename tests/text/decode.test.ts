import { describe, expect, it } from 'vitest';
import { decodeHtml, sniffDeclaredCharset } from '../../lib/text/decode';

const gbk = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeHtml', () => {
  it('prefers UTF-8 even when the page declares gb2312', () => {
    const bytes = new TextEncoder().encode('<meta charset="gb2312"><p>政务新闻</p>');
    expect(decodeHtml(bytes)).toEqual({ text: '<meta charset="gb2312"><p>政务新闻</p>', encoding: 'utf-8' });
  });

  it('falls back to the declared charset, decoding gb2312 as GB18030', () => {
    // 中国 in GBK is D6D0 B9FA.
    const bytes = concat(ascii('<meta charset="gb2312"><p>'), gbk('d6d0b9fa'), ascii('</p>'));
    expect(decodeHtml(bytes)).toEqual({ text: '<meta charset="gb2312"><p>中国</p>', encoding: 'gb18030' });
  });

  it('falls back to GB18030 when nothing is declared', () => {
    const bytes = concat(ascii('<p>'), gbk('d6d0b9fa'), ascii('</p>'));
    expect(decodeHtml(bytes).text).toBe('<p>中国</p>');
  });

  it('drops a byte-order mark', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });

  it('follows a UTF-16 byte-order mark, little- and big-endian', () => {
    const text = '<meta charset="gb2312"><p>政务新闻</p>';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      le.set([unit & 0xff, unit >> 8], 2 + i * 2);
      be.set([unit >> 8, unit & 0xff], 2 + i * 2);
    }
    expect(decodeHtml(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeHtml(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('keeps a UTF-8 page that declares gb2312 as UTF-8 despite one damaged byte', () => {
    const utf8 = new TextEncoder().encode('<p>政务新闻：各地要抓紧落实</p>');
    const bytes = concat(
      ascii('<meta charset="gb2312">'),
      utf8.subarray(0, 9),
      new Uint8Array([0xff]),
      utf8.subarray(9),
    );
    const { text, encoding } = decodeHtml(bytes);
    expect(encoding).toBe('utf-8');
    expect(text).toBe('<meta charset="gb2312"><p>政务\ufffd新闻：各地要抓紧落实</p>');
  });

  it('still reads a GBK page with a few byte pairs that happen to be valid UTF-8 as GBK', () => {
    // 中国中国 in GBK, then a stray valid UTF-8 "é" (C3 A9).
    const bytes = concat(
      ascii('<meta charset="gbk"><p>'),
      gbk('d6d0b9fad6d0b9fa'),
      gbk('c3a9'),
      ascii('</p>'),
    );
    expect(decodeHtml(bytes)).toEqual({
      text: `<meta charset="gbk"><p>中国中国${new TextDecoder('gb18030').decode(gbk('c3a9'))}</p>`,
      encoding: 'gb18030',
    });
  });

  it('reads http-equiv declarations', () => {
    expect(
      sniffDeclaredCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=GBK">')),
    ).toBe('gbk');
  });
});
