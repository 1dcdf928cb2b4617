/** Dates as Chinese pages print them, turned into ISO 8601 with an offset. */

const DATE =
  /((?:19|20)\d{2})\s*(?:年|-|\/|\.|\s(?=\s*\d{1,2}\s*\/\s*\d))\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时時]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?/;
const DATE_GLOBAL = new RegExp(DATE.source, 'g');
// Month first, as ASP.NET sites in the en-US locale print it: "9/17/2004 5:54:13 AM".
const US_DATE = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AP]M)\b/i;
// A dateline's own label: 发布时间：, 发布日期：, 时间：, at the start of a line or after a space.
const DATE_LABEL =
  /(?:^|[\s|｜])(?:发布|發布|发表|發表|发稿|發稿|刊发|刊發|录入|錄入|更新)?(?:时间|時間|日期)[:：]/;

/** A date as printed in a dateline, with an optional time ("2024年5月13日 10:30"): to find, not to parse. */
export const PRINTED_DATE =
  /(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/;

/** Parse the first date in a text ("2022年02月26日12:29", "2022-06-20 10:51") to ISO 8601, or ''. */
export function parseDate(text: string): string {
  const match = DATE.exec(text);
  if (match) return toIso(match);
  const us = US_DATE.exec(text);
  if (!us) return '';
  const [, mo, d, y, h, mi, s, half] = us;
  const hour = (Number(h) % 12) + (half?.toUpperCase() === 'PM' ? 12 : 0);
  return formatIso(Number(y), Number(mo), Number(d), hour, Number(mi), s ? Number(s) : 0, '');
}

/** The date after a dateline label in a short line ("发布日期：2019-09-23 14:34"), or ''. */
export function parseLabelledDate(text: string): string {
  const label = DATE_LABEL.exec(text);
  return label
    ? parseDate(text.slice(label.index + label[0].length, label.index + label[0].length + 40))
    : '';
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
