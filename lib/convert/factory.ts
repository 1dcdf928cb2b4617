import { buildConverter, type ConvertFn } from './engine';
import { nameTableAsset, planConversion, type DictGroup, type Locale } from './plan';
import { parseTable, type DictTable } from './table';

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
            plan.segmentation && !plan.fused ? loadTable(plan.segmentation, 'keys') : Promise.resolve(null),
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
