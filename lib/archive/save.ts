import type { Article } from '../article/record';
import type { ArchiveDb } from './db';
import { ArchiveError, toArchiveError } from './errors';
import { buildSearchText } from './search-text';
import { findClipping, pageKey } from './tables/clippings';
import {
  buildFingerprintRow,
  buildLookupKeys,
  retagLookupRows,
  summariseClipping,
  writeLookupRows,
} from './tables/fingerprints';
import { dropFromPack, unpackSearchRows } from './tables/search-packs';
import { updateOrder } from './tables/order';
import type { Clipping, SearchRow } from './types';

import {
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  normaliseArticle,
  normaliseTag,
  normaliseText,
} from '../article/valid';

// One definition of the limits and of valid text, shared with the message contract and import.
export { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS };

/**
 * Save an article as a clipping, in one transaction: a page already saved (same URL, or same
 * content hash on the same site) updates that clipping and keeps its id, tags and note; IndexedDB
 * serialises overlapping read-write transactions, so concurrent saves cannot both create. The
 * article is normalised first (lib/article/valid.ts), so whatever is saved also exports and imports.
 * `asPage` marks a page the reader chose to keep although it is not an article.
 */
export async function saveArticle(
  db: ArchiveDb,
  page: Article,
  now = Date.now(),
  options: { asPage?: boolean } = {},
): Promise<{ id: string; created: boolean }> {
  const normalised = normaliseArticle(page);
  const article = { ...normalised, url: pageKey(normalised.url) };
  const marking: { asPage?: true } = options.asPage ? { asPage: true } : {};
  // Fold outside the transaction: a transaction must not wait on anything but its own requests.
  const folded = db.fold(buildSearchText(article));
  const keys = buildLookupKeys(article, db.fold);
  try {
    const tables = [db.clippings, db.searchIndex, db.fingerprints, db.people, db.minhashes, db.meta];
    return await db.transaction('rw', tables, async () => {
      const existing = await findClipping(db.clippings, article);
      const clipping: Clipping = existing
        ? {
            ...article,
            // Matched by content hash, the clipping keeps the address it was saved from.
            url: existing.url,
            id: existing.id,
            savedAt: existing.savedAt,
            // A clock set back must not make a record import refuses (updatedAt before savedAt).
            updatedAt: Math.max(now, existing.savedAt),
            tags: existing.tags,
            note: existing.note,
            ...marking,
          }
        : {
            ...article,
            id: globalThis.crypto.randomUUID(),
            savedAt: now,
            updatedAt: now,
            tags: [],
            note: '',
            ...marking,
          };
      const row = { id: clipping.id, ...keys, summary: summariseClipping(clipping) };
      // Every write asked for at once: none depends on another's answer, and any failure still
      // aborts the whole transaction.
      await Promise.all([
        db.clippings.put(clipping),
        db.searchIndex.put({ id: clipping.id, savedAt: clipping.savedAt, folded }),
        writeLookupRows(db, [row], { newIds: existing ? undefined : new Set([row.id]) }),
        existing ? undefined : updateOrder(db, { put: [clipping], isNew: true }),
      ]);
      return { id: clipping.id, created: !existing };
    });
  } catch (error) {
    throw toArchiveError(error, 'saving the article');
  }
}

/** Is the page at this URL in the archive? (Only the URL: a page learns nothing about others.) */
export async function findSaved(db: ArchiveDb, url: string): Promise<boolean> {
  const key = pageKey(url);
  return key !== '' && (await db.clippings.where('url').equals(key).count()) > 0;
}

/** Normalise tags as typed by the reader (lib/article/valid.ts): one space, trimmed, unique, bounded. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out = [...new Set(tags.map(normaliseTag).filter(Boolean))];
  if (out.length > MAX_TAGS) throw new ArchiveError('invalid', `At most ${MAX_TAGS} tags per clipping.`);
  const long = out.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) throw new ArchiveError('invalid', `Tags are at most ${MAX_TAG_LENGTH} characters.`);
  return out;
}

/** Change a clipping's tags and note. */
export async function updateClipping(
  db: ArchiveDb,
  id: string,
  changes: { tags?: readonly string[]; note?: string },
  now = Date.now(),
): Promise<Clipping> {
  const tags = changes.tags === undefined ? undefined : normaliseTags(changes.tags);
  const note = changes.note === undefined ? undefined : normaliseText(changes.note);
  if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
    throw new ArchiveError('invalid', `Notes are at most ${MAX_NOTE_LENGTH} characters.`);
  }
  try {
    return await db.transaction('rw', [db.clippings, db.fingerprints], async () => {
      const clipping = await db.clippings.get(id);
      if (!clipping) throw new ArchiveError('not-found', 'This clipping is no longer in the archive.');
      const next: Clipping = {
        ...clipping,
        tags: tags ?? clipping.tags,
        note: note ?? clipping.note,
        updatedAt: Math.max(now, clipping.savedAt),
      };
      await db.clippings.put(next);
      await retagLookupRows(db.fingerprints, [next]);
      return next;
    });
  } catch (error) {
    throw toArchiveError(error, 'saving your changes');
  }
}

/** Add and remove tags on many clippings in one transaction (the archive page's bulk tagging). */
export async function retagClippings(
  db: ArchiveDb,
  ids: readonly string[],
  changes: { add?: readonly string[]; remove?: readonly string[] },
  now = Date.now(),
): Promise<number> {
  const add = normaliseTags(changes.add ?? []);
  const remove = new Set(normaliseTags(changes.remove ?? []));
  try {
    return await db.transaction('rw', [db.clippings, db.fingerprints], async () => {
      const clippings = (await db.clippings.bulkGet([...ids])).filter((c): c is Clipping => c !== undefined);
      const next: Clipping[] = [];
      for (const clipping of clippings) {
        const tags = normaliseTags([...clipping.tags.filter((t) => !remove.has(t)), ...add]);
        if (tags.join('\n') !== clipping.tags.join('\n')) next.push({ ...clipping, tags, updatedAt: now });
      }
      await db.clippings.bulkPut(next);
      await retagLookupRows(db.fingerprints, next);
      return next.length;
    });
  } catch (error) {
    throw toArchiveError(error, 'saving your changes');
  }
}

/** What deleting removed, kept by the caller so the deletion can be undone. */
export interface Removed {
  clippings: Clipping[];
  rows: SearchRow[];
}

/** Delete clippings and their index rows (single and packed) in one transaction; returns what was removed for undo. */
export async function deleteClippings(db: ArchiveDb, ids: readonly string[]): Promise<Removed> {
  try {
    const tables = [
      ...[db.clippings, db.searchIndex, db.searchPacks],
      ...[db.fingerprints, db.people, db.minhashes, db.meta],
    ];
    return await db.transaction('rw', tables, async () => {
      const clippings = (await db.clippings.bulkGet([...ids])).filter((c): c is Clipping => c !== undefined);
      const rows = (await db.searchIndex.bulkGet([...ids])).filter((r): r is SearchRow => r !== undefined);
      const gone = new Set(ids);
      const packs = new Map(
        (
          await db.searchPacks
            .where('ids')
            .anyOf([...ids])
            .toArray()
        ).map((p) => [p.id, p]),
      );
      // A single row overrides a packed one, so a packed row is only kept for undo when no single one exists.
      const single = new Set(rows.map((r) => r.id));
      for (const pack of packs.values()) {
        for (const row of unpackSearchRows(pack)) if (gone.has(row.id) && !single.has(row.id)) rows.push(row);
        const rest = dropFromPack(pack, gone);
        if (rest) await db.searchPacks.put(rest);
        else await db.searchPacks.delete(pack.id);
      }
      await db.clippings.bulkDelete([...ids]);
      await db.searchIndex.bulkDelete([...ids]);
      await writeLookupRows(db, [], { removeIds: ids });
      await updateOrder(db, { remove: ids });
      return { clippings, rows };
    });
  } catch (error) {
    throw toArchiveError(error, 'deleting');
  }
}

/** Undo a deletion: put the removed clippings back exactly as they were. */
export async function restoreClippings(db: ArchiveDb, removed: Removed): Promise<void> {
  try {
    const fingerprints = removed.clippings.map((c) => buildFingerprintRow(c, db.fold));
    const tables = [db.clippings, db.searchIndex, db.fingerprints, db.people, db.minhashes, db.meta];
    await db.transaction('rw', tables, async () => {
      await db.clippings.bulkPut(removed.clippings);
      await updateOrder(db, { put: removed.clippings });
      await db.searchIndex.bulkPut(removed.rows);
      await writeLookupRows(db, fingerprints);
    });
  } catch (error) {
    throw toArchiveError(error, 'undoing the deletion');
  }
}
