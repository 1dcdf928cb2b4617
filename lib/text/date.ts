/** Dates as Chinese pages print them, turned into ISO 8601 with an offset. */

const DATE =
  /((?:19|20)\d{2})\s*(?:年|-|\/|\.|\s(?=\s*\d{1,2}\s*\/\s*\d))\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时時]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?/;
const DATE_GLOBAL = new RegExp(DATE.source, 'g');

/** A date as printed in a dateline, with an optional time ("2024年5月13日 10:30"): to find, not to parse. */
export const PRINTED_DATE =
  /(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/;

/** Parse the first date in a text ("2022年02月26日12:29", "2022-06-20 10:51") to ISO 8601, or ''. */
export function parseDate(text: string): string {
  const match = DATE.exec(text);
  return match ? toIso(match) : '';
}

/** Every date in a text, in order, as ISO 8601. */
export function findDates(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(DATE_GLOBAL)) {
    const iso = toIso(match);
    if (iso) dates.push(iso);
  }
  return dates;
}

/** Parse an 8-digit date in a URL path (/20240515/, /2024-05/13/, /2024/0510/), date only. */
export function parseUrlDate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const match =
    /\/((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?:\/|_|$)/.exec(path) ??
    /[/_t]((?:19|20)\d{2})(\d{2})(\d{2})[_/.]/.exec(path);
  if (!match) return '';
  return formatIso(Number(match[1]), Number(match[2]), Number(match[3]), 0, 0, 0, '');
}

function toIso(match: RegExpMatchArray): string {
  const [, y, mo, d, h, mi, s, zone] = match;
  return formatIso(
    Number(y),
    Number(mo),
    Number(d),
    h ? Number(h) : 0,
    mi ? Number(mi) : 0,
    s ? Number(s) : 0,
    zone ?? '',
  );
}

function formatIso(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): string {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return '';
  const offset = !zone
    ? '+08:00'
    : zone === 'Z'
      ? 'Z'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
