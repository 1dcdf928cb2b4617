// A merged dictionary as one string, parsed per first character only when that character is first met.
//
// Format: `<first code points, ascending>\0<bucket>\x01<bucket>\x01...`, one bucket per first code point:
// `\x04` when no key is that single character, else its replacement; then for every longer key
// `\x02<key after its first code point>\x03<replacement>`. Keys-only tables use empty replacements.

export const SEP_HEADER = '\u0000';
export const SEP_BUCKET = '\u0001';
export const SEP_KEY = '\u0002';
export const SEP_VALUE = '\u0003';
export const NO_SINGLE = '\u0004';

/** Phrases sharing their first code point and the code unit after it, longest first. */
interface Branch {
  rests: string[];
  values: string[];
}

interface Bucket {
  single: string | undefined;
  branches: Map<number, Branch> | null;
}

/** Longest-match lookup over one merged dictionary, equivalent to one opencc-js Trie. */
export interface DictTable {
  /** Length in code units of the longest key starting at i and ending by `end`, or 0. */
  match(s: string, i: number, end: number): number;
  /** The replacement for the last successful `match`. */
  readonly value: string;
}

/** Decode the compact text produced at build time into a lazily filled lookup table. */
export function parseTable(text: string): DictTable {
  const headerEnd = text.indexOf(SEP_HEADER);
  if (headerEnd < 0) throw new Error('not a Baozhai dictionary table');
  const firsts = text.slice(0, headerEnd);
  const cps: number[] = [];
  for (let i = 0; i < firsts.length; i++) {
    const cp = firsts.codePointAt(i) ?? 0;
    cps.push(cp);
    if (cp > 0xffff) i++;
  }
  const starts = new Uint32Array(cps.length + 1);
  let at = headerEnd + 1;
  for (let b = 0; b < cps.length; b++) {
    starts[b] = at;
    const next = text.indexOf(SEP_BUCKET, at);
    at = next < 0 ? text.length + 1 : next + 1;
  }
  starts[cps.length] = at;

  // Dense index over the BMP range actually used; supplementary first characters go through a Map.
  let lo = 0xffff;
  let hi = 0;
  const astral = new Map<number, number>();
  cps.forEach((cp, b) => {
    if (cp > 0xffff) astral.set(cp, b + 1);
    else {
      lo = Math.min(lo, cp);
      hi = Math.max(hi, cp);
    }
  });
  const dense = hi >= lo ? new Uint32Array(hi - lo + 1) : new Uint32Array(0);
  cps.forEach((cp, b) => {
    if (cp <= 0xffff) dense[cp - lo] = b + 1;
  });
  const buckets: Array<Bucket | undefined> = new Array<Bucket | undefined>(cps.length);

  function readBucket(b: number): Bucket {
    const body = text.slice(starts[b] ?? 0, (starts[b + 1] ?? 1) - 1);
    const parts = body.split(SEP_KEY);
    const head = parts[0] ?? '';
    const bucket: Bucket = { single: head === NO_SINGLE ? undefined : head, branches: null };
    if (parts.length > 1) {
      const pairs: Array<[string, string]> = [];
      for (let p = 1; p < parts.length; p++) {
        const part = parts[p] ?? '';
        const cut = part.indexOf(SEP_VALUE);
        pairs.push([part.slice(0, cut), part.slice(cut + 1)]);
      }
      pairs.sort((x, y) => y[0].length - x[0].length);
      const branches = new Map<number, Branch>();
      for (const [rest, value] of pairs) {
        const unit = rest.charCodeAt(0);
        let branch = branches.get(unit);
        if (!branch) branches.set(unit, (branch = { rests: [], values: [] }));
        branch.rests.push(rest);
        branch.values.push(value);
      }
      bucket.branches = branches;
    }
    buckets[b] = bucket;
    return bucket;
  }

  const table = {
    value: '',
    match(s: string, i: number, end: number): number {
      let cp = s.charCodeAt(i);
      let width = 1;
      let b: number;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
        const low = s.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      if (width === 1) {
        const slot = cp - lo;
        if (slot < 0 || slot >= dense.length) return 0;
        b = dense[slot] ?? 0;
      } else {
        b = astral.get(cp) ?? 0;
      }
      if (b === 0) return 0;
      const bucket = buckets[b - 1] ?? readBucket(b - 1);
      const next = i + width;
      if (bucket.branches !== null && next < end) {
        const branch = bucket.branches.get(s.charCodeAt(next));
        if (branch) {
          const { rests, values } = branch;
          for (let k = 0; k < rests.length; k++) {
            const rest = rests[k] as string;
            if (next + rest.length <= end && s.startsWith(rest, next)) {
              table.value = values[k] as string;
              return width + rest.length;
            }
          }
        }
      }
      if (bucket.single === undefined) return 0;
      table.value = bucket.single;
      return width;
    },
  };
  return table;
}
