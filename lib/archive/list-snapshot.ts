import * as v from 'valibot';
import type { Clipping } from './types';

/** Storage key of the list snapshot (extension origin's localStorage). */
export const LIST_SNAPSHOT_KEY = 'baozhai.archive.list-snapshot.v1';

/** How many of the newest clippings the snapshot keeps: a popup shows about six, so 30 is ample. */
export const LIST_SNAPSHOT_SIZE = 30;

// The row preview shows one line of the note; the full note arrives with the archive.
const NOTE_PREVIEW = 200;

const SnapshotRowSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  title: v.pipe(v.string(), v.maxLength(2_000)),
  siteName: v.pipe(v.string(), v.maxLength(2_000)),
  publishedAt: v.pipe(v.string(), v.maxLength(100)),
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  script: v.picklist(['hans', 'hant', 'mixed']),
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50)),
  note: v.pipe(v.string(), v.maxLength(NOTE_PREVIEW)),
  asPage: v.optional(v.literal(true)),
});

const SnapshotSchema = v.strictObject({
  version: v.literal(1),
  rows: v.pipe(v.array(SnapshotRowSchema), v.minLength(1), v.maxLength(LIST_SNAPSHOT_SIZE)),
});

/** What the popup and the archive page need to draw one row before the archive is open. */
export type SnapshotRow = v.InferOutput<typeof SnapshotRowSchema>;

/** The minimal key–value store the snapshot lives in (window.localStorage in the popup). */
export type SnapshotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The newest rows as last seen by a popup, read synchronously so the first paint of the list need
 * not wait for IndexedDB; undefined when absent, unreadable or malformed (then the popup just waits).
 */
export function readListSnapshot(storage: SnapshotStorage | undefined): SnapshotRow[] | undefined {
  try {
    const text = storage?.getItem(LIST_SNAPSHOT_KEY);
    if (!text) return undefined;
    const parsed = v.safeParse(SnapshotSchema, JSON.parse(text));
    return parsed.success ? parsed.output.rows : undefined;
  } catch {
    return undefined;
  }
}

/** Keep the newest clippings (newest first, as listed) for the next popup's first paint; an empty list clears it. */
export function writeListSnapshot(
  storage: SnapshotStorage | undefined,
  newest: readonly Pick<Clipping, keyof SnapshotRow>[],
): void {
  if (!storage) return;
  try {
    if (newest.length === 0) {
      storage.removeItem(LIST_SNAPSHOT_KEY);
      return;
    }
    const rows: SnapshotRow[] = newest.slice(0, LIST_SNAPSHOT_SIZE).map((c) => ({
      id: c.id,
      title: c.title.slice(0, 2_000),
      siteName: c.siteName.slice(0, 2_000),
      publishedAt: c.publishedAt.slice(0, 100),
      savedAt: c.savedAt,
      script: c.script,
      tags: c.tags.slice(0, 50).map((t) => t.slice(0, 100)),
      note: c.note.slice(0, NOTE_PREVIEW),
      ...(c.asPage ? { asPage: true as const } : {}),
    }));
    storage.setItem(LIST_SNAPSHOT_KEY, JSON.stringify({ version: 1, rows }));
  } catch {
    // A full or disabled localStorage only costs the next popup its head start.
  }
}

/** Forget the snapshot (after deletes, so a removed clipping cannot flash up in the next popup). */
export function clearListSnapshot(storage: SnapshotStorage | undefined): void {
  try {
    storage?.removeItem(LIST_SNAPSHOT_KEY);
  } catch {
    // Nothing to do: an unreadable snapshot is ignored anyway.
  }
}
