// opencc-js's conversion algorithm (core.js: Trie.convert, Trie.segment, getUnmatchedLength) over our tables.
import type { ConversionPlan } from './plan';
import type { DictTable } from './table';

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
  if (unit >= 0x2ff0 && unit <= 0x2fff) {
    const idsEnd = findIdsEnd(s, i, end);
    if (idsEnd > i) return idsEnd - i;
  }
  return measureCodePoint(s, i, end);
}

/** Replace longest matches of `table` in s[start, end), leaving everything else as it is. */
export function applyTable(table: DictTable, s: string, start: number, end: number): string {
  let out = '';
  let run = start;
  let i = start;
  while (i < end) {
    const length = table.match(s, i, end);
    if (length > 0) {
      if (run < i) out += s.slice(run, i);
      out += table.value;
      i += length;
      run = i;
    } else {
      i += measureUnmatched(s, i, end);
    }
  }
  if (run === start) return start === 0 && end === s.length ? s : s.slice(start, end);
  return run < end ? out + s.slice(run, end) : out;
}

function applyTables(tables: readonly DictTable[], piece: string): string {
  let out = piece;
  for (const table of tables) out = applyTable(table, out, 0, out.length);
  return out;
}

/**
 * Segmentation and the first table in one pass, valid when the first table's multi-character keys are
 * exactly the segmentation keys (plan.fused): a multi-character match is a segment of its own, and
 * the characters between such matches form the segments in between, each finished by `tail` alone.
 */
function applyFused(head: DictTable, tail: readonly DictTable[], s: string): string {
  const n = s.length;
  let out = '';
  let run = ''; // converted text of the current in-between segment
  let runFrom = 0; // start of its not yet copied unmatched characters
  let i = 0;
  while (i < n) {
    const length = head.match(s, i, n);
    if (length === 0) {
      i += measureUnmatched(s, i, n);
      continue;
    }
    const single = length === measureCodePoint(s, i, n);
    if (single) {
      if (runFrom < i) run += s.slice(runFrom, i);
      run += head.value;
    } else {
      if (runFrom < i) run += s.slice(runFrom, i);
      if (run !== '') out += applyTables(tail, run);
      run = '';
      out += applyTables(tail, head.value);
    }
    i += length;
    runFrom = i;
  }
  if (runFrom < n) run += s.slice(runFrom, n);
  if (run !== '') out += applyTables(tail, run);
  return out;
}

/** Build the converter for a plan whose tables are already loaded. */
export function buildConverter(
  plan: ConversionPlan,
  tables: { normalize: DictTable[]; segmentation: DictTable | null; chain: DictTable[] },
): ConvertFn {
  const { normalize, segmentation, chain } = tables;
  if (plan.chain.length !== chain.length) throw new Error('plan and tables disagree');
  const [head, ...tail] = chain;

  const convertPiece = (s: string, start: number, end: number): string => {
    if (!head) return s.slice(start, end);
    let piece = applyTable(head, s, start, end);
    for (const table of tail) piece = applyTable(table, piece, 0, piece.length);
    return piece;
  };

  return (text: string): string => {
    let s = text;
    for (const table of normalize) s = applyTable(table, s, 0, s.length);
    const n = s.length;
    if (plan.fused && head) return applyFused(head, tail, s);
    if (!segmentation) return convertPiece(s, 0, n);
    // Each segment (a segmentation match, or a run between matches) is converted on its own.
    let out = '';
    let run = -1;
    let i = 0;
    while (i < n) {
      const length = segmentation.match(s, i, n);
      if (length > 0) {
        if (run >= 0) {
          out += convertPiece(s, run, i);
          run = -1;
        }
        out += convertPiece(s, i, i + length);
        i += length;
      } else {
        if (run < 0) run = i;
        i += measureUnmatched(s, i, n);
      }
    }
    if (run >= 0) out += convertPiece(s, run, n);
    return out;
  };
}
