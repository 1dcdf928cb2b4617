import { JSDOM, VirtualConsole } from 'jsdom';

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
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
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
