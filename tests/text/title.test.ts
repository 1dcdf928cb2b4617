import { describe, expect, it } from 'vitest';
import { splitTitleParts } from '../../lib/text/title.ts';
import { splitDocTitle } from '../../lib/extract/dom-meta.ts';
import { readTitleChannels } from '../../lib/detect/section.ts';

describe('splitting a <title>', () => {
  it.each([
    [
      '监管层连出三招 下周市场能否企稳_证券_网易财经',
      ['监管层连出三招 下周市场能否企稳', '证券', '网易财经'],
    ],
    ['女儿出嫁画兰花当嫁妆--文化--人民网', ['女儿出嫁画兰花当嫁妆', '文化', '人民网']],
    ['某市召开COVID-19防控会议-新华网', ['某市召开COVID-19防控会议', '新华网']],
    ['人民网 - 某县召开春耕动员会', ['人民网', '某县召开春耕动员会']],
    ['某县召开春耕动员会 · 某县融媒', ['某县召开春耕动员会', '某县融媒']],
    ['一个没有频道的标题', ['一个没有频道的标题']],
  ])('%s', (title, parts) => expect(splitTitleParts(title)).toEqual(parts));

  it('is the one split both stages read: headline and suffix for extract, channels for detect', () => {
    const title = '某市召开COVID-19防控会议_时政_某市新闻网';
    expect(splitDocTitle(title)).toEqual({ head: '某市召开COVID-19防控会议', suffix: '某市新闻网' });
    expect(readTitleChannels(title)).toEqual(['时政', '某市新闻网']);
  });
});
