import { readArticlePeople } from '../../clean/people';
import { personKey } from '../tables/fingerprints';
import type { Clipping } from '../types';
import type { Migration } from './types';

/**
 * Schema version 5: each clipping's people, folded to one script, on its fingerprint row under a
 * multiEntry index, for the people facet and the person filter; back-filled from the clippings.
 */
export const v5: Migration = {
  version: 5,
  // The spec as version 5 declared it: version 6 adds the band index.
  stores: { fingerprints: 'id, *people' },
  upgrade: async (tx, { fold }) => {
    const keys = new Map<string, string[]>();
    await tx
      .table('clippings')
      .toCollection()
      .each((c: Clipping) => {
        const people = Array.isArray(c.people) ? c.people : readArticlePeople(c);
        keys.set(c.id, [...new Set(people.map((p) => personKey(p.name, fold)))].filter(Boolean));
      });
    await tx
      .table('fingerprints')
      .toCollection()
      .modify((row: { id: string; people?: string[] }) => {
        row.people = keys.get(row.id) ?? [];
      });
  },
};
