import type { ArchiveDb } from './db';
import type { FoldFn } from './fold';
import { buildSearchText } from './search-text';
import { listClippingIds } from './tables/clippings';
import { unpackSearchRows } from './tables/search-packs';
import type { Clipping, SearchRow } from './types';

// 8192 bits per clipping: a ~5,000-character article sets about a third of them, so a two-bigram
// query already rules out most clippings before any text is compared. 1 KB × 10,000 = 10 MB.
const SIG_WORDS = 256;
const SIG_SHIFT = 19; // 32 − log2(8192)

interface Entry {
  id: string;
  savedAt: number;
  folded: string;
  /** Undefined until built: search then compares the text directly (about 40 ms per query at 10,000). */
  sig?: Uint32Array;
}

/** In-memory search index: folded text and a bigram signature per clipping, newest first. */
export interface SearchIndex {
  entries: Entry[];
  fold: FoldFn;
}

function hashBigram(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> SIG_SHIFT;
}

function buildSignature(folded: string): Uint32Array {
  const sig = new Uint32Array(SIG_WORDS);
  for (let i = 0; i + 1 < folded.length; i++) {
    const bit = hashBigram(folded.charCodeAt(i), folded.charCodeAt(i + 1));
    sig[bit >>> 5]! |= 1 << (bit & 31);
  }
  return sig;
}

function buildEntry(row: SearchRow): Entry {
  return { id: row.id, savedAt: row.savedAt, folded: row.folded, sig: buildSignature(row.folded) };
}

// Signatures of a freshly loaded archive are built in slices this long, between the popup's own work.
const SLICE_MS = 12;

async function fillSignatures(entries: readonly Entry[]): Promise<void> {
  let i = 0;
  while (i < entries.length) {
    // Yield first: the caller gets its index (and answers the first query) before any slice runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const until = performance.now() + SLICE_MS;
    for (; i < entries.length && performance.now() < until; i++) {
      const entry = entries[i]!;
      entry.sig ??= buildSignature(entry.folded);
    }
  }
}

function compareNewest(a: Entry, b: Entry): number {
  return b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every search row of the archive, newest first: the packs (one read, they are few and large),
 * then the single rows in chunks by primary key, which override packed rows of the same clipping.
 */
export async function listSearchRows(db: ArchiveDb, chunkSize = 500): Promise<SearchRow[]> {
  const byId = new Map<string, SearchRow>();
  for (const pack of await db.searchPacks.toArray()) {
    for (const row of unpackSearchRows(pack)) byId.set(row.id, row);
  }
  let last: string | undefined;
  for (;;) {
    const from = last;
    const rows = await (
      from === undefined ? db.searchIndex.orderBy(':id') : db.searchIndex.where(':id').above(from)
    )
      .limit(chunkSize)
      .toArray();
    for (const row of rows) byId.set(row.id, row);
    if (rows.length < chunkSize) break;
    last = rows[rows.length - 1]!.id;
  }
  return [...byId.values()].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Load every search row of the archive and index it (done lazily, once per popup). The index is
 * usable at once; bigram signatures, which make each query several times faster, follow in slices.
 */
export async function createSearchIndex(db: ArchiveDb, chunkSize = 500): Promise<SearchIndex> {
  const entries: Entry[] = (await listSearchRows(db, chunkSize)).map((row) => ({
    id: row.id,
    savedAt: row.savedAt,
    folded: row.folded,
  }));
  void fillSignatures(entries);
  return { entries, fold: db.fold };
}

/** Add or replace rows (after a save, import or undo) keeping newest-first order. */
export function upsertSearchRows(index: SearchIndex, rows: readonly SearchRow[]): void {
  const ids = new Set(rows.map((r) => r.id));
  index.entries = index.entries
    .filter((e) => !ids.has(e.id))
    .concat(rows.map(buildEntry))
    .sort(compareNewest);
}

/** Drop clippings from the index (after a delete). */
export function removeSearchRows(index: SearchIndex, ids: readonly string[]): void {
  const gone = new Set(ids);
  index.entries = index.entries.filter((e) => !gone.has(e.id));
}

/** Split a query into folded terms; whitespace separates terms that must all occur. */
export function parseQuery(query: string, fold: FoldFn): string[] {
  return [...new Set(fold(query).split(/\s+/).filter(Boolean))];
}

export interface SearchResult {
  /** Folded query terms, for highlighting. */
  terms: string[];
  /** Every matching clipping id, newest first. */
  ids: string[];
}

/**
 * Find clippings whose title or body contains every query term in either script: candidates by
 * bigram signature, then exact verification on the folded text.
 */
export function searchArchive(index: SearchIndex, query: string): SearchResult {
  const terms = parseQuery(query, index.fold);
  if (terms.length === 0) return { terms, ids: index.entries.map((e) => e.id) };
  const mask = new Uint32Array(SIG_WORDS);
  for (const term of terms) {
    for (let i = 0; i + 1 < term.length; i++) {
      const bit = hashBigram(term.charCodeAt(i), term.charCodeAt(i + 1));
      mask[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  const words: number[] = [];
  for (let w = 0; w < SIG_WORDS; w++) if (mask[w]) words.push(w);
  const ids: string[] = [];
  for (const entry of index.entries) {
    let candidate = true;
    const sig = entry.sig;
    if (sig) {
      for (const w of words) {
        if ((mask[w]! & ~sig[w]!) !== 0) {
          candidate = false;
          break;
        }
      }
    }
    if (candidate && terms.every((t) => entry.folded.includes(t))) ids.push(entry.id);
  }
  return { terms, ids };
}

/** A piece of text with the character ranges to highlight, as [start, end) pairs. */
export interface Marked {
  text: string;
  ranges: Array<[number, number]>;
}

function findRanges(
  folded: string,
  terms: readonly string[],
  from: number,
  to: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (
      let at = folded.indexOf(term, from);
      at !== -1 && at + term.length <= to;
      at = folded.indexOf(term, at + term.length)
    ) {
      ranges.push([at - from, at - from + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Overlapping terms merge into one highlight.
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Highlighted title and a short body snippet around the first match, in the clipping's own
 * script (folding keeps lengths, so offsets in the folded text are offsets in the original).
 */
export function buildSnippet(
  clipping: Clipping,
  terms: readonly string[],
  fold: FoldFn,
  width = 90,
): { title: Marked; snippet: Marked } {
  const text = buildSearchText(clipping);
  const folded = fold(text);
  const titleEnd = clipping.title.length;
  const title = { text: clipping.title, ranges: findRanges(folded, terms, 0, titleEnd) };
  const bodyStart = titleEnd + 1;
  let first = -1;
  for (const term of terms) {
    const at = folded.indexOf(term, bodyStart);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  const start = first === -1 ? bodyStart : Math.max(bodyStart, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const raw = text.slice(start, end);
  const snippetText =
    (start > bodyStart ? '…' : '') + raw.replace(/\n/g, ' ') + (end < text.length ? '…' : '');
  const shift = start > bodyStart ? 1 : 0;
  const ranges = terms.length
    ? findRanges(folded, terms, start, end).map(([a, b]): [number, number] => [a + shift, b + shift])
    : [];
  return { title, snippet: { text: snippetText, ranges } };
}

/** What an open page needs to keep its search index in step with the archive. */
export interface SearchWatch {
  /** Every clipping id. */
  ids: string[];
  /** Ids of the packed row sets (imports write these; a change means: build afresh). */
  packs: string[];
  /** Clippings changed at or after `since`, with when. */
  changed: Array<{ id: string; updatedAt: number }>;
}

/**
 * Read what the search index follows: ids and packs as key lists (one getAllKeys each, cheap at
 * 10,000) and the few clippings changed since `since` (by the updatedAt index); with no `since`,
 * only the newest change, which starts the watch.
 */
export async function readSearchWatch(db: ArchiveDb, since: number | undefined): Promise<SearchWatch> {
  const [ids, packs] = await Promise.all([listClippingIds(db), db.searchPacks.toCollection().primaryKeys()]);
  const changed: SearchWatch['changed'] = [];
  const range =
    since === undefined
      ? db.clippings.orderBy('updatedAt').reverse().limit(1)
      : db.clippings.where('updatedAt').aboveOrEqual(since);
  await range.eachKey((updatedAt, cursor) => {
    changed.push({ id: String(cursor.primaryKey), updatedAt: Number(updatedAt) });
  });
  return { ids, packs, changed };
}

/**
 * Bring the index up to date from the last watch to this one: drop removed clippings, read back the
 * rows of added or changed ones. Returns false when a row is not stored singly or packs changed (an
 * import): the caller then builds the index afresh.
 */
export async function syncSearchIndex(
  db: ArchiveDb,
  index: SearchIndex,
  before: SearchWatch,
  after: SearchWatch,
): Promise<boolean> {
  if (before.packs.join('\n') !== after.packs.join('\n')) return false;
  const known = new Set(before.ids);
  const now = new Set(after.ids);
  const removed = before.ids.filter((id) => !now.has(id));
  // The last watch's newest changes come back (times are compared inclusively): skip those already read.
  const seen = new Map(before.changed.map((c) => [c.id, c.updatedAt]));
  const fetch = new Set([
    ...after.ids.filter((id) => !known.has(id)),
    ...after.changed.filter((c) => seen.get(c.id) !== c.updatedAt).map((c) => c.id),
  ]);
  fetch.forEach((id) => {
    if (!now.has(id)) fetch.delete(id);
  });
  if (fetch.size > 0) {
    const rows = await db.searchIndex.bulkGet([...fetch]);
    if (rows.some((row) => row === undefined)) return false;
    upsertSearchRows(
      index,
      rows.filter((row): row is SearchRow => row !== undefined),
    );
  }
  if (removed.length > 0) removeSearchRows(index, removed);
  return true;
}

/** The newest change a watch has seen, to ask for what changed after it next time. */
export function latestChange(watch: SearchWatch, previous = 0): number {
  return watch.changed.reduce((max, c) => Math.max(max, c.updatedAt), previous);
}
