import { JSDOM, VirtualConsole } from 'jsdom';
import { removeRawTextElements } from '../text/markup.ts';

/**
 * Parse HTML into an inert Document on Node (no scripts, no subresources, no network). jsdom's CSS
 * parser throws on some real stylesheets ("border: inherit"); styles do not matter for reading, so
 * such a page is parsed again without them.
 */
export function parseDocument(html: string, url: string): Document {
  try {
    return parseWithJsdom(html, url);
  } catch {
    return parseWithJsdom(stripStyles(html), url);
  }
}

/** Remove `<style>` blocks and `style` attributes. */
export function stripStyles(html: string): string {
  return removeRawTextElements(html, ['style']).replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
}

function parseWithJsdom(html: string, url: string): Document {
  const dom = new JSDOM(html, { url: safeUrl(url), virtualConsole: new VirtualConsole() });
  return dom.window.document;
}

function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'https://localhost/';
  }
}

/**
 * Close a parsed document's window and let the event loop turn, which is when jsdom lets go of
 * it: a loop over hundreds of pages that skips this runs out of heap.
 */
export async function releaseDocument(doc: Document): Promise<void> {
  doc.defaultView?.close();
  await new Promise((resolve) => setImmediate(resolve));
}
