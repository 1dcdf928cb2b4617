import type { ClippingsTable } from './clippings';
import type { MetaTable } from './meta';

/**
 * Meta key of the listing order: every clipping id, newest saved first, with its save time. Walking
 * the clippings' keys or their savedAt index reads past every stored body in Chromium (0.3–0.6 s at
 * 10,000 clippings, on every list and count); this one row answers both in a few milliseconds.
 */
export const ORDER_KEY = 'order';

/**
 * Meta key of the clippings saved since the order row was last written, newest first: a save adds
 * to this short row instead of rewriting the whole order (~0.3 MB at 10,000 clippings) each time.
 */
export const RECENT_ORDER_KEY = 'order-recent';

// Past this many, the recent saves are folded into the order row: one rewrite per 500 saves.
const MAX_RECENT = 500;

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
  const [row, recentRow] = await db.meta.bulkGet([ORDER_KEY, RECENT_ORDER_KEY]);
  if (isOrder(row?.value)) {
    const recent = recentRow?.value;
    if (!isOrder(recent) || recent.ids.length === 0) return row.value;
    const base = row.value;
    const oldest = recent.ids.length - 1;
    // Saves come newest: the recent row then simply goes first (a clock set back needs a sort).
    if (
      base.ids.length === 0 ||
      compareNewest(
        { id: recent.ids[oldest]!, savedAt: recent.savedAts[oldest]! },
        { id: base.ids[0]!, savedAt: base.savedAts[0]! },
      ) < 0
    )
      return { ids: [...recent.ids, ...base.ids], savedAts: [...recent.savedAts, ...base.savedAts] };
    return buildOrder([...pairsOf(recent), ...pairsOf(base)]);
  }
  const pairs: Array<{ id: string; savedAt: number }> = [];
  await db.clippings.orderBy('savedAt').eachKey((savedAt, cursor) => {
    pairs.push({ id: String(cursor.primaryKey), savedAt: Number(savedAt) });
  });
  return buildOrder(pairs);
}

function pairsOf(order: ClippingOrder): Array<{ id: string; savedAt: number }> {
  return order.ids.map((id, i) => ({ id, savedAt: order.savedAts[i]! }));
}

/**
 * Put clippings into the order (or move them to a new save time) and take others out, inside the
 * caller's transaction (which must include meta and clippings). `isNew` says the clippings put are
 * in no order yet (a first save), so they may go to the short recent row.
 */
export async function updateOrder(
  db: OrderTables,
  change: {
    put?: ReadonlyArray<{ id: string; savedAt: number }>;
    remove?: readonly string[];
    isNew?: boolean;
  },
): Promise<void> {
  const put = change.put ?? [];
  const remove = change.remove ?? [];
  if (put.length === 0 && remove.length === 0) return;
  if (change.isNew && remove.length === 0) {
    // Only whether the order row is there: reading it (every id, ~0.3 MB at 10,000) cost each save.
    const [kept, recentRow] = await Promise.all([
      db.meta.where('key').equals(ORDER_KEY).count(),
      db.meta.get(RECENT_ORDER_KEY),
    ]);
    const recent = isOrder(recentRow?.value) ? recentRow.value : { ids: [], savedAts: [] };
    if (kept > 0 && recent.ids.length + put.length <= MAX_RECENT) {
      const next = buildOrder([...put.map(({ id, savedAt }) => ({ id, savedAt })), ...pairsOf(recent)]);
      await db.meta.put({ key: RECENT_ORDER_KEY, value: next });
      return;
    }
  }
  const current = await readOrder(db);
  const gone = new Set([...remove, ...put.map((p) => p.id)]);
  const pairs = put.map(({ id, savedAt }) => ({ id, savedAt }));
  current.ids.forEach((id, i) => {
    if (!gone.has(id)) pairs.push({ id, savedAt: current.savedAts[i]! });
  });
  await db.meta.bulkPut([
    { key: ORDER_KEY, value: buildOrder(pairs) },
    { key: RECENT_ORDER_KEY, value: { ids: [], savedAts: [] } },
  ]);
}
