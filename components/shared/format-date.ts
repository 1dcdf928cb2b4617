/** The calendar date of an article for lists: its publication date, else when it was clipped. */
export function formatListDate(publishedAt: string, savedAt: number): string {
  // publishedAt carries the publisher's own offset (+08:00): its date part is the date printed on the page.
  const printed = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (printed) return `${printed[1]}-${printed[2]}-${printed[3]}`;
  return new Date(savedAt).toISOString().slice(0, 10);
}
