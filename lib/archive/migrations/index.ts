import type { Migration } from './types';
import { v1 } from './v1-from-draft';
import { v2 } from './v2-search-packs';
import { v3 } from './v3-updated-index';
import { v4 } from './v4-people-fingerprints';
import { v5 } from './v5-people-index';
import { v6 } from './v6-lookup-rows';
import { v7 } from './v7-minhash-packs';

export type { Migration } from './types';

/**
 * Every schema version in order. To change the schema, append version N+1 in its own file with an
 * upgrade that moves the data, and a test that opens a database written by version N.
 */
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7];
