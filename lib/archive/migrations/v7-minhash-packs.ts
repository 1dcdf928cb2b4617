import { FINGERPRINTS_STORE, type FingerprintRow } from '../tables/fingerprints';
import { MINHASH_PACKS_STORE, MINHASH_TAIL_KEY, packMinhashes } from '../tables/minhash-packs';
import type { Migration } from './types';

/**
 * Schema version 7: the body fingerprints are also kept packed, 500 to a value, and the reprint
 * lookup scans those instead of the band index, which goes (its candidates cost one read each);
 * back-filled from the fingerprint rows, whose band keys are dropped.
 */
export const v7: Migration = {
  version: 7,
  stores: { fingerprints: FINGERPRINTS_STORE, minhashes: MINHASH_PACKS_STORE },
  upgrade: async (tx) => {
    const entries: Array<Pick<FingerprintRow, 'id' | 'minhash'>> = [];
    await tx
      .table('fingerprints')
      .toCollection()
      .modify((row: FingerprintRow & { bands?: string[] }) => {
        delete row.bands;
        entries.push({ id: row.id, minhash: row.minhash });
      });
    const packs = packMinhashes(entries);
    await tx.table('minhashes').bulkPut(packs);
    const last = packs.at(-1);
    if (last) await tx.table('meta').put({ key: MINHASH_TAIL_KEY, value: last.id });
  },
};
