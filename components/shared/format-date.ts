import { readListDate } from '../../lib/archive/list-date';

/** The calendar date of an article for lists: its publication date, else when it was clipped. */
export function formatListDate(publishedAt: string, savedAt: number): string {
  return readListDate(publishedAt, savedAt).date;
}

/** True when a list shows the save date, for want of a publication date (it then says 「保存于」). */
export function isSaveDate(publishedAt: string): boolean {
  return !/^\d{4}-\d{2}-\d{2}/.test(publishedAt);
}
