/** Clippings as the archive table lists them: the small summary rows, never the bodies. */
import type { ArchiveDb } from './db';
import { summariseClipping, type ClippingSummary } from './tables/fingerprints';
import type { Clipping } from './types';

/** A clipping's summary with its id. */
export type SummaryRow = ClippingSummary & { id: string };

/**
 * Summaries by id, in the order asked, skipping ids no longer stored. A clipping without a lookup
 * row (none should lack one) is read whole and summarised, so it still lists.
 */
export async function getSummaries(db: ArchiveDb, ids: readonly string[]): Promise<SummaryRow[]> {
  const rows = await db.fingerprints.bulkGet([...ids]);
  const missing = ids.filter((_, i) => !rows[i]);
  const read = missing.length ? await db.clippings.bulkGet(missing) : [];
  const fallback = new Map(
    read.filter((c): c is Clipping => !!c).map((c) => [c.id, { id: c.id, ...summariseClipping(c) }]),
  );
  const out: SummaryRow[] = [];
  ids.forEach((id, i) => {
    const row = rows[i];
    const summary = row ? { id, ...row.summary } : fallback.get(id);
    if (summary) out.push(summary);
  });
  return out;
}
