// Scoring helpers for the evaluation: body F1 over character bigrams, date matching, precision/recall.

const KEEP = /[\p{L}\p{N}]/u;

/** Letters, digits and CJK only, lower-cased: whitespace and punctuation do not count. */
export function normaliseForBigrams(text: string): string[] {
  const chars: string[] = [];
  for (const ch of text.toLowerCase()) if (KEEP.test(ch)) chars.push(ch);
  return chars;
}

/** Count the character bigrams of a text (as a multiset). */
export function countBigrams(text: string): Map<string, number> {
  const chars = normaliseForBigrams(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** F1 of the bigram multisets of an extracted body against the truth body. */
export function scoreBodyF1(extracted: string, truth: string): number {
  const a = countBigrams(extracted);
  const b = countBigrams(truth);
  let totalA = 0;
  let totalB = 0;
  let overlap = 0;
  for (const n of a.values()) totalA += n;
  for (const [gram, n] of b) {
    totalB += n;
    overlap += Math.min(n, a.get(gram) ?? 0);
  }
  if (totalA === 0 || totalB === 0) return totalA === totalB ? 1 : 0;
  const precision = overlap / totalA;
  const recall = overlap / totalB;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export interface WallTime {
  year?: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

/**
 * Read a truth date: "2019-09-07 13:43:45", "2019年09月09日 18:13", "2023-11-17T00:00:00",
 * "09月07日" (no year). Midnight with seconds ("T00:00:00") is a placeholder, not a time.
 * Returns null for "UNKNOWN" and other non-dates.
 */
export function parseTruthDate(value: string | null | undefined): WallTime | null {
  if (!value) return null;
  const full =
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(
      value,
    );
  if (full) {
    const wall: WallTime = { year: +full[1]!, month: +full[2]!, day: +full[3]! };
    if (full[4] !== undefined) {
      const placeholder = full[4] === '00' && full[5] === '00' && (full[6] ?? '00') === '00';
      if (!placeholder) {
        wall.hour = +full[4];
        wall.minute = +full[5]!;
      }
    }
    return wall;
  }
  const monthDay = /^(\d{1,2})月(\d{1,2})日/.exec(value.trim());
  if (monthDay) return { month: +monthDay[1]!, day: +monthDay[2]! };
  return null;
}

/** Does an ISO `publishedAt` (local wall time plus offset) match the truth's date, and time when given? */
export function matchDate(publishedAt: string | null | undefined, truth: WallTime): boolean {
  if (!publishedAt) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(publishedAt);
  if (!m) return false;
  if (truth.year !== undefined && +m[1]! !== truth.year) return false;
  if (+m[2]! !== truth.month || +m[3]! !== truth.day) return false;
  if (truth.hour === undefined) return true;
  if (m[4] === undefined) return false;
  return +m[4] === truth.hour && +m[5]! === truth.minute;
}

// Spacing, quotes and the title mark do not make a headline different.
const TITLE_NOISE = /[\s\u3000“”"'‘’《》]/g;
// What joins a headline to the site or channel names in a <title>: "标题_频道_网站", "标题--频道", "标题 | 网站".
const TITLE_SUFFIX = /^\s*([_|｜\-–—]|::)/;

/**
 * Does an extracted headline match the truth's title? Equal once spacing and quotes are set aside;
 * or, where the truth was copied from the page's <title>, the headline followed by a separator and
 * the site's or channel's names. A kicker, subtitle or shortened headline does not match.
 */
export function matchTitle(extracted: string, truth: string): boolean {
  const ours = extracted.replace(TITLE_NOISE, '');
  if (!ours) return false;
  if (ours === truth.replace(TITLE_NOISE, '')) return true;
  const at = truth.indexOf(extracted.trim());
  return at === 0 && TITLE_SUFFIX.test(truth.slice(extracted.trim().length));
}

/** Convert a Date-like string from another tool (Readability's publishedTime) to a wall-time ISO prefix. */
export function toWallIso(value: string | null | undefined): string {
  if (!value) return '';
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+(\d{1,2}):(\d{2}))?/.exec(
    value,
  );
  if (!m) return '';
  const pad = (s: string) => s.padStart(2, '0');
  const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  return m[4] === undefined ? date : `${date}T${pad(m[4])}:${m[5]}`;
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Tally predictions against labels. */
export function countConfusion(pairs: Array<{ predicted: boolean; actual: boolean }>): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) c.tp++;
    else if (predicted) c.fp++;
    else if (actual) c.fn++;
    else c.tn++;
  }
  return c;
}

/** Precision and recall, 0 when undefined. */
export function measurePrecisionRecall(c: Confusion): { precision: number; recall: number } {
  return {
    precision: c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn),
  };
}
