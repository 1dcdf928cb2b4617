import type { Article, Block } from '../article/record';
import { repairPinyin } from '../clean/pinyin';
import { buildConverter, type ConvertFn } from './engine';
import { nameTableAsset, planConversion, type DictGroup, type Locale } from './plan';
import { detectScript } from './script';
import { parseTable, type DictTable } from './table';

export type { ConvertFn } from './engine';
export type { Locale } from './plan';
export { LOCALES, isLocale } from './plan';
export { detectScript } from './script';

/** Builds converters on demand; each pair and each table is built at most once. */
export interface ConverterFactory {
  get(from: Locale, to: Locale): Promise<ConvertFn>;
}

/** Create a converter factory that loads only the tables a requested pair needs, through `loadDict`. */
export function createConverterFactory(
  loadDict: (name: string) => Promise<ArrayBuffer | string>,
): ConverterFactory {
  const tables = new Map<string, Promise<DictTable>>();
  const converters = new Map<string, Promise<ConvertFn>>();

  const loadTable = (group: DictGroup, kind: 'map' | 'keys'): Promise<DictTable> => {
    const name = nameTableAsset(group, kind);
    let table = tables.get(name);
    if (!table) {
      table = loadDict(name).then((data) =>
        parseTable(typeof data === 'string' ? data : new TextDecoder().decode(data)),
      );
      // A failed load may succeed later (e.g. the extension was reloaded): do not cache the failure.
      table.catch(() => tables.delete(name));
      tables.set(name, table);
    }
    return table;
  };

  return {
    get(from, to) {
      const key = `${from}>${to}`;
      let converter = converters.get(key);
      if (!converter) {
        converter = (async () => {
          const plan = planConversion(from, to);
          const [normalize, segmentation, chain] = await Promise.all([
            Promise.all(plan.normalize.map((g) => loadTable(g, 'map'))),
            plan.segmentation ? loadTable(plan.segmentation, 'keys') : Promise.resolve(null),
            Promise.all(plan.chain.map((g) => loadTable(g, 'map'))),
          ]);
          return buildConverter(plan, { normalize, segmentation, chain });
        })();
        converter.catch(() => converters.delete(key));
        converters.set(key, converter);
      }
      return converter;
    },
  };
}

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
    blocks,
  };
  const body = [converted.title, ...blocks.map((b) => (b.type === 'figure' ? (b.caption ?? '') : b.text))];
  return { ...converted, script: detectScript(body.join('\n')) };
}
