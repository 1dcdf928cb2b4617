import type { Block } from './record.ts';

/** The p and h blocks of an article joined by '\n' (used for scoring and hashing). */
export function bodyText(article: { blocks: readonly Block[] }): string {
  return article.blocks
    .filter((b): b is Extract<Block, { type: 'p' | 'h' }> => b.type === 'p' || b.type === 'h')
    .map((b) => b.text)
    .join('\n');
}
