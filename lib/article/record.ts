/** The article record: one shape in the content script, the archive, exports and the CLI. */

/** Which script a text is written in, judged from the text itself. */
export type Script = 'hans' | 'hant' | 'mixed';

export type Block =
  | { type: 'p'; text: string }
  | { type: 'h'; text: string }
  | { type: 'figure'; src?: string; caption?: string; credit?: string };

export interface Detection {
  /** One long body with a headline: worth extracting at all. */
  isArticle: boolean;
  /** A government / public-affairs news article. */
  isGovNews: boolean;
  /** Government-news score in [0, 1]; `isGovNews` is `score >= 0.5`. */
  score: number;
  /** Human-readable reasons, most important first (shown on hover in the toolbar). */
  reasons: string[];
}

/** An official the article names, with the offices it gives them. */
export interface Person {
  /** As printed, in the page's script. */
  name: string;
  /** Offices as printed, in order of first appearance (省委书记, 省人大常委会主任). */
  roles: string[];
  /** How often the name is printed in the headline, body and captions. */
  mentions: number;
}

export interface Article {
  url: string;
  canonicalUrl: string;
  siteName: string;
  title: string;
  /** 引题: the line printed above the headline. */
  kicker: string;
  /** 副题: the line(s) printed below the headline. */
  subtitle: string;
  /** 原标题 given by a republishing site. */
  originalTitle: string;
  /** ISO 8601 with offset (+08:00 when the page gives none), or '' when unknown. */
  publishedAt: string;
  /** 来源 / 文章来源. */
  source: string;
  /** Reporters, one name per entry where the page separates them. */
  authors: string[];
  /** 责编 / 责任编辑. */
  editors: string[];
  /** Officials named in the text with their roles, in order of first mention; no reporter or editor. */
  people: Person[];
  blocks: Block[];
  script: Script;
  detection: Detection;
  /** ISO 8601 timestamp of the extraction. */
  extractedAt: string;
  /** 32-hex-digit FNV-1a hash (four lanes, not cryptographic) of the normalised body text (see lib/article/hash.ts). */
  contentHash: string;
}

/** An extracted article before detection, timestamp and hash are added. */
export type ArticleDraft = Omit<Article, 'detection' | 'extractedAt' | 'contentHash' | 'people'>;
