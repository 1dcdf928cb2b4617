import { readArticlePeople } from '../../clean/people';
import { buildFingerprintRow } from '../tables/fingerprints';
import type { Clipping } from '../types';
import type { Migration } from './types';

/**
 * Schema version 4: body fingerprints for the reprint lookup, one row per clipping, and the people
 * of every clipping saved before records had them, both computed from the stored text.
 */
export const v4: Migration = {
  version: 4,
  // The spec as version 4 declared it: later versions add indexes in their own entry.
  stores: { fingerprints: 'id', bands: 'key' },
  upgrade: async (tx, { fold }) => {
    const rows: ReturnType<typeof buildFingerprintRow>[] = [];
    await tx
      .table('clippings')
      .toCollection()
      .modify((c: Clipping) => {
        if (!Array.isArray(c.people)) c.people = readArticlePeople(c);
        rows.push(buildFingerprintRow(c, fold));
      });
    // Rows in today's shape: version 6 turned the band table into an index on these rows.
    await tx.table('fingerprints').bulkPut(rows);
  },
};
