import type { ArchiveDb } from '../archive/db';
import { getClippings, listClippingIds } from '../archive/tables/clippings';
import type { Clipping } from '../archive/types';
import { formatLocalDate } from '../archive/list-date';
import { CLIPPINGS_FORMAT, CLIPPINGS_VERSION } from './format';

// Reads in flight at once: in Chromium, 4 × 250 clippings read a 10,000-clipping archive about a
// fifth faster than one 500-clipping read at a time.
const READS_AHEAD = 4;

export interface ExportOptions {
  /** Only these clippings (the popup's selection); all when absent. */
  ids?: readonly string[];
  now?: number;
  /** Called after each chunk with clippings done and total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
}

/** Dated file name of an export, in the reader's local date: baozhai-clippings-2026-11-21.json. */
export function formatExportFileName(
  date: Date,
  extension: 'json' | 'zip' | 'html' | 'csl.json' | 'ris' = 'json',
): string {
  return `baozhai-clippings-${formatLocalDate(date)}.${extension}`;
}

/**
 * The clippings to export (all, or the selection) newest first, each passed through `serialise` as
 * soon as its chunk is read, so a large archive is never held as records and output at once.
 */
export async function readForExport<T>(
  db: ArchiveDb,
  options: ExportOptions,
  serialise: (clipping: Clipping) => T,
): Promise<T[]> {
  const chunkSize = options.chunkSize ?? 250;
  const newest = await listClippingIds(db);
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const ids = wanted ? newest.filter((id) => wanted.has(id)) : newest;
  options.onProgress?.(0, ids.length);
  // Read in primary-key ranges, one getAll each, keeping a few reads under way while earlier chunks
  // are serialised (the reads, not the serialising, take most of an export); then lay the results
  // out newest first.
  const done = new Map<string, T>();
  const sorted = [...ids].sort();
  const readChunk = (start: number): Promise<Clipping[]> => {
    const slice = sorted.slice(start, start + chunkSize);
    if (slice.length === 0) return Promise.resolve([]);
    // A selection reads only its own ids; the whole archive reads key ranges.
    if (wanted) return getClippings(db.clippings, slice);
    return db.clippings
      .where(':id')
      .between(slice[0]!, slice[slice.length - 1]!, true, true)
      .toArray();
  };
  const ahead: Array<Promise<Clipping[]>> = [];
  for (let k = 0; k < READS_AHEAD; k++) ahead.push(readChunk(k * chunkSize));
  for (let start = 0; start < sorted.length; start += chunkSize) {
    const chunk = await ahead.shift()!;
    ahead.push(readChunk(start + READS_AHEAD * chunkSize));
    for (const c of chunk) done.set(c.id, serialise(c));
    options.onProgress?.(done.size, ids.length);
  }
  const out: T[] = [];
  for (const id of ids) {
    const item = done.get(id);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/**
 * Serialise clippings newest first as the export file, in parts (one clipping per line) so a large
 * archive is read chunk by chunk and never held as one giant string; join or wrap in a Blob.
 */
export async function exportClippings(
  db: ArchiveDb,
  options: ExportOptions = {},
): Promise<{ parts: string[]; count: number }> {
  const head = {
    format: CLIPPINGS_FORMAT,
    version: CLIPPINGS_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
  };
  const lines = await readForExport(db, options, (c) => JSON.stringify(c));
  const parts = [JSON.stringify(head).slice(0, -1) + ',"clippings":['];
  lines.forEach((line, i) => parts.push((i === 0 ? '\n' : ',\n') + line));
  parts.push('\n]}\n');
  return { parts, count: lines.length };
}

/** The whole export as one string (tests and small archives). */
export async function exportClippingsText(db: ArchiveDb, options: ExportOptions = {}): Promise<string> {
  return (await exportClippings(db, options)).parts.join('');
}
