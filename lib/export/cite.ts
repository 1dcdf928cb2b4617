/**
 * Citations of an article: GB/T 7714-2015 (the Chinese national standard for references), an
 * APA-style English line, CSL-JSON items that Zotero imports as they are, and RIS.
 */
import type { Article } from '../article/record';
import { hostOf } from '../detect/page-url';

/** What a citation needs: the record, and when the reader accessed it (a clipping's savedAt). */
export type CitedArticle = Pick<
  Article,
  'url' | 'canonicalUrl' | 'siteName' | 'title' | 'publishedAt' | 'source' | 'authors' | 'script'
> & { id?: string };

export type CiteFormat = 'gbt7714' | 'apa' | 'csl-json' | 'ris';

/** The citation formats, for menus and the CLI. */
export const CITE_FORMATS: readonly CiteFormat[] = ['gbt7714', 'apa', 'csl-json', 'ris'];

// A newspaper's name: 河北日报, 北京晚报, 人民日报海外版, 南方周末 is a weekly paper too.
const NEWSPAPER =
  /(日报|晚报|早报|时报|商报|报社|周报|日報|晚報|早報|時報|商報|報社|週報|周報)|[报報](?:海外版|电子版|網|网)?$/;

// What a paper's name may carry after it that is not the paper: 忻州日报新媒体中心, 某某晚报客户端.
const AFTER_PAPER = /(?:新媒体中心|新媒體中心|客户端|客戶端|微信公众号|微信公眾號|官方微博|全媒体|全媒體)$/;

/** The newspaper behind an article (its 来源, else its site), or '' when none stands behind it. */
export function findNewspaper(article: CitedArticle): string {
  for (const name of [article.source, article.siteName]) {
    const clean = name.trim().replace(AFTER_PAPER, '');
    if (clean && NEWSPAPER.test(clean) && !/[网網]$/.test(clean)) return clean;
  }
  return '';
}

/** The site or outlet an article was published by: its newspaper, 来源, site name or host. */
function outletOf(article: CitedArticle): string {
  return (
    findNewspaper(article) || article.siteName.trim() || article.source.trim() || hostOf(citedUrl(article))
  );
}

// A page read without its address (a saved file) has none to cite; localhost is where it was opened.
function citedUrl(article: CitedArticle): string {
  const url = article.canonicalUrl || article.url;
  return /^https?:\/\/(?!localhost[:/])/i.test(url) ? url : '';
}

/** [year, month, day] of an ISO date as printed (its own offset), or null. */
function dateParts(iso: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function isoDay(parts: [number, number, number]): string {
  return parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

/** The access date in UTC+8, the day a reader in China sees on the calendar. */
function accessedParts(accessed: Date): [number, number, number] {
  const d = new Date(accessed.getTime() + 8 * 3600_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * Responsible persons under GB/T 7714-2015 §8.1: names as printed, separated by ", "; more than
 * three: the first three followed by ", 等".
 */
export function formatGbtAuthors(authors: readonly string[]): string {
  const names = authors.map((a) => a.trim()).filter(Boolean);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')}, 等`;
}

/**
 * GB/T 7714-2015, a news item online: `作者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. URL.`; without a
 * newspaper behind the site the electronic-resource form `作者. 题名[EB/OL]. (发布日期)[引用日期]. URL.`;
 * without an author the entry starts with the title.
 */
export function formatGbt7714(article: CitedArticle, accessed: Date): string {
  const authors = formatGbtAuthors(article.authors);
  const newspaper = findNewspaper(article);
  const published = dateParts(article.publishedAt);
  const cited = `[${isoDay(accessedParts(accessed))}]`;
  const title = article.title.trim();
  let entry = authors ? `${authors}. ` : '';
  if (newspaper) {
    entry += `${title}[N/OL]. ${newspaper}`;
    entry += published ? `, ${isoDay(published)}${cited}.` : `${cited}.`;
  } else {
    entry += `${title}[EB/OL]. `;
    entry += published ? `(${isoDay(published)})${cited}.` : `${cited}.`;
  }
  const url = citedUrl(article);
  return url ? `${entry} ${url}.` : entry;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** APA-style English: `Authors. (2021, May 19). Title. Outlet. URL`; no author: the title first. */
export function formatApa(article: CitedArticle): string {
  const names = article.authors.map((a) => a.trim()).filter(Boolean);
  const published = dateParts(article.publishedAt);
  const date = published ? `(${published[0]}, ${MONTHS[published[1] - 1]} ${published[2]})` : '(n.d.)';
  const title = article.title.trim();
  const outlet = outletOf(article);
  const url = citedUrl(article);
  const end = [outlet ? `${outlet}.` : '', url].filter(Boolean).join(' ');
  if (names.length === 0) return [`${title}.`, `${date}.`, end].filter(Boolean).join(' ');
  return [`${apaAuthors(names)}`, `${date}.`, `${title}.`, end].filter(Boolean).join(' ');
}

// APA 7: up to 20 names, the last after "&" (a serial comma from three on); Chinese names stay whole.
function apaAuthors(names: string[]): string {
  const listed = names.length > 20 ? [...names.slice(0, 19), '…', names[names.length - 1]!] : names;
  if (listed.length === 1) return `${listed[0]}.`;
  if (listed.length === 2) return `${listed[0]} & ${listed[1]}.`;
  return `${listed.slice(0, -1).join(', ')}, & ${listed[listed.length - 1]}.`;
}

/** One CSL-JSON item (CSL 1.0.2 input data). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: Array<{ literal: string }>;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL?: string;
  language: string;
  source?: string;
}

/** A CSL-JSON item: article-newspaper, Chinese names as `literal` (no family/given split). */
export function toCslItem(article: CitedArticle, accessed: Date, index = 0): CslItem {
  const published = dateParts(article.publishedAt);
  const item: CslItem = {
    id: article.id ?? `baozhai-${index + 1}`,
    type: 'article-newspaper',
    title: article.title.trim(),
    accessed: { 'date-parts': [accessedParts(accessed)] },
    language: article.script === 'hant' ? 'zh-TW' : 'zh-CN',
  };
  const container = outletOf(article);
  if (container) item['container-title'] = container;
  const names = article.authors.map((a) => a.trim()).filter(Boolean);
  if (names.length) item.author = names.map((literal) => ({ literal }));
  if (published) item.issued = { 'date-parts': [published] };
  const url = citedUrl(article);
  if (url) item.URL = url;
  if (article.siteName.trim() && article.siteName.trim() !== container) item.source = article.siteName.trim();
  return item;
}

/** A CSL-JSON file: an array of items, indented. */
export function formatCslJson(articles: ReadonlyArray<{ article: CitedArticle; accessed: Date }>): string {
  return `${JSON.stringify(
    articles.map((a, i) => toCslItem(a.article, a.accessed, i)),
    null,
    2,
  )}\n`;
}

// RIS tags are "XX  - value"; a value never spans lines.
const risLine = (tag: string, value: string) =>
  `${tag}  - ${value.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ')}\r\n`;

/** One RIS record, type NEWS (a newspaper article). */
export function formatRis(article: CitedArticle, accessed: Date): string {
  const published = dateParts(article.publishedAt);
  let out = risLine('TY', 'NEWS');
  for (const name of article.authors.map((a) => a.trim()).filter(Boolean)) out += risLine('AU', name);
  out += risLine('TI', article.title.trim());
  const outlet = outletOf(article);
  if (outlet) out += risLine('T2', outlet);
  if (published) {
    out += risLine('PY', String(published[0]));
    out += risLine('DA', published.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('/'));
  }
  const url = citedUrl(article);
  if (url) out += risLine('UR', url);
  out += risLine('Y2', isoDay(accessedParts(accessed)).replace(/-/g, '/'));
  out += risLine('LA', article.script === 'hant' ? 'zh-TW' : 'zh-CN');
  out += risLine('ER', '');
  return out;
}

/** Cite one or more articles in a format: one line each for gbt7714/apa, one file for csl-json and ris. */
export function formatCitations(
  format: CiteFormat,
  articles: ReadonlyArray<{ article: CitedArticle; accessed: Date }>,
): string {
  if (format === 'csl-json') return formatCslJson(articles);
  if (format === 'ris') return articles.map((a) => formatRis(a.article, a.accessed)).join('\r\n');
  const line = format === 'gbt7714' ? formatGbt7714 : (a: CitedArticle) => formatApa(a);
  return articles.map((a) => `${line(a.article, a.accessed)}\n`).join('');
}
