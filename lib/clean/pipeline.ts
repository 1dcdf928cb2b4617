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
  const repeats = findRepeatedRuns(raw);
  const headlineRun = findHeadlineRun(raw, headlineKeys);
  let bodyChars = 0;
  let pendingFigure: Extract<Block, { type: 'figure' }> | null = null;

  for (const [index, item] of raw.entries()) {
    if (item.kind === 'figure') {
      const figure: Extract<Block, { type: 'figure' }> = { type: 'figure' };
      if (item.src) figure.src = item.src;
      blocks.push(figure);
      pendingFigure = figure;
      continue;
    }
    const text = repairPinyin(normalizeLine(item.text));
    if (!text) continue;
    const key = keyOf(text);
    if (!key) continue;
    const figure = pendingFigure;
    pendingFigure = null;

    if ((bodyChars < 200 && headlineKeys.has(key)) || headlineRun.has(index)) continue;
    // A suicide-prevention helpline notice ends the report; its lead-in lines go with it.
    const recent = blocks.slice(-3).map((b) => (b.type === 'figure' ? '' : b.text));
    if (bodyChars > 0 && isHelplineNotice(text, recent)) {
      for (
        let last = blocks.at(-1);
        last && last.type !== 'figure' && isCareLeadIn(last.text);
        last = blocks.at(-1)
      )
        blocks.pop();
      break;
    }
    const noise = classifyNoise(text);
    if (noise) {
      if (isTerminator(noise) && bodyChars >= 200) break;
      continue;
    }
    const original = readOriginalTitle(text);
    if (original) {
      facts.originalTitle ||= original;
      continue;
    }
    if (isMetaLine(text)) {
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
    if (captionKeys.has(key)) continue;
    const credited = isCaptionLine(text);
    if ((figure && (item.captionHint || credited) && text.length <= 200) || (credited && item.kind === 'p')) {
      const split = splitCredit(text);
      const target = figure ?? { type: 'figure' as const };
      const caption = split ? split.caption : text;
      if (caption) target.caption = caption;
      if (split?.credit && credited) target.credit = split.credit;
      else if (split && !credited) target.caption = text;
      if (!figure) blocks.push(target);
      captionKeys.add(key);
      if (split?.caption) captionKeys.add(keyOf(split.caption));
      continue;
    }
    const inline = item.kind === 'p' ? readInlineByline(text) : [];
    facts.authors.push(...inline);
    const kept = item.kind === 'p' ? stripTailReporter(text) : text;
    if (!kept) continue;
    // A body never repeats a run of paragraphs: a second copy (print, mobile) repeats the run. A
    // single paragraph printed again (a caption under each photo) is the page's own choice.
    if (repeats[index]) continue;
    if (item.kind === 'h' && kept.length <= 80) blocks.push({ type: 'h', text: kept });
    else blocks.push({ type: 'p', text: kept });
    bodyChars += key.length;
  }
  facts.authors = [...new Set(facts.authors)];
  facts.editors = [...new Set(facts.editors)];
  return { blocks: dropEmptyFigures(blocks), facts };
}

// A legal text's note under its title: "（2007年6月29日第十届……会议通过）".
const ADOPTION_NOTE = /^[（(][^（()）]{0,80}(?:通过|通過|公布|发布|發布|修正|修订|修訂|施行|批准)[）)]$/;

// The headline printed at the top of the body broken over lines (a document's centred title split by
// <br>): the leading lines whose text together is the headline, and the adoption note right under it.
function findHeadlineRun(raw: RawBlock[], headlineKeys: Set<string>): Set<number> {
  const run = new Set<number>();
  const lines: number[] = [];
  let joined = '';
  for (const [index, item] of raw.entries()) {
    if (item.kind === 'figure') continue;
    const key = keyOf(normalizeLine(item.text));
    if (!key) continue;
    if (run.size > 0) {
      if (ADOPTION_NOTE.test(normalizeLine(item.text)) && /\d{4}/.test(key)) run.add(index);
      break;
    }
    joined += key;
    lines.push(index);
    if (lines.length > 6 || ![...headlineKeys].some((h) => h.startsWith(joined))) break;
    if (lines.length >= 2 && headlineKeys.has(joined)) for (const i of lines) run.add(i);
  }
  return run;
}

// Text blocks whose paragraph was printed before and whose neighbour is such a repeat too.
function findRepeatedRuns(raw: RawBlock[]): boolean[] {
  const seen = new Set<string>();
  const repeated = raw.map((item) => {
    if (item.kind === 'figure') return false;
    const key = keyOf(normalizeLine(item.text));
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
