// Build step: turn opencc-js's dictionaries into the compact tables lib/convert/table.ts reads.
import { listTableAssets, type DictGroup } from '../plan';
import { NO_SINGLE, SEP_BUCKET, SEP_GROUP, SEP_HEADER, SEP_KEY, SEP_VALUE } from '../table';
import {
  mergeDictGroup,
  parseOpenccDict,
  readOpenccDict,
  type OpenccDictName,
  OPENCC_DICT_NAMES,
} from './opencc-dicts';

// The table format's separators are U+0000–U+0005, so no entry may contain them.
function hasReserved(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 5) return true;
  return false;
}

/** Encode a merged key → replacement map in the table format (see lib/convert/table.ts). */
export function encodeTable(map: ReadonlyMap<string, string>): string {
  const buckets = new Map<number, { single: string | undefined; phrases: Array<[string, string]> }>();
  for (const [key, value] of map) {
    // opencc-js never matches the empty key (its trie root value is never read).
    if (key === '') continue;
    if (hasReserved(key) || hasReserved(value)) throw new Error(`reserved character in entry ${key}`);
    const first = key.codePointAt(0) ?? 0;
    const width = first > 0xffff ? 2 : 1;
    let bucket = buckets.get(first);
    if (!bucket) buckets.set(first, (bucket = { single: undefined, phrases: [] }));
    if (key.length === width) bucket.single = value;
    else bucket.phrases.push([key.slice(width), value]);
  }
  const firsts = [...buckets.keys()].sort((a, b) => a - b);
  const bodies = firsts.map((cp) => {
    const bucket = buckets.get(cp);
    if (!bucket) return NO_SINGLE;
    // Grouped by the code unit after the first code point, longest key first within a group, so the
    // reader needs neither a sort nor a scan of keys that cannot match.
    const groups = new Map<number, Array<[string, string]>>();
    for (const phrase of bucket.phrases) {
      const unit = phrase[0].charCodeAt(0);
      const group = groups.get(unit) ?? [];
      group.push(phrase);
      groups.set(unit, group);
    }
    const body = [...groups.keys()]
      .sort((a, b) => a - b)
      .map((unit) => {
        const entries = (groups.get(unit) ?? []).sort(
          (a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
        );
        return SEP_GROUP + entries.map(([rest, value]) => `${SEP_KEY}${rest}${SEP_VALUE}${value}`).join('');
      })
      .join('');
    return (bucket.single ?? NO_SINGLE) + body;
  });
  return `${String.fromCodePoint(...firsts)}${SEP_HEADER}${bodies.join(SEP_BUCKET)}`;
}

async function loadGroup(group: DictGroup): Promise<Map<string, string>> {
  const names = group.map((name) => {
    if (!(OPENCC_DICT_NAMES as readonly string[]).includes(name))
      throw new Error(`unknown dictionary ${name}`);
    return name as OpenccDictName;
  });
  return mergeDictGroup(
    await Promise.all(names.map(async (name) => parseOpenccDict(await readOpenccDict(name)))),
  );
}

/** Every table the converter may load, as files for the extension's `dicts/` folder. */
export async function buildDictAssets(): Promise<Array<{ relativeDest: string; contents: string }>> {
  return Promise.all(
    listTableAssets().map(async ({ name, group, kind }) => {
      const merged = await loadGroup(group);
      if (kind === 'keys') for (const key of merged.keys()) merged.set(key, '');
      return { relativeDest: `dicts/${name}`, contents: encodeTable(merged) };
    }),
  );
}
