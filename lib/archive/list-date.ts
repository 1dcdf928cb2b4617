/** The date a list shows for a clipping: when it was published, else (marked so) when it was saved. */
export interface ListDate {
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  /** True when the page gave no publication date and `date` is the save date. */
  saved: boolean;
}

/** Publication date as printed (the publisher's own offset), else the reader's local date of saving. */
export function readListDate(publishedAt: string, savedAt: number): ListDate {
  // publishedAt carries the publisher's own offset (+08:00): its date part is the date printed on the page.
  const printed = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (printed) return { date: `${printed[1]}-${printed[2]}-${printed[3]}`, saved: false };
  return { date: formatLocalDate(new Date(savedAt)), saved: true };
}

/** A date as YYYY-MM-DD in the reader's own time zone. */
export function formatLocalDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
