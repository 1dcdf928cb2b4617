import { readListDate, type SummaryRow } from '../../lib/archive/index';
import type { Script } from '../../lib/article/record';

/** What the archive table shows and sorts by for one clipping (the body is never held here). */
export interface TableRow {
  id: string;
  title: string;
  siteName: string;
  /** Publication date, or the save date when `saved`. */
  date: string;
  saved: boolean;
  asPage: boolean;
  script: Script;
  tags: string[];
  savedAt: number;
}

export type SortKey = 'title' | 'site' | 'date' | 'script' | 'tags' | 'saved';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** The default order: newest saved first, the archive's own index order (no rows needed to sort). */
export const NEWEST_FIRST: Sort = { key: 'saved', descending: true };

/** The table's row for a clipping (its summary row, or the clipping itself). */
export function toTableRow(
  clipping: Pick<
    SummaryRow,
    'id' | 'title' | 'siteName' | 'publishedAt' | 'savedAt' | 'asPage' | 'script' | 'tags'
  >,
): TableRow {
  const { date, saved } = readListDate(clipping.publishedAt, clipping.savedAt);
  return {
    id: clipping.id,
    title: clipping.title,
    siteName: clipping.siteName,
    date,
    saved,
    asPage: clipping.asPage === true,
    script: clipping.script,
    tags: clipping.tags,
    savedAt: clipping.savedAt,
  };
}

const collator = new Intl.Collator('zh', { numeric: true });

function compareBy(key: SortKey): (a: TableRow, b: TableRow) => number {
  switch (key) {
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'site':
      return (a, b) => collator.compare(a.siteName, b.siteName);
    case 'date':
      return (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
    case 'script':
      return (a, b) => (a.script < b.script ? -1 : a.script > b.script ? 1 : 0);
    case 'tags':
      // Untagged clippings sort after tagged ones either way round.
      return (a, b) => {
        if (!a.tags.length || !b.tags.length) return (a.tags.length ? 0 : 1) - (b.tags.length ? 0 : 1);
        return collator.compare(a.tags.join('、'), b.tags.join('、'));
      };
    case 'saved':
      return (a, b) => a.savedAt - b.savedAt;
  }
}

/**
 * Ids (given newest first) in the chosen order; ties keep newest first. Undefined when a row needed
 * for sorting is not loaded yet.
 */
export function sortIds(
  ids: readonly string[],
  rows: ReadonlyMap<string, TableRow>,
  sort: Sort,
): string[] | undefined {
  if (sort.key === 'saved') return sort.descending ? [...ids] : [...ids].reverse();
  const list: TableRow[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) return undefined;
    list.push(row);
  }
  const compare = compareBy(sort.key);
  const untaggedLast = sort.key === 'tags';
  const rank = new Map(ids.map((id, i) => [id, i]));
  list.sort((a, b) => {
    const c = compare(a, b);
    if (c !== 0) {
      if (untaggedLast && (!a.tags.length || !b.tags.length)) return c;
      return sort.descending ? -c : c;
    }
    return rank.get(a.id)! - rank.get(b.id)!;
  });
  return list.map((row) => row.id);
}
