import type { ClippingsTable } from './clippings';
import type { MetaTable } from './meta';

/**
 * Meta key of the listing order: every clipping id, newest saved first, with its save time. Walking
 * the clippings' keys or their savedAt index reads past every stored body in Chromium (0.3–0.6 s at
 * 10,000 clippings, on every list and count); this one row answers both in a few milliseconds.
 */
export const ORDER_KEY = 'order';

export interface ClippingOrder {
  ids: string[];
  savedAts: number[];
}

interface OrderTables {
  clippings: ClippingsTable;
  meta: MetaTable;
}

function isOrder(value: unknown): value is ClippingOrder {
  const v = value as Partial<ClippingOrder> | undefined;
  return !!v && Array.isArray(v.ids) && Array.isArray(v.savedAts) && v.ids.length === v.savedAts.length;
}

/** Newest first, ties by id descending (the order the savedAt index gives read backwards). */
function compareNewest(a: { id: string; savedAt: number }, b: { id: string; savedAt: number }): number {
  return b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The order of (id, savedAt) pairs. */
export function buildOrder(pairs: Array<{ id: string; savedAt: number }>): ClippingOrder {
  pairs.sort(compareNewest);
  return { ids: pairs.map((p) => p.id), savedAts: pairs.map((p) => p.savedAt) };
}

/** The listing order; read from the savedAt index when a database has not kept it yet. */
export async function readOrder(db: OrderTables): Promise<ClippingOrder> {
  const row = await db.meta.get(ORDER_KEY);
  if (isOrder(row?.value)) return row.value;
  const pairs: Array<{ id: string; savedAt: number }> = [];
  await db.clippings.orderBy('savedAt').eachKey((savedAt, cursor) => {
    pairs.push({ id: String(cursor.primaryKey), savedAt: Number(savedAt) });
  });
  return buildOrder(pairs);
}

/**
 * Put clippings into the order (or move them to a new save time) and take others out, inside the
 * caller's transaction (which must include meta and clippings).
 */
export async function updateOrder(
  db: OrderTables,
  change: { put?: ReadonlyArray<{ id: string; savedAt: number }>; remove?: readonly string[] },
): Promise<void> {
  const put = change.put ?? [];
  const remove = change.remove ?? [];
  if (put.length === 0 && remove.length === 0) return;
  const current = await readOrder(db);
  const gone = new Set([...remove, ...put.map((p) => p.id)]);
  const pairs = put.map(({ id, savedAt }) => ({ id, savedAt }));
  current.ids.forEach((id, i) => {
    if (!gone.has(id)) pairs.push({ id, savedAt: current.savedAts[i]! });
  });
  await db.meta.put({ key: ORDER_KEY, value: buildOrder(pairs) });
}
