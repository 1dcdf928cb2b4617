import {
  PEOPLE_STORE,
  adjustPeopleCounts,
  buildFingerprintRow,
  summariseClipping,
  type ClippingSummary,
  type FingerprintRow,
} from '../tables/fingerprints';
import { bandsOf } from '../fingerprint';
import { ORDER_KEY, buildOrder } from '../tables/order';
import type { Clipping } from '../types';
import type { Migration } from './types';

/**
 * Schema version 6: band keys move onto the fingerprint rows as a multiEntry index (the band table,
 * read and rewritten on every save, goes); each row carries the clipping's summary, so the reprint
 * lookup, the person view and the archive table read no clipping; people counts get their own table
 * for the facet, and the listing order is kept in one meta row. Back-filled from the stored clippings.
 */
export const v6: Migration = {
  version: 6,
  // The spec as version 6 declared it: version 7 drops the band index.
  stores: { fingerprints: 'id, *people, *bands', bands: null, people: PEOPLE_STORE },
  upgrade: async (tx, { fold }) => {
    const summaries = new Map<string, ClippingSummary>();
    await tx
      .table('clippings')
      .toCollection()
      .each((c: Clipping) => summaries.set(c.id, summariseClipping(c)));
    const pairs = [...summaries].map(([id, s]) => ({ id, savedAt: s.savedAt }));
    await tx.table('meta').put({ key: ORDER_KEY, value: buildOrder(pairs) });
    const fingerprints = tx.table('fingerprints');
    const kept = new Set<string>();
    await fingerprints.toCollection().modify((row: FingerprintRow, ref: { value?: FingerprintRow }) => {
      const summary = summaries.get(row.id);
      if (!summary) {
        // A row whose clipping is gone names nothing: drop it.
        delete ref.value;
        return;
      }
      kept.add(row.id);
      (row as FingerprintRow & { bands?: string[] }).bands = bandsOf(row.minhash);
      row.people ??= [];
      row.summary = summary;
    });
    // A clipping without a row (none should be): fingerprint it from its text.
    const missing = [...summaries.keys()].filter((id) => !kept.has(id));
    if (missing.length) {
      const clippings = (await tx.table('clippings').bulkGet(missing)) as Array<Clipping | undefined>;
      await fingerprints.bulkPut(
        clippings.filter((c): c is Clipping => !!c).map((c) => buildFingerprintRow(c, fold)),
      );
    }
    const counts = new Map<string, number>();
    await fingerprints.toCollection().each((row: FingerprintRow) => {
      for (const key of row.people) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    await adjustPeopleCounts(tx.table('people'), counts);
  },
};
