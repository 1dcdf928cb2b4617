import { describe, expect, it } from 'vitest';
import { Dexie, type ObservabilitySet } from 'dexie';
import { deleteClippings, readArchiveChanges, saveArticle } from '../../lib/archive/index';
import { importClippingsText } from '../../lib/export/index';
import { makeArticle, openTestArchive } from './helpers';

/** The change events Dexie fires for this archive while `act` runs, as another page receives them (cloned). */
async function recordChanges(act: () => Promise<unknown>): Promise<ObservabilitySet[]> {
  const seen: ObservabilitySet[] = [];
  const listener = (parts: ObservabilitySet) => void seen.push(structuredClone(parts));
  Dexie.on('storagemutated', listener);
  try {
    await act();
  } finally {
    Dexie.on('storagemutated').unsubscribe(listener);
  }
  return seen;
}

describe('archive change events', () => {
  it('a save names the clipping whose search row changed', async () => {
    const db = openTestArchive();
    // Creating the database is itself a (whole-archive) change; open it first.
    await db.open();
    let id = '';
    const events = await recordChanges(async () => {
      id = (await saveArticle(db, makeArticle(), 1_000)).id;
    });
    const changes = events.map((parts) => readArchiveChanges(parts, db.name)).filter((c) => c !== undefined);
    expect(changes).toEqual([{ clippings: true, search: [id] }]);
  });

  it('a delete names its clippings; an import is too broad to list', async () => {
    const db = openTestArchive();
    const a = await saveArticle(db, makeArticle(), 1_000);
    const b = await saveArticle(db, makeArticle(), 2_000);
    const deleted = await recordChanges(() => deleteClippings(db, [a.id, b.id]));
    const search = deleted.map((p) => readArchiveChanges(p, db.name)?.search).find((s) => s !== undefined);
    expect(search === 'all' ? search : [...search!].sort()).toEqual([a.id, b.id].sort());
    const clipping = { ...makeArticle(), id: 'imported', savedAt: 5, updatedAt: 5, tags: [], note: '' };
    const imported = await recordChanges(() =>
      importClippingsText(
        db,
        JSON.stringify({ format: 'baozhai-clippings', version: 1, exportedAt: '', clippings: [clipping] }),
      ),
    );
    expect(imported.map((p) => readArchiveChanges(p, db.name)).find((c) => c !== undefined)).toEqual({
      clippings: true,
      search: 'all',
    });
  });

  it('ignores changes to other databases', async () => {
    const db = openTestArchive();
    const other = openTestArchive();
    await db.open();
    const events = await recordChanges(() => saveArticle(other, makeArticle(), 1_000));
    expect(events.map((p) => readArchiveChanges(p, db.name)).filter((c) => c !== undefined)).toEqual([]);
  });
});
