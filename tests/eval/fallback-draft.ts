// A crude article draft for detection when the extractor is not available: title and paragraphs only.
import type { ArticleDraft } from '../../lib/article/record.ts';
import type { Block } from '../../lib/article/record.ts';

function emptyDraft(url: string, title: string, blocks: Block[]): ArticleDraft {
  return {
    url,
    canonicalUrl: url,
    siteName: '',
    title,
    kicker: '',
    subtitle: '',
    originalTitle: '',
    publishedAt: '',
    source: '',
    authors: [],
    editors: [],
    blocks,
    script: 'hans',
  };
}

/** Title from the first h1 or <title>, paragraphs from <p> elements with some text. */
export function draftFromDocument(doc: Document, url: string): ArticleDraft {
  const title = (doc.querySelector('h1')?.textContent ?? doc.title ?? '').trim();
  const blocks: Block[] = [];
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length >= 10) blocks.push({ type: 'p', text });
  }
  return emptyDraft(url, title, blocks);
}
