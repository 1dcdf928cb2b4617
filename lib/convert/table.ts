// A merged dictionary as one string, read lazily: a first character's bucket is indexed when that
// character is first met, and a group of phrases when its second code unit is first met.
//
// Format: `<first code points, ascending>\0<bucket>\x01<bucket>\x01...`, one bucket per first code point:
// `\x04` when no key is that single character, else its replacement; then one group per code unit after
// the first code point, each `\x05` followed by its keys, longest first, as `\x02<key after its first
// code point>\x03<replacement>`. Keys-only tables (segmentation) use empty replacements.

export const SEP_HEADER = '\u0000';
export const SEP_BUCKET = '\u0001';
export const SEP_KEY = '\u0002';
export const SEP_VALUE = '\u0003';
export const NO_SINGLE = '\u0004';
export const SEP_GROUP = '\u0005';

/** Phrases sharing their first code point and the code unit after it, longest first. */
interface Branch {
  start: number;
  end: number;
  rests: string[] | null;
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
  /**
   * 1 for each code unit a key can start with (a supplementary first character marks its high
   * surrogate): the converter skips every other unit without a call, which is most of any text.
   */
  readonly starts: Uint8Array;
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
  const offsets = new Uint32Array(cps.length + 1);
  let at = headerEnd + 1;
  for (let b = 0; b < cps.length; b++) {
    offsets[b] = at;
    const next = text.indexOf(SEP_BUCKET, at);
    at = next < 0 ? text.length + 1 : next + 1;
  }
  offsets[cps.length] = at;

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
  const starts = new Uint8Array(0x10000);
  for (const cp of cps) starts[cp > 0xffff ? 0xd800 + ((cp - 0x10000) >> 10) : cp] = 1;
  const buckets: Array<Bucket | undefined> = new Array<Bucket | undefined>(cps.length);

  function readBucket(b: number): Bucket {
    const start = offsets[b] ?? 0;
    const end = (offsets[b + 1] ?? 1) - 1;
    let group = text.indexOf(SEP_GROUP, start);
    if (group < 0 || group > end) group = end;
    const head = text.slice(start, group);
    const bucket: Bucket = { single: head === NO_SINGLE ? undefined : head, branches: null };
    if (group < end) {
      const branches = new Map<number, Branch>();
      while (group < end) {
        let next = text.indexOf(SEP_GROUP, group + 1);
        if (next < 0 || next > end) next = end;
        // Each group starts `\x05\x02` and then the code unit it is keyed by.
        branches.set(text.charCodeAt(group + 2), { start: group + 1, end: next, rests: null, values: [] });
        group = next;
      }
      bucket.branches = branches;
    }
    buckets[b] = bucket;
    return bucket;
  }

  function readBranch(branch: Branch): string[] {
    const rests: string[] = [];
    for (const entry of text.slice(branch.start + 1, branch.end).split(SEP_KEY)) {
      const cut = entry.indexOf(SEP_VALUE);
      rests.push(entry.slice(0, cut));
      branch.values.push(entry.slice(cut + 1));
    }
    branch.rests = rests;
    return rests;
  }

  const table = {
    value: '',
    starts,
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
          const rests = branch.rests ?? readBranch(branch);
          const values = branch.values;
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
