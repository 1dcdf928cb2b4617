/** The cleaning pass every extraction goes through: noise out, metadata lines into metadata. */
import type { Block } from '../article/record.ts';
import type { RawBlock } from '../article/raw-block.ts';
import { parseDate } from '../text/date.ts';
import {
  isMetaLine,
  readAuthors,
  readEditors,
  readInlineByline,
  readOriginalTitle,
  readSource,
  stripTailReporter,
} from '../extract/byline.ts';
import { isCaptionLine, splitCredit } from '../extract/caption.ts';
import { classifyNoise, isCareLeadIn, isHelplineNotice, isTerminator } from '../extract/noise.ts';
import { repairPinyin } from '../text/pinyin.ts';
import { keyOf, normalizeLine } from '../text/whitespace.ts';

export interface CleanFacts {
  authors: string[];
  editors: string[];
  source: string;
  originalTitle: string;
  /** First date printed on a metadata line before the body started, ISO 8601, or ''. */
  date: string;
}

export interface CleanResult {
  blocks: Block[];
  facts: CleanFacts;
}

export interface CleanOptions {
  /** Headline lines already taken (title, kicker, subtitle); repeated at the top of the body they go. */
  headline?: string[];
}

/** Clean raw blocks into record blocks and the metadata read from their lines. */
export function cleanBlocks(raw: RawBlock[], options: CleanOptions = {}): CleanResult {
  const facts: CleanFacts = { authors: [], editors: [], source: '', originalTitle: '', date: '' };
  const headlineKeys = new Set(
    (options.headline ?? []).map((h) => keyOf(repairPinyin(normalizeLine(h)))).filter(Boolean),
  );
  const blocks: Block[] = [];
  const captionKeys = new Set<string>();
  // A generated page prints the same paragraph thousands of times: each distinct line is normalised,
  // keyed and read by each rule once (pure functions of the line), and its repeats reuse the answers.
  const normalize = once((text: string) => repairPinyin(normalizeLine(text)));
  const key = once(keyOf);
  const noiseOf = once(classifyNoise);
  const originalTitleOf = once(readOriginalTitle);
  const metaLine = once(isMetaLine);
  const captionLine = once(isCaptionLine);
  const inlineByline = once(readInlineByline);
  const stripReporter = once(stripTailReporter);
  // Each line normalised and keyed once: a long body has tens of thousands of blocks.
  const lines = raw.map((item) => (item.kind === 'figure' ? '' : normalize(item.text)));
  const keys = lines.map(key);
  const repeats = findRepeatedRuns(keys);
  const headlineRun = findHeadlineRun(lines, keys, headlineKeys);
  let bodyChars = 0;
  let pendingFigure: Extract<Block, { type: 'figure' }> | null = null;
  let ended = false;

  for (const [index, item] of raw.entries()) {
    if (item.kind === 'figure') {
      const figure: Extract<Block, { type: 'figure' }> = { type: 'figure' };
      if (item.src) figure.src = item.src;
      if (!ended) blocks.push(figure);
      pendingFigure = figure;
      continue;
    }
    const text = lines[index]!;
    const lineKey = keys[index]!;
    if (!text || !lineKey) continue;
    const figure = pendingFigure;
    pendingFigure = null;
    // After a helpline notice only the report's photo is left: a figure and the caption under it.
    if (ended) {
      if (figure && item.captionHint && text.length <= 200) blocks.push({ ...figure, caption: text });
      continue;
    }

    if ((bodyChars < 200 && headlineKeys.has(lineKey)) || headlineRun.has(index)) continue;
    // A suicide-prevention helpline notice ends the report's text; its lead-in lines go with it.
    const recent = blocks.slice(-3).map((b) => (b.type === 'figure' ? '' : b.text));
    if (bodyChars > 0 && isHelplineNotice(text, recent)) {
      for (
        let last = blocks.at(-1);
        last && last.type !== 'figure' && isCareLeadIn(last.text);
        last = blocks.at(-1)
      )
        blocks.pop();
      ended = true;
      continue;
    }
    const noise = noiseOf(text);
    if (noise) {
      if (isTerminator(noise) && bodyChars >= 200) break;
      continue;
    }
    const original = originalTitleOf(text);
    if (original) {
      facts.originalTitle ||= original;
      continue;
    }
    if (metaLine(text)) {
      const editors = readEditors(text);
      facts.editors.push(...editors);
      facts.source ||= readSource(text);
      facts.authors.push(...readAuthors(text));
      if (!facts.date && bodyChars < 200) facts.date = parseDate(text);
      if (editors.length > 0 && bodyChars >= 200) break;
      continue;
    }
    // A short dateline line above the body ("原创 某号 2019-09-04 22:18:34"): its date, not body.
    if (
      bodyChars === 0 &&
      text.length <= 40 &&
      !/[。，！？；]/.test(text) &&
      /\d{1,2}[:：]\d{2}/.test(text)
    ) {
      const iso = parseDate(text);
      if (iso) {
        facts.date ||= iso;
        continue;
      }
    }
    // A photo caption: right after its image, or a standalone line ending in a photo credit.
    if (captionKeys.has(lineKey)) continue;
    const credited = captionLine(text);
    if ((figure && (item.captionHint || credited) && text.length <= 200) || (credited && item.kind === 'p')) {
      const split = splitCredit(text);
      const target = figure ?? { type: 'figure' as const };
      const caption = split ? split.caption : text;
      if (caption) target.caption = caption;
      if (split?.credit && credited) target.credit = split.credit;
      else if (split && !credited) target.caption = text;
      if (!figure) blocks.push(target);
      captionKeys.add(lineKey);
      if (split?.caption) captionKeys.add(keyOf(split.caption));
      continue;
    }
    const inline = item.kind === 'p' ? inlineByline(text) : [];
    facts.authors.push(...inline);
    const kept = item.kind === 'p' ? stripReporter(text) : text;
    if (!kept) continue;
    // A body never repeats a run of paragraphs: a second copy (print, mobile) repeats the run. A
    // single paragraph printed again (a caption under each photo) is the page's own choice.
    if (repeats[index]) continue;
    if (item.kind === 'h' && kept.length <= 80) blocks.push({ type: 'h', text: kept });
    else blocks.push({ type: 'p', text: kept });
    bodyChars += lineKey.length;
  }
  facts.authors = [...new Set(facts.authors)];
  facts.editors = [...new Set(facts.editors)];
  return { blocks: dropEmptyFigures(blocks), facts };
}

// `read` answered once per distinct line (it must not depend on anything else, nor its answer be changed).
function once<T>(read: (line: string) => T): (line: string) => T {
  const known = new Map<string, T>();
  return (line) => {
    if (known.has(line)) return known.get(line) as T;
    const answer = read(line);
    known.set(line, answer);
    return answer;
  };
}

// A legal text's note under its title: "（2007年6月29日第十届……会议通过）".
const ADOPTION_NOTE = /^[（(][^（()）]{0,80}(?:通过|通過|公布|发布|發布|修正|修订|修訂|施行|批准)[）)]$/;

// The headline printed at the top of the body broken over lines (a document's centred title split by
// <br>): the leading lines whose text together is the headline, and the adoption note right under it.
function findHeadlineRun(lines: string[], keys: string[], headlineKeys: Set<string>): Set<number> {
  const run = new Set<number>();
  const taken: number[] = [];
  let joined = '';
  for (const [index, key] of keys.entries()) {
    if (!key) continue;
    if (run.size > 0) {
      if (ADOPTION_NOTE.test(lines[index]!) && /\d{4}/.test(key)) run.add(index);
      break;
    }
    if (taken.length === 0 && isHeadlineWithVerb(lines[index]!, key, headlineKeys))
      return readHeadlineGroup(lines, keys, index);
    joined += key;
    taken.push(index);
    if (taken.length > 6 || ![...headlineKeys].some((h) => h.startsWith(joined))) break;
    if (taken.length >= 2 && headlineKeys.has(joined)) for (const i of taken) run.add(i);
  }
  return run;
}

// A state-media report's headline group printed again atop the body: the headline with its verb
// ("…座谈会强调"), then its subtitle lines and the attendance line ("李强蔡奇出席"), then the dateline.
function isHeadlineWithVerb(line: string, key: string, headlineKeys: Set<string>): boolean {
  if (/[。！？；]/.test(line)) return false;
  for (const h of headlineKeys)
    if (h.length >= 8 && key.startsWith(h) && key.length > h.length && key.length - h.length <= 4)
      return true;
  return false;
}

// The lines after it up to the first sentence, when a sentence follows: short lines without a stop.
function readHeadlineGroup(lines: string[], keys: string[], first: number): Set<number> {
  const group = new Set([first]);
  for (let i = first + 1; i < lines.length && group.size <= 5; i++) {
    if (!keys[i]) continue;
    const line = lines[i]!;
    // The dateline or a sentence ends the group.
    if (line.length > 40 || /[。！？；]/.test(line) || isMetaLine(line) || readOriginalTitle(line))
      return group;
    group.add(i);
  }
  return new Set([first]);
}

// Text blocks whose paragraph was printed before and whose neighbour is such a repeat too.
function findRepeatedRuns(keys: string[]): boolean[] {
  const seen = new Set<string>();
  const repeated = keys.map((key) => {
    if (key.length < 12) return false;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  return repeated.map((r, i) => r && (repeated[i - 1] === true || repeated[i + 1] === true));
}

function dropEmptyFigures(blocks: Block[]): Block[] {
  return blocks.filter((b) => b.type !== 'figure' || b.src || b.caption);
}
