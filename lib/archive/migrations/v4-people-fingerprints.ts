import { readArticlePeople } from '../../clean/people';
import { BANDS_STORE, buildFingerprintRow, putFingerprints } from '../tables/fingerprints';
import type { Clipping } from '../types';
import type { Migration } from './types';

/**
 * Schema version 4: body fingerprints for the reprint lookup, one row per clipping, and the people
 * of every clipping saved before records had them, both computed from the stored text.
 */
export const v4: Migration = {
  version: 4,
  // The spec as version 4 declared it: later versions add indexes in their own entry.
  stores: { fingerprints: 'id', bands: BANDS_STORE },
  upgrade: async (tx, { fold }) => {
    const rows: ReturnType<typeof buildFingerprintRow>[] = [];
    await tx
      .table('clippings')
      .toCollection()
      .modify((c: Clipping) => {
        if (!Array.isArray(c.people)) c.people = readArticlePeople(c);
        rows.push(buildFingerprintRow(c.id, c, fold));
      });
    await putFingerprints({ fingerprints: tx.table('fingerprints'), bands: tx.table('bands') }, rows);
  },
};
