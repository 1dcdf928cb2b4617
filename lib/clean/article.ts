/** The article record, from a Document or a plain-text capture: extract, clean, then detect and hash. */
import type { Article, ArticleDraft } from '../article/record.ts';
import { bodyText } from '../article/body-text.ts';
import { hashContent } from '../article/hash.ts';
import { detectScript } from '../text/script.ts';
import { detectPage } from '../detect/index.ts';
import { indexTags, type TagIndex } from '../dom/tags.ts';
import { hostOf } from '../detect/page-url.ts';
import { chooseDate, extractPage } from '../extract/index.ts';
import { readTextCapture } from '../extract/text-capture.ts';
import { cleanBlocks } from './pipeline.ts';
import { readArticlePeople } from './people.ts';

export interface ExtractOptions {
  now?: Date;
}

/** Extract the article record from a Document without mutating it. */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): Article {
  // One walk indexes the page's tags for extraction and detection both (each lookup walked it).
  const tags = indexTags(doc);
  const page = extractPage(doc, url, tags);
  const cleaned = cleanBlocks(page.blocks, { headline: [page.title, page.kicker, page.subtitle] });
  const facts = cleaned.facts;
  const { dates } = page;
  const publishedAt = chooseDate(
    [dates.adapter, dates.header, facts.date],
    dates.meta,
    dates.named,
    dates.url,
  );
  const draft: ArticleDraft = {
    url: page.url,
    canonicalUrl: page.canonicalUrl,
    siteName: page.siteName,
    title: page.title,
    kicker: page.kicker,
    subtitle: page.subtitle,
    originalTitle: facts.originalTitle || page.header.originalTitle,
    publishedAt,
    source: page.header.source || facts.source,
    authors: unique([...page.header.authors, ...facts.authors]),
    editors: unique([...page.header.editors, ...facts.editors]),
    blocks: cleaned.blocks,
    script: 'hans',
  };
  return finish(draft, doc, options, tags);
}

/** Extract the article record from a plain-text capture (one block per line) or a saved Markdown page. */
export function extractFromText(text: string, options: { url?: string; now?: Date } = {}): Article {
  const capture = readTextCapture(text);
  const cleaned = cleanBlocks(capture.blocks, {
    headline: [capture.title, capture.kicker, capture.subtitle, ...capture.headlineExtra],
  });
  const facts = cleaned.facts;
  const url = options.url ?? capture.url ?? '';
  const draft: ArticleDraft = {
    url,
    canonicalUrl: url,
    siteName: capture.siteName || hostOf(url),
    title: capture.title,
    kicker: capture.kicker,
    subtitle: capture.subtitle,
    originalTitle: facts.originalTitle,
    publishedAt: capture.date || facts.date,
    source: capture.source || facts.source,
    authors: unique([...capture.authors, ...facts.authors]),
    editors: facts.editors,
    blocks: cleaned.blocks,
    script: 'hans',
  };
  return finish(draft, null, { now: options.now });
}

function finish(
  draft: ArticleDraft,
  doc: Document | null,
  options: ExtractOptions,
  tags?: TagIndex,
): Article {
  const body = bodyText(draft);
  draft.script = detectScript(`${draft.title}\n${body}`);
  const detection = detectPage(doc, draft.url, draft, tags);
  return {
    ...draft,
    people: readArticlePeople(draft),
    detection,
    extractedAt: (options.now ?? new Date()).toISOString(),
    contentHash: hashContent(body),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
