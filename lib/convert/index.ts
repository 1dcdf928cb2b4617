import type { Article, Block } from '../article/record';
import { readBlockLines } from '../article/body-text';
import { repairPinyin } from '../text/pinyin';
import type { ConvertFn } from './engine';
import { detectScript } from '../text/script';

export type { ConvertFn } from './engine';
export type { Locale } from './plan';
export { LOCALES, isLocale } from './plan';
export { createConverterFactory, type ConverterFactory } from './factory';

function convertBlock(block: Block, convert: ConvertFn): Block {
  if (block.type !== 'figure') return { ...block, text: convert(repairPinyin(block.text)) };
  const figure: Block = { ...block };
  if (block.caption !== undefined) figure.caption = convert(repairPinyin(block.caption));
  if (block.credit !== undefined) figure.credit = convert(repairPinyin(block.credit));
  return figure;
}

/** Convert every text field of an article (pinyin annotations repaired first) and record the resulting script. */
export function convertArticle(article: Article, convert: ConvertFn): Article {
  const text = (value: string): string => convert(repairPinyin(value));
  const blocks = article.blocks.map((block) => convertBlock(block, convert));
  const converted: Article = {
    ...article,
    siteName: text(article.siteName),
    title: text(article.title),
    kicker: text(article.kicker),
    subtitle: text(article.subtitle),
    originalTitle: text(article.originalTitle),
    source: text(article.source),
    authors: article.authors.map(text),
    editors: article.editors.map(text),
    people: article.people.map((p) => ({ ...p, name: text(p.name), roles: p.roles.map(text) })),
    blocks,
  };
  const body = [converted.title, ...readBlockLines({ blocks })];
  return { ...converted, script: detectScript(body.join('\n')) };
}
