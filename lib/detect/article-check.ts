/** The article check: hand-set points for the shape of one news article, each with its reason. */
import type { DetectionReason } from '../article/record.ts';
import { readWireDateline, type MeasuredPage } from './features.ts';
import { readPageKind, type DocumentKind } from './page-kind.ts';
import { makeReason, type ReasonKey } from './reasons.ts';

/** The points at which a page counts as an article (tuned on ../shared/corpus, see npm run eval). */
export const ARTICLE_POINTS = 2.5;

/** A point total and the reasons behind it, strongest first. */
export interface Points {
  total: number;
  reasons: DetectionReason[];
}

interface Part {
  points: number;
  reason: DetectionReason | null;
}

const NEWS_WORDS =
  /表示|报道|報道|记者|記者|消息|日电|日電|日讯|日訊|据了解|據了解|获悉|獲悉|截至|宣布|近日|日前|昨日|昨天|今天|今年|上午|下午|(?<!\d)\d+月\d+日/g;
// A document or listing outweighs every sign of news: its fields are not an article's.
const DOCUMENT_POINTS = -6;
const DOCUMENT_REASON: Record<'procurement' | 'penalty' | 'product', ReasonKey> = {
  procurement: 'procurementNotice',
  penalty: 'penaltyTable',
  product: 'productPage',
};

/** Total the points; reasons are sorted by how much they weigh, and silent parts add points only. */
export function sumParts(parts: Part[]): Points {
  const total = parts.reduce((sum, p) => sum + p.points, 0);
  const reasons = parts
    .filter((p) => p.reason && p.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((p) => p.reason!);
  return { total, reasons };
}

/** The document or listing a page is instead of an article, if any. */
export function readDocumentKind(f: MeasuredPage): DocumentKind | '' {
  return readPageKind(f.pageText, f.headline || f.title)?.kind ?? '';
}

/** Score a measured page as one news article: body, headline, dateline and bylines, host, wording. */
export function scoreArticle(f: MeasuredPage): Points {
  const parts: Part[] = [];
  const add = (points: number, key?: ReasonKey, ...subs: Array<string | number>) =>
    parts.push({
      points,
      reason: key ? makeReason('article', points > 0 ? 'for' : 'against', key, ...subs) : null,
    });
  const s = f.sample;
  const body = s.mainHan - 2 * s.mainLinkHan;
  if (body >= 100 && s.mainPunct >= 5) add(0.5);
  if (body >= 250 && s.mainPunct >= 15) add(1, 'body', s.mainHan);
  if (body >= 600) add(0.5);
  // A news agency's brief is a news item however short: its dateline says so.
  const wire = readWireDateline(s.main.map((b) => b.text));
  if (wire) add(1, 'wireOpening', wire);
  else if (s.mainHan < 40) add(-2, 'noBody');
  // The page's own headline with a dateline by it, not <title> (small sites put only their name there):
  // the article template of every CMS. A heading alone also tops lists and product pages.
  if (f.headline && f.frame.date) add(1, 'headline');
  if (f.frame.date) add(1, 'dateline');
  // A wall of text with neither paragraphs nor a date is a dump (a thread, a file), not a report.
  else if (s.mainParagraphs <= 1 && s.mainHan >= 1500) add(-1, 'noParagraphs');
  if (f.frame.clock) add(0.5);
  if (f.frame.source) add(1, 'sourceLine');
  if (f.frame.reporter) add(1, 'reporterLine');
  if (f.frame.editor) add(0.5, 'editorLine');
  if (f.articleMeta) add(0.5, 'articleMeta');
  if (f.hostClass === 'gov' || f.hostClass === 'state-media' || f.hostClass === 'local-media')
    add(1, 'newsHost', f.host);
  else if (f.hostClass === 'portal') add(0.5, 'portal', f.host);
  if (f.epaper || f.contentPath || f.datedPath) add(0.5, 'articleUrl');
  const mainText = s.main.map((b) => b.text).join('\n');
  const newsDensity = ((mainText.match(NEWS_WORDS)?.length ?? 0) / Math.max(s.mainHan, 1)) * 1000;
  if (newsDensity >= 4) add(0.5, 'newsWording');
  if (newsDensity >= 8) add(0.5);
  if (f.firstPersonRate > 0.02) add(-2, 'firstPerson');
  else if (f.firstPersonRate > 0.012) add(-1, 'firstPerson');
  if (f.forumMarks >= 3) add(-1.5, 'forum', f.forumMarks);
  if (f.nonArticleHost) add(-2, 'nonNewsHost', f.host);
  if (f.nonArticleTitle) add(-3, 'nonArticleTitle');
  if (f.chapterTitle) add(-2, 'chapterTitle');
  if (
    s.linkHanEstimate > 4 * Math.max(s.mainHan, 1) &&
    s.mainParagraphs <= 1 &&
    !f.frame.source &&
    !f.frame.reporter
  ) {
    const share = Math.round((s.linkHanEstimate / (s.linkHanEstimate + s.totalHan)) * 100);
    add(-1.5, 'indexPage', share);
  }
  const kind = readPageKind(f.pageText, f.headline || f.title);
  if (kind) add(DOCUMENT_POINTS, DOCUMENT_REASON[kind.kind], kind.found.slice(0, 3).join('、'));
  return sumParts(parts);
}
