import { JSDOM, VirtualConsole } from 'jsdom';
import { removeRawTextElements } from '../text/markup.ts';

/**
 * Parse HTML into an inert Document on Node (no scripts, no subresources, no network). jsdom's CSS
 * parser throws on some real stylesheets ("border: inherit"); styles do not matter for reading, so
 * such a page is parsed again without them.
 *
 * The document comes from DOMParser, so it has no browsing context of its own: an iframe loads and
 * parses nothing (1,000 srcdoc frames took 10 s and 1.2 GB as windows), and its URL is the one given.
 */
export function parseDocument(html: string, url: string): Document {
  const { window } = new JSDOM('', { url: safeUrl(url), virtualConsole: new VirtualConsole() });
  const parse = (markup: string) => new window.DOMParser().parseFromString(markup, 'text/html');
  let doc: Document;
  try {
    doc = parse(html);
  } catch {
    doc = parse(stripStyles(html));
  }
  windows.set(doc, window);
  return doc;
}

// The window each parsed document came from, closed when the document is released.
const windows = new WeakMap<Document, { close(): void }>();

/** Remove `<style>` blocks and `style` attributes. */
export function stripStyles(html: string): string {
  return removeRawTextElements(html, ['style']).replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
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
  (windows.get(doc) ?? doc.defaultView)?.close();
  await new Promise((resolve) => setImmediate(resolve));
}
