import type { Article } from '../article/record';

/** The searchable text of an article: title lines first, then the body, one block per line. */
export function buildSearchText(
  article: Pick<Article, 'title' | 'kicker' | 'subtitle' | 'originalTitle' | 'blocks'>,
): string {
  const parts = [article.title, article.kicker, article.subtitle, article.originalTitle];
  for (const block of article.blocks) {
    if (block.type === 'figure') parts.push(block.caption ?? '');
    else parts.push(block.text);
  }
  return parts.join('\n');
}
