/** Detection: a cheap article check and a government-news classifier with a score and reasons. */
import type { ArticleDraft, Detection, DetectionReason } from '../article/record.ts';
import { readBlockLines } from '../article/body-text.ts';
import { ARTICLE_POINTS, readDocumentKind, scoreArticle, sumParts, type Points } from './article-check.ts';
import { classifyHost } from './domains.ts';
import { measurePage } from './features.ts';
import { GOV_POINTS, scoreGov, type GovEvidence } from './gov.ts';
import { hostOf } from './page-url.ts';
import { makeReason } from './reasons.ts';
import { readSection, readSourceName } from './section.ts';
import { countHan, countPunct } from '../text/counts.ts';
import type { TagIndex } from '../dom/tags.ts';

export type { GovEvidence } from './gov.ts';

export interface ArticleCheck {
  isArticle: boolean;
  score: number;
  reasons: DetectionReason[];
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

/** Map point totals to [0, 1] so that the threshold lands on 0.5. */
function toUnit(points: number, threshold: number): number {
  return Math.round(Math.min(1, Math.max(0, 0.5 + (points - threshold) / 8)) * 1000) / 1000;
}

/** Gather the evidence for the government-news score from the page (if any) and the extracted draft. */
export function collectGovEvidence(
  doc: Document | null,
  url: string,
  draft: ArticleDraft,
  tags?: TagIndex,
): GovEvidence {
  const pageUrl = url || draft.canonicalUrl || draft.url;
  const features = doc ? measurePage(doc, pageUrl, tags ?? doc) : null;
  const draftParagraphs = capText(readBlockLines(draft).filter(Boolean), SCORED_CHARS);
  const draftHan = countHan(draftParagraphs.join('\n'));
  // The extractor's body is better than the sample's guess when it found one.
  const paragraphs =
    draftHan >= 100 || !features
      ? draftParagraphs
      : capText(
          features.sample.main.map((b) => b.text),
          SCORED_CHARS,
        );

  let article: Points;
  if (features) {
    article = scoreArticle(features);
  } else {
    const long = draftHan >= 250 && countPunct(draftParagraphs.join('\n')) >= 15;
    article = sumParts([
      { points: long ? 2 : 0, reason: makeReason('article', 'for', 'body', draftHan) },
      { points: draft.publishedAt ? 1 : 0, reason: makeReason('article', 'for', 'dateline') },
      { points: draft.source ? 1 : 0, reason: makeReason('article', 'for', 'sourceLine') },
      {
        points: !draft.source && draft.authors.length ? 1 : 0,
        reason: makeReason('article', 'for', 'reporterLine'),
      },
    ]);
  }
  // A web-archive capture stands for the page it archived.
  const archived = unwrapArchiveUrl(features?.url ?? pageUrl);
  const host = archived ? hostOf(archived) : (features?.host ?? '');
  return {
    url: archived || (features?.url ?? pageUrl),
    host,
    hostClass: archived ? classifyHost(host) : (features?.hostClass ?? 'unknown'),
    pageTitle: features?.title ?? draft.title,
    section: doc ? readSection(doc, tags ?? doc) : '',
    source: draft.source || readSourceName(features?.sample.frameText ?? ''),
    epaper: features?.epaper ?? false,
    headline: `${draft.kicker} ${draft.title || features?.title || ''} ${draft.subtitle}`.trim(),
    paragraphs,
    isArticle: article.total >= ARTICLE_POINTS,
    documentKind: features ? readDocumentKind(features) : '',
    articleReasons: article.reasons,
  };
}

// The government-news signals are densities and counts per 20 sentences: the first 30,000 characters
// (a long report's opening chapters) say as much as the whole, and a 4 MB body costs seconds to scan.
const SCORED_CHARS = 30_000;

/** The leading paragraphs up to `max` characters in all, the last one cut to fit. */
function capText(paragraphs: string[], max: number): string[] {
  const out: string[] = [];
  let left = max;
  for (const p of paragraphs) {
    if (left <= 0) break;
    out.push(p.length > left ? p.slice(0, left) : p);
    left -= p.length;
  }
  return out;
}

/** The original address inside a web-archive capture URL (web.archive.org/web/2012…/http://…), else ''. */
export function unwrapArchiveUrl(url: string): string {
  const match = /^https?:\/\/(?:web\.)?archive\.org\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/i.exec(url);
  return match?.[1] && hostOf(match[1]) ? match[1] : '';
}

// Enough reasons for either side of both questions, few enough for a tooltip and the record.
const MAX_REASONS = 8;

/**
 * Classify an extracted page as article and as government news, with a score and reasons; `tags` is
 * the document's tag index when the extraction built one.
 */
export function detectPage(
  doc: Document | null,
  url: string,
  draft: ArticleDraft,
  tags?: TagIndex,
): Detection {
  const evidence = collectGovEvidence(doc, url, draft, tags);
  const gov = scoreGov(evidence);
  const isGovNews = gov.total >= GOV_POINTS;
  const score = isGovNews
    ? Math.max(0.5, toUnit(gov.total, GOV_POINTS))
    : Math.min(0.499, toUnit(gov.total, GOV_POINTS));
  const govReasons = gov.reasons.slice(0, MAX_REASONS);
  // News that is not government news often shows nothing against: say what it lacks.
  if (!isGovNews && !govReasons.some((r) => r.stance === 'against'))
    govReasons.push(makeReason('gov', 'against', 'noGovSignals'));
  const reasons = [...govReasons, ...evidence.articleReasons.slice(0, MAX_REASONS)];
  return { isArticle: evidence.isArticle, isGovNews, score, reasons };
}
