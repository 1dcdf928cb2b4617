import type { Block } from './record.ts';

/** The p and h blocks of an article joined by '\n' (used for scoring, hashing and fingerprints). */
export function bodyText(article: { blocks: readonly Block[] }): string {
  return article.blocks
    .filter((b): b is Extract<Block, { type: 'p' | 'h' }> => b.type === 'p' || b.type === 'h')
    .map((b) => b.text)
    .join('\n');
}

/** Every block as one line of text: paragraphs, subheadings and captions ('' for a figure without one). */
export function readBlockLines(article: { blocks: readonly Block[] }): string[] {
  return article.blocks.map((b) => (b.type === 'figure' ? (b.caption ?? '') : b.text));
}
