import { readListDate } from '../../lib/archive/list-date';

/** The calendar date of an article for lists: its publication date, else when it was clipped. */
export function formatListDate(publishedAt: string, savedAt: number): string {
  return readListDate(publishedAt, savedAt).date;
}
