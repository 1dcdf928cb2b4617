import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Folds text to one script and case so that 發展 and 发展 index and match the same. */
export type FoldFn = (text: string) => string;

let table: Uint16Array | undefined;

// OpenCC dictionaries are "from to1 to2|from to1 ...": keep one-to-one BMP mappings only, so a
// folded string has exactly the length of its source and offsets map back for snippets.
function addPairs(target: Uint16Array, dict: string): void {
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || from.length !== 1 || to.length !== 1) continue;
    target[from.charCodeAt(0)] = target[to.charCodeAt(0)] ?? to.charCodeAt(0);
  }
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  // Regional variants first (台/港 forms to the OpenCC standard form), then trad → simp on top.
  addPairs(t, TWVariantsRev);
  addPairs(t, HKVariantsRev);
  const variants = t.slice();
  for (const entry of TSCharacters.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || from.length !== 1 || to.length !== 1) continue;
    t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  // A regional variant must land on the simplified form of its standard form.
  for (let i = 0; i < t.length; i++) {
    const std = variants[i]!;
    if (std !== i) t[i] = t[std]!;
  }
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  // Full-width ASCII (Ａ, １) folds to its ordinary lower-case form.
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = t[c - 0xfee0]!;
  t[0x3000] = 0x20;
  return t;
}

const utf16 = new TextDecoder('utf-16le');

/** Fold text character by character (trad → simp, regional variants, case, full width); length-preserving. */
export function foldText(text: string): string {
  table ??= buildTable();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = table[text.charCodeAt(i)]!;
  return utf16.decode(out);
}
