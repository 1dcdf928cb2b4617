/** Detection: a cheap article check and a government-news classifier with a score and reasons. */
import type { ArticleDraft, Detection } from '../article/record.ts';
import { classifyHost } from './domains.ts';
import { measurePage, type PageFeatures } from './features.ts';
import { GOV_POINTS, scoreGov, type GovEvidence } from './gov.ts';
import { hostOf } from './page-url.ts';
import { readSection, readSourceName } from './section.ts';
import { countHan, countPunct } from './text-stats.ts';

export type { GovEvidence } from './gov.ts';

export interface ArticleCheck {
  isArticle: boolean;
  score: number;
  reasons: string[];
}

// Thresholds on the point scores below, tuned on ../shared/corpus (see tests/eval).
const ARTICLE_POINTS = 2.5;

interface Points {
  total: number;
  reasons: string[];
}

function add(points: Points, value: number, reason: string): void {
  points.total += value;
  if (reason) points.reasons.push(reason);
}

/** Cheaply decide whether a page holds one news article (run at document_idle; reads a bounded sample). */
export function checkArticle(doc: Document, url: string): ArticleCheck {
  const features = measurePage(doc, url);
  const points = scoreArticle(features);
  return {
    isArticle: points.total >= ARTICLE_POINTS,
    score: toUnit(points.total, ARTICLE_POINTS),
    reasons: points.reasons,
  };
}

function scoreArticle(f: PageFeatures): Points {
  const p: Points = { total: 0, reasons: [] };
  const s = f.sample;
  const body = s.mainHan - 2 * s.mainLinkHan;
  if (body >= 100 && s.mainPunct >= 5) add(p, 0.5, '');
  if (body >= 250 && s.mainPunct >= 15)
    add(p, 1, `one body of ${s.mainHan} characters in ${s.mainParagraphs} paragraphs`);
  if (body >= 600) add(p, 0.5, '');
  if (s.mainHan < 40) add(p, -2, 'no body text');
  const frame: string[] = [];
  if (f.frame.date) {
    add(p, 1, '');
    frame.push('dateline');
  }
  if (f.frame.clock) add(p, 0.5, '');
  if (f.frame.source) {
    add(p, 1, '');
    frame.push('来源 line');
  }
  if (f.frame.reporter) {
    add(p, 1, '');
    frame.push('reporter line');
  }
  if (f.frame.editor) {
    add(p, 0.5, '');
    frame.push('editor line');
  }
  if (frame.length) p.reasons.push(frame.join(', '));
  if (f.articleMeta) add(p, 0.5, 'article metadata');
  if (f.hostClass === 'gov' || f.hostClass === 'state-media' || f.hostClass === 'local-media')
    add(p, 1, `news host ${f.host}`);
  else if (f.hostClass === 'portal') add(p, 0.5, `portal ${f.host}`);
  if (f.epaper || f.contentPath || f.datedPath) add(p, 0.5, 'article URL pattern');
  const mainText = s.main.map((b) => b.text).join('\n');
  const newsDensity = (countNewsWords(mainText) / Math.max(s.mainHan, 1)) * 1000;
  if (newsDensity >= 4) add(p, 0.5, 'news wording');
  if (newsDensity >= 8) add(p, 0.5, '');
  if (f.firstPersonRate > 0.02) add(p, -2, 'first-person prose (essay, blog or forum)');
  else if (f.firstPersonRate > 0.012) add(p, -1, 'first-person prose');
  if (f.forumMarks >= 3) add(p, -1.5, `forum markers (${f.forumMarks})`);
  if (f.nonArticleHost) add(p, -2, `non-news host ${f.host}`);
  if (f.nonArticleTitle) add(p, -2, 'title of an encyclopedia, forum, blog or novel page');
  if (f.chapterTitle) add(p, -2, 'chapter title');
  if (
    s.linkHanEstimate > 4 * Math.max(s.mainHan, 1) &&
    s.mainParagraphs <= 1 &&
    !f.frame.source &&
    !f.frame.reporter
  ) {
    const share = Math.round((s.linkHanEstimate / (s.linkHanEstimate + s.totalHan)) * 100);
    add(p, -1.5, `index page: ${share}% link text`);
  }
  return p;
}

const NEWS_WORDS =
  /表示|报道|報道|记者|記者|消息|日电|日電|日讯|日訊|据了解|據了解|获悉|獲悉|截至|宣布|近日|日前|昨日|昨天|今天|今年|上午|下午|(?<!\d)\d+月\d+日/g;

function countNewsWords(text: string): number {
  return text.match(NEWS_WORDS)?.length ?? 0;
}

/** Map point totals to [0, 1] so that the threshold lands on 0.5. */
function toUnit(points: number, threshold: number): number {
  return Math.round(Math.min(1, Math.max(0, 0.5 + (points - threshold) / 8)) * 1000) / 1000;
}

/** Gather the evidence for the government-news score from the page (if any) and the extracted draft. */
export function collectGovEvidence(doc: Document | null, url: string, draft: ArticleDraft): GovEvidence {
  const pageUrl = url || draft.canonicalUrl || draft.url;
  const features = doc ? measurePage(doc, pageUrl) : null;
  const draftParagraphs = draft.blocks.flatMap((b) =>
    b.type === 'figure' ? (b.caption ? [b.caption] : []) : [b.text],
  );
  const draftHan = countHan(draftParagraphs.join('\n'));
  // The extractor's body is better than the sample's guess when it found one.
  const paragraphs = draftHan >= 100 || !features ? draftParagraphs : features.sample.main.map((b) => b.text);

  let article: Points;
  if (features) {
    article = scoreArticle(features);
  } else {
    const draftText = draftParagraphs.join('\n');
    article = { total: 0, reasons: [] };
    if (draftHan >= 250 && countPunct(draftText) >= 15) add(article, 2, `one body of ${draftHan} characters`);
    if (draft.publishedAt) add(article, 1, 'dateline');
    if (draft.source || draft.authors.length) add(article, 1, '来源 or reporter line');
  }
  // A web-archive capture stands for the page it archived.
  const archived = unwrapArchiveUrl(features?.url ?? pageUrl);
  const host = archived ? hostOf(archived) : (features?.host ?? '');
  return {
    url: archived || (features?.url ?? pageUrl),
    host,
    hostClass: archived ? classifyHost(host) : (features?.hostClass ?? 'unknown'),
    pageTitle: features?.title ?? draft.title,
    section: doc ? readSection(doc) : '',
    source: draft.source || readSourceName(features?.sample.frameText ?? ''),
    epaper: features?.epaper ?? false,
    headline: `${draft.kicker} ${draft.title || features?.title || ''} ${draft.subtitle}`.trim(),
    paragraphs,
    isArticle: article.total >= ARTICLE_POINTS,
    articleReasons: article.reasons,
  };
}

/** The original address inside a web-archive capture URL (web.archive.org/web/2012…/http://…), else ''. */
export function unwrapArchiveUrl(url: string): string {
  const match = /^https?:\/\/(?:web\.)?archive\.org\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/i.exec(url);
  return match?.[1] && hostOf(match[1]) ? match[1] : '';
}

/** Classify an extracted page as article and as government news, with a score and reasons. */
export function detectPage(doc: Document | null, url: string, draft: ArticleDraft): Detection {
  const evidence = collectGovEvidence(doc, url, draft);
  const gov = scoreGov(evidence);
  const isGovNews = gov.total >= GOV_POINTS;
  const score = isGovNews
    ? Math.max(0.5, toUnit(gov.total, GOV_POINTS))
    : Math.min(0.499, toUnit(gov.total, GOV_POINTS));
  const reasons = [...(isGovNews ? gov.reasons : [...evidence.articleReasons, ...gov.reasons])]
    .filter(Boolean)
    .slice(0, 12);
  return { isArticle: evidence.isArticle, isGovNews, score, reasons };
}
