import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Folds text to one script and case so that 發展 and 发展 index and match the same. */
export type FoldFn = (text: string) => string;

// Code unit → folded code unit, 0 where a character folds to itself: only the ~3,700 mapped entries
// are written, so a cold page (reader, archive page) builds it in well under a millisecond instead
// of walking all 65,536 entries three times.
let table: Uint16Array | undefined;

// OpenCC dictionaries are "from to1 to2|from to1 ...": keep one-to-one BMP mappings only, so a
// folded string has exactly the length of its source and offsets map back for snippets.
function eachPair(dict: string, visit: (from: number, to: number) => void): void {
  for (const entry of dict.split('|')) {
    if (entry.length === 3 && entry.charCodeAt(1) === 0x20) visit(entry.charCodeAt(0), entry.charCodeAt(2));
  }
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const at = (c: number) => t[c] || c;
  // Regional variants first (台/港 forms to the OpenCC standard form), then trad → simp on top.
  const variants: Array<[number, number]> = [];
  const addVariant = (from: number, to: number) => {
    t[from] = at(to);
    variants.push([from, t[from]!]);
  };
  eachPair(TWVariantsRev, addVariant);
  eachPair(HKVariantsRev, addVariant);
  eachPair(TSCharacters, (from, to) => {
    t[from] = to;
  });
  // A regional variant must land on the simplified form of its standard form.
  for (const [from, std] of variants) if (std !== from) t[from] = at(std);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  // Full-width ASCII (Ａ, １) folds to its ordinary lower-case form.
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = at(c - 0xfee0);
  t[0x3000] = 0x20;
  return t;
}

const utf16 = new TextDecoder('utf-16le');

/** Fold text character by character (trad → simp, regional variants, case, full width); length-preserving. */
export function foldText(text: string): string {
  table ??= buildTable();
  const t = table;
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = t[c] || c;
  }
  return utf16.decode(out);
}
