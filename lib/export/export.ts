import type { ArchiveDb } from '../archive/db';
import type { Clipping } from '../archive/types';
import { CLIPPINGS_FORMAT, CLIPPINGS_VERSION } from './format';

export interface ExportOptions {
  /** Only these clippings (the popup's selection); all when absent. */
  ids?: readonly string[];
  now?: number;
  /** Called after each chunk with clippings done and total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
}

/** Dated file name of an export, in the reader's local date: baozhai-clippings-2026-11-21.json. */
export function formatExportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `baozhai-clippings-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/**
 * Serialise clippings newest first as the export file, in parts (one clipping per line) so a large
 * archive is read chunk by chunk and never held as one giant string; join or wrap in a Blob.
 */
export async function exportClippings(db: ArchiveDb, options: ExportOptions = {}): Promise<{ parts: string[]; count: number }> {
  const chunkSize = options.chunkSize ?? 250;
  const newest = await db.clippings.orderBy('savedAt').reverse().primaryKeys();
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const ids = wanted ? newest.filter((id) => wanted.has(id)) : newest;
  const head = { format: CLIPPINGS_FORMAT, version: CLIPPINGS_VERSION, exportedAt: new Date(options.now ?? Date.now()).toISOString() };
  const parts = [JSON.stringify(head).slice(0, -1) + ',"clippings":['];
  options.onProgress?.(0, ids.length);
  let done = 0;
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = (await db.clippings.bulkGet(ids.slice(start, start + chunkSize))).filter((c): c is Clipping => c !== undefined);
    for (const clipping of chunk) {
      parts.push((done === 0 ? '\n' : ',\n') + JSON.stringify(clipping));
      done++;
    }
    options.onProgress?.(Math.min(start + chunkSize, ids.length), ids.length);
  }
  parts.push('\n]}\n');
  return { parts, count: done };
}

/** The whole export as one string (tests and small archives). */
export async function exportClippingsText(db: ArchiveDb, options: ExportOptions = {}): Promise<string> {
  return (await exportClippings(db, options)).parts.join('');
}
