/** Detection: a cheap article check and a government-news classifier with reasons. */
import type { Article, Detection } from '../article/record.ts';

/** An extracted article before detection, timestamp and hash are added. */
export type ArticleDraft = Omit<Article, 'detection' | 'extractedAt' | 'contentHash'>;

export interface ArticleCheck {
  isArticle: boolean;
  score: number;
  reasons: string[];
}

/** Cheaply decide whether a page holds one long article body (run at document_idle). */
export function checkArticle(_doc: Document, _url: string): ArticleCheck {
  return { isArticle: false, score: 0, reasons: [] };
}

/** Classify an extracted page as article and as government news, with a score and reasons. */
export function detectPage(_doc: Document | null, _url: string, _draft: ArticleDraft): Detection {
  return { isArticle: false, isGovNews: false, score: 0, reasons: [] };
}
