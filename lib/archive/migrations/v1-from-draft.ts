import type { Transaction } from 'dexie';
import * as v from 'valibot';
import { ArticleSchema } from '../../article/schema';
import type { FoldFn } from '../fold';
import { META_STORE, logMigration } from '../tables/meta';
import { SEARCH_INDEX_STORE, buildSearchRow } from '../tables/search-index';
import type { Clipping } from '../types';
import type { Migration } from './types';

/** The object store of the draft layout (IndexedDB version 1, before Dexie): one row per save. */
export const DRAFT_STORE = 'articles';

/** Meta key holding draft rows that could not be read as articles. */
export const UNREADABLE_DRAFT_ROWS = 'unreadable-draft-rows';

/** A row of the draft layout: the article nested, an ISO savedAt and comma-separated tags. */
export const DraftRowSchema = v.object({
  id: v.string(),
  article: ArticleSchema,
  savedAt: v.string(),
  tags: v.optional(v.string(), ''),
});

function readAll(store: IDBObjectStore): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = store.getAll();
    request.onsuccess = () => resolve(request.result as unknown[]);
    request.onerror = () => reject(request.error);
  });
}

/** Turn a draft row into a clipping; rows the draft wrote malformed are kept out rather than guessed. */
export function convertDraftRow(row: unknown, now: number): Clipping | undefined {
  const parsed = v.safeParse(DraftRowSchema, row);
  if (!parsed.success) return undefined;
  const { id, article, savedAt, tags } = parsed.output;
  const at = Date.parse(savedAt);
  const time = Number.isFinite(at) ? at : now;
  const tagList = [
    ...new Set(
      tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return { ...article, id, savedAt: time, updatedAt: time, tags: tagList, note: '' };
}

async function upgradeFromDraft(
  tx: Transaction,
  { fold, now }: { fold: FoldFn; now: number },
): Promise<void> {
  const raw = tx.idbtrans;
  if (!raw.objectStoreNames.contains(DRAFT_STORE)) return;
  const rows = await readAll(raw.objectStore(DRAFT_STORE));
  const clippings = rows
    .map((row) => convertDraftRow(row, now))
    .filter((c): c is Clipping => c !== undefined);
  await tx.table('clippings').bulkPut(clippings);
  await tx.table('searchIndex').bulkPut(clippings.map((c) => buildSearchRow(c, fold)));
  await logMigration(tx.table('meta'), { version: 1, at: now, moved: clippings.length });
  // Dexie drops the undeclared draft store after the upgrade: rows that failed validation are kept
  // verbatim in meta instead of being lost.
  const unreadable = rows.filter((row) => convertDraftRow(row, now) === undefined);
  if (unreadable.length) await tx.table('meta').put({ key: UNREADABLE_DRAFT_ROWS, value: unreadable });
}

/** Schema version 1: clippings, their search index and archive bookkeeping. */
export const v1: Migration = {
  version: 1,
  stores: {
    clippings: 'id, savedAt, url, canonicalUrl, contentHash, *tags',
    searchIndex: SEARCH_INDEX_STORE,
    meta: META_STORE,
  },
  upgrade: upgradeFromDraft,
};
