// opencc-js's conversion algorithm (core.js: Trie.convert, Trie.segment, getUnmatchedLength) over our tables.
import type { ConversionPlan } from './plan';
import { SEP_KEY, type DictTable } from './table';

/** Convert a string; pure and synchronous once built. */
export type ConvertFn = (text: string) => string;

function measureCodePoint(s: string, i: number, end: number): number {
  const unit = s.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

function countIdsArity(unit: number): number {
  if (unit >= 0x2ff0 && unit <= 0x2ff1) return 2;
  if (unit >= 0x2ff2 && unit <= 0x2ff3) return 3;
  if (unit >= 0x2ff4 && unit <= 0x2fff) return 2;
  return 0;
}

// An ideographic description sequence (⿰车两) is skipped whole, as opencc-js does, so its parts stay as written.
function findIdsEnd(s: string, i: number, end: number): number {
  const arity = countIdsArity(s.charCodeAt(i));
  if (arity === 0) return 0;
  let at = i + 1;
  for (let n = 0; n < arity; n++) {
    if (at >= end) return 0;
    const child = findIdsEnd(s, at, end);
    at = child || at + measureCodePoint(s, at, end);
  }
  return at;
}

function measureUnmatched(s: string, i: number, end: number): number {
  const unit = s.charCodeAt(i);
  // Neither an ideographic description character nor a high surrogate: the usual case, one unit.
  if (unit < 0x2ff0 || (unit > 0x2fff && (unit < 0xd800 || unit > 0xdbff))) return 1;
  if (unit >= 0x2ff0 && unit <= 0x2fff) {
    const idsEnd = findIdsEnd(s, i, end);
    if (idsEnd > i) return idsEnd - i;
  }
  return measureCodePoint(s, i, end);
}

/** Text cut into segments that each later table converts on its own; `ends` holds each segment's end. */
interface Segmented {
  text: string;
  ends: number[];
}

// One table over every segment in a single pass, a match never crossing a segment's end; the same
// object comes back when nothing matched, which for the smaller tables is most text.
function applySegmented(table: DictTable, seg: Segmented): Segmented {
  const { text: s, ends } = seg;
  const starts = table.starts;
  const outEnds: number[] = new Array<number>(ends.length);
  let out = '';
  let run = 0;
  let delta = 0;
  let changed = false;
  let i = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k] as number;
    while (i < end) {
      if (starts[s.charCodeAt(i)] === 0) {
        i += measureUnmatched(s, i, end);
        continue;
      }
      const length = table.match(s, i, end);
      if (length > 0) {
        if (run < i) out += s.slice(run, i);
        out += table.value;
        delta += table.value.length - length;
        changed = true;
        i += length;
        run = i;
      } else {
        i += measureUnmatched(s, i, end);
      }
    }
    outEnds[k] = end + delta;
  }
  if (!changed) return seg;
  return { text: run < s.length ? out + s.slice(run) : out, ends: outEnds };
}

/** Replace longest matches of `table` in s, leaving everything else as it is. */
function applyTable(table: DictTable, s: string): string {
  return applySegmented(table, { text: s, ends: [s.length] }).text;
}

/**
 * Segmentation and the first table in one pass, valid when the first table's multi-character keys are
 * exactly the segmentation keys (plan.fused): a multi-character match is a segment of its own, and
 * the characters between such matches form the segments in between.
 */
function segmentFused(head: DictTable, s: string): Segmented {
  const n = s.length;
  const starts = head.starts;
  const ends: number[] = [];
  let out = '';
  let from = 0; // start of the not yet copied unmatched characters
  let i = 0;
  while (i < n) {
    const unit = s.charCodeAt(i);
    const length = starts[unit] === 0 ? 0 : head.match(s, i, n);
    if (length === 0) {
      i +=
        unit < 0x2ff0 || (unit > 0x2fff && (unit < 0xd800 || unit > 0xdbff)) ? 1 : measureUnmatched(s, i, n);
      continue;
    }
    const value = head.value;
    // A single character replaced by itself changes nothing: leave it in the pending run.
    if (length === 1 && value.length === 1 && value.charCodeAt(0) === unit) {
      i++;
      continue;
    }
    if (from < i) out += s.slice(from, i);
    if (length !== measureCodePoint(s, i, n)) {
      ends.push(out.length);
      out += value;
      ends.push(out.length);
    } else {
      out += value;
    }
    i += length;
    from = i;
  }
  if (from < n) out += from === 0 ? s : s.slice(from);
  ends.push(out.length);
  return { text: out, ends };
}

// Where the segmentation keys cut s: each longest match is a segment, and so is each run between.
function findSegmentEnds(segmentation: DictTable, s: string): number[] {
  const n = s.length;
  const starts = segmentation.starts;
  const ends: number[] = [];
  let i = 0;
  while (i < n) {
    const length = starts[s.charCodeAt(i)] === 0 ? 0 : segmentation.match(s, i, n);
    if (length > 0) {
      ends.push(i, i + length);
      i += length;
    } else {
      i += measureUnmatched(s, i, n);
    }
  }
  ends.push(n);
  return ends;
}

/** Build the converter for a plan whose tables are already loaded. */
export function buildConverter(
  plan: ConversionPlan,
  tables: { normalize: DictTable[]; segmentation: DictTable | null; chain: DictTable[] },
): ConvertFn {
  const { normalize, segmentation, chain } = tables;
  if (plan.chain.length !== chain.length) throw new Error('plan and tables disagree');
  const [head, ...tail] = chain;

  return (text: string): string => {
    let s = text;
    for (const table of normalize) s = applyTable(table, s);
    if (!head) return s;
    let seg: Segmented;
    let rest: readonly DictTable[];
    if (plan.fused) {
      seg = segmentFused(head, s);
      rest = tail;
    } else if (segmentation) {
      // Each segment (a segmentation match, or a run between matches) is converted on its own.
      seg = { text: s, ends: findSegmentEnds(segmentation, s) };
      rest = chain;
    } else {
      for (const table of chain) s = applyTable(table, s);
      return s;
    }
    for (const table of rest) seg = applySegmented(table, seg);
    return seg.text;
  };
}

// Joins texts for one converter call. The table format splits keys and values on it, so no key or
// value holds it and no match can reach across it.
const BATCH_SEPARATOR = SEP_KEY;
// Converted alone: a text holding the separator, and one holding an ideographic description character,
// whose sequence takes the characters after it as its parts (across a separator, the next text's).
const DESCRIPTION_CHARACTER = /[\u2ff0-\u2fff]/;

/** Convert many texts in one call of `convert` where that is exact; the same as `texts.map(convert)`. */
export function convertMany(convert: ConvertFn, texts: readonly string[]): string[] {
  const out = new Array<string>(texts.length);
  const joined: string[] = [];
  const at: number[] = [];
  texts.forEach((text, i) => {
    if (text.includes(BATCH_SEPARATOR) || DESCRIPTION_CHARACTER.test(text)) out[i] = convert(text);
    else {
      joined.push(text);
      at.push(i);
    }
  });
  if (joined.length === 1) out[at[0] as number] = convert(joined[0] as string);
  else if (joined.length > 1) {
    const parts = convert(joined.join(BATCH_SEPARATOR)).split(BATCH_SEPARATOR);
    if (parts.length !== joined.length) throw new Error('a converter produced the batch separator');
    parts.forEach((part, k) => (out[at[k] as number] = part));
  }
  return out;
}
