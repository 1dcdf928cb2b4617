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

  it('reads http-equiv declarations', () => {
    expect(
      sniffDeclaredCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=GBK">')),
    ).toBe('gbk');
  });
});
