import type { Transaction } from 'dexie';
import type { FoldFn } from '../fold';

/** One schema version: its Dexie stores and, when data must move, the upgrade that moves it. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction, context: { fold: FoldFn; now: number }) => Promise<void>;
}
