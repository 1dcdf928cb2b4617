/** The parts of a page's <title>: headline, channel and site names, split at their separators. */
import { normalizeLine } from './whitespace.ts';

// (?<!\s): a match starts only where a run of spaces starts, or a long run of spaces is rescanned
// from each of its characters (a 200,000-character <title> froze a tab 35 s). A lone hyphen splits
// only before a short name ending the title or another part ("标题-新华网"), not inside "COVID-19".
const TITLE_SEPARATOR = /(?<!\s)\s*(?:_|\||｜|--|—|–|\s-\s|-(?=[^\d\s]{2,12}(?:$|[-_|]))|\s·\s)\s*/;

/** Split a <title> into its non-empty parts, in order: "标题_财经_网易" → ["标题", "财经", "网易"]. */
export function splitTitleParts(title: string): string[] {
  return normalizeLine(title)
    .split(TITLE_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}
