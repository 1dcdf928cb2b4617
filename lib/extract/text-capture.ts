/** Reading plain-text captures (one block per line) and saved Markdown pages with front matter. */
import type { RawBlock } from '../article/raw-block.ts';
import { parseDate } from '../text/date.ts';
import { isCaptionLine } from './caption.ts';
import { classifyNoise } from './noise.ts';
import { isMetaLine, readOriginalTitle, splitNames } from './byline.ts';
import { repairPinyin } from '../text/pinyin.ts';
import { normalizeLine } from '../text/whitespace.ts';
import { removeRawTextElements } from '../text/markup.ts';
import { decodeHTML } from 'entities';

export interface TextCapture {
  title: string;
  kicker: string;
  subtitle: string;
  /** Other lines of the printed headline group, dropped from the body. */
  headlineExtra: string[];
  date: string;
  source: string;
  authors: string[];
  siteName: string;
  url: string | null;
  blocks: RawBlock[];
}

interface Line {
  text: string;
  blankBefore: boolean;
  heading: boolean;
}

const HEADING_MARK = '\u0001';
const READING_LABEL = /^(?:当前阅读|當前閱讀|正在阅读|正在閱讀)\s*[:：]\s*(.+)$/;
// Kickers report who spoke where ("X在Y上强调"); subtitle lines report who chaired or attended.
const KICKER_END = /(强调|強調|指出|表示|要求|讲话|講話|致辞|致辭|寄语|寄語)$/;

/** Split a capture into headline parts, front-matter facts and raw body blocks. */
export function readTextCapture(input: string): TextCapture {
  const { front, rest } = splitFrontMatter(input.replace(/\r\n?/g, '\n'));
  const lines = toLines(stripMarkup(rest));
  const capture: TextCapture = {
    title: repairPinyin(normalizeLine(front.get('title') ?? '')),
    kicker: '',
    subtitle: '',
    headlineExtra: [],
    date: parseDate(front.get('date') ?? ''),
    source: normalizeLine(front.get('source') ?? ''),
    authors: front.get('author') ? splitNames(front.get('author') ?? '') : [],
    siteName: normalizeLine(front.get('site') ?? front.get('site_name') ?? ''),
    url: front.get('url') ?? front.get('link') ?? null,
    blocks: [],
  };

  for (const line of lines) {
    const reading = READING_LABEL.exec(line.text);
    if (reading?.[1] && !capture.title) capture.title = reading[1].trim();
  }
  const start = findBodyStart(lines);
  const headline = lines
    .slice(0, start)
    .filter((l) => !classifyNoise(l.text) && !isMetaLine(l.text) && !readOriginalTitle(l.text));
  assignHeadline(capture, headline);

  capture.blocks = lines.map((line, i) => ({
    kind: line.heading || (i >= start && looksLikeSubheading(lines, i)) ? 'h' : 'p',
    text: line.text,
  }));
  return capture;
}

function splitFrontMatter(text: string): { front: Map<string, string>; rest: string } {
  const front = new Map<string, string>();
  const match = /^\uFEFF?---\n([\s\S]*?)\n---\s*\n/.exec(text);
  if (!match?.[1]) return { front, rest: text };
  for (const row of match[1].split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(row);
    if (kv?.[1] && kv[2] !== undefined)
      front.set(kv[1].toLowerCase(), kv[2].trim().replace(/^["']|["']$/g, ''));
  }
  return { front, rest: text.slice(match[0].length) };
}

// HTML paragraphs and Markdown links become plain lines; headings and bold-only paragraphs are marked.
function stripMarkup(text: string): string {
  let out = text;
  if (/<\/?(p|div|br|h[1-6]|li|strong|b|span|section)\b/i.test(out)) {
    // Linear on hostile text: no scan passes the next '<' (or the next heading tag), so no
    // unclosed tag makes the rest of the text be rescanned from each one.
    out = removeRawTextElements(out, ['script', 'style'])
      .replace(/<h[2-6]\b[^<>]*>((?:(?!<\/?h[2-6]\b)[\s\S])*)<\/h[2-6]>/gi, `\n${HEADING_MARK}$1\n`)
      .replace(/<p\b[^<>]*>\s*<(strong|b)\b[^<>]*>([^<]*)<\/\1>\s*<\/p>/gi, `\n${HEADING_MARK}$2\n`)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h1|section|blockquote|tr)>/gi, '\n')
      .replace(/<[^<>]+>/g, '');
    out = decodeHTML(out);
  }
  return out
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<https?:[^<>\s]+>/g, '')
    .replace(/^[ \t]*#[ \t]+(.+)$/gm, '$1')
    .replace(/^[ \t]*#{2,6}[ \t]+(.+)$/gm, `${HEADING_MARK}$1`)
    .replace(/^[ \t]*\*\*([^*\n]+)\*\*[ \t]*$/gm, `${HEADING_MARK}$1`);
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = false;
  for (const raw of text.split('\n')) {
    const heading = raw.includes(HEADING_MARK);
    const line = repairPinyin(normalizeLine(raw.replaceAll(HEADING_MARK, '')));
    if (!line || /^https?:\/\/\S+$/.test(line)) {
      blank = true;
      continue;
    }
    lines.push({ text: line, blankBefore: blank, heading });
    blank = false;
  }
  return lines;
}

function isBodyLine(text: string): boolean {
  return (text.length >= 40 && /[，。,；！？]/.test(text)) || isCaptionLine(text);
}

function findBodyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (classifyNoise(text) || isMetaLine(text)) continue;
    if (isBodyLine(text)) return i;
  }
  return 0;
}

// Printed headline: kicker lines above the main line, subtitle lines below; the page title wins.
function assignHeadline(capture: TextCapture, headline: Line[]): void {
  let group = headline.filter((l) => !READING_LABEL.test(l.text));
  if (capture.title) {
    group = group.filter((l) => l.text !== capture.title);
  } else if (group.length >= 2 && group[1]?.blankBefore) {
    // A lone first line set apart from the printed group is the page's own title.
    capture.title = group[0]?.text ?? '';
    group = group.slice(1);
  } else if (group.length > 0) {
    const main = group.findIndex((l) => !KICKER_END.test(l.text));
    const at = main < 0 ? 0 : main;
    capture.title = group[at]?.text ?? '';
    capture.kicker = group
      .slice(0, at)
      .map((l) => l.text)
      .join(' ');
    capture.subtitle = group
      .slice(at + 1)
      .map((l) => l.text)
      .join(' ');
    return;
  }
  if (group.length === 0) return;
  const kickerEnd = group.findIndex((l) => !KICKER_END.test(l.text));
  const cut = kickerEnd < 0 ? group.length : kickerEnd;
  capture.kicker = group
    .slice(0, cut)
    .map((l) => l.text)
    .join(' ');
  capture.subtitle = group
    .slice(cut)
    .map((l) => l.text)
    .join(' ');
  capture.headlineExtra = group.map((l) => l.text);
}

// In a capture, a short line without sentence punctuation followed by a paragraph is a subheading.
function looksLikeSubheading(lines: Line[], i: number): boolean {
  const text = lines[i]?.text ?? '';
  if (text.length > 30 || /[。，,；;！？：:、]$/.test(text) || /[。！？]/.test(text)) return false;
  if (classifyNoise(text) || isMetaLine(text) || isCaptionLine(text)) return false;
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const next = lines[j]?.text ?? '';
    if (next.length >= 40) return true;
    if (next.length > 30) return false;
  }
  return false;
}
