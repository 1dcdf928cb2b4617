import type { Script } from '../article/record';
import { HANS_ONLY, HANT_ONLY } from './script-table';

// Above this length only evenly spaced windows are read: 16 × 1,000 characters settle any real page.
const SAMPLE_ABOVE = 20_000;
const WINDOWS = 16;
const WINDOW = 1_000;
// A page that is 90 % one script is that script: traditional pages quote simplified names and vice versa.
const DOMINANT = 0.9;

const HANS = 1;
const HANT = 2;
let table: Uint8Array | null = null;

function getTable(): Uint8Array {
  if (table) return table;
  let max = 0;
  for (const c of HANS_ONLY + HANT_ONLY) max = Math.max(max, c.codePointAt(0) ?? 0);
  const built = new Uint8Array(max + 1);
  for (const c of HANS_ONLY) built[c.codePointAt(0) ?? 0] = HANS;
  for (const c of HANT_ONLY) built[c.codePointAt(0) ?? 0] = HANT;
  table = built;
  return built;
}

/** Count characters that exist only in simplified / only in traditional script in text[start, end). */
export function countScriptChars(text: string, start = 0, end = text.length): { hans: number; hant: number } {
  const marks = getTable();
  let hans = 0;
  let hant = 0;
  for (let i = start; i < end; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x3400) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
      cp = text.codePointAt(i) ?? cp;
      if (cp > 0xffff) i++;
    }
    const mark = marks[cp];
    if (mark === HANS) hans++;
    else if (mark === HANT) hant++;
  }
  return { hans, hant };
}

/**
 * Judge the script of a text from characters that exist in only one script; text with no such
 * character (ASCII, or only shared characters) counts as simplified, the common case for our sites.
 */
export function detectScript(text: string): Script {
  let hans = 0;
  let hant = 0;
  if (text.length <= SAMPLE_ABOVE) {
    ({ hans, hant } = countScriptChars(text));
  } else {
    const step = Math.floor((text.length - WINDOW) / (WINDOWS - 1));
    for (let w = 0; w < WINDOWS; w++) {
      const counts = countScriptChars(text, w * step, w * step + WINDOW);
      hans += counts.hans;
      hant += counts.hant;
    }
  }
  const total = hans + hant;
  if (total === 0 || hans >= total * DOMINANT) return 'hans';
  if (hant >= total * DOMINANT) return 'hant';
  return 'mixed';
}
