import { JSDOM, VirtualConsole } from 'jsdom';

/** Parse HTML into an inert Document on Node (no scripts, no subresources, no network). */
export function parseDocument(html: string, url: string): Document {
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: safeUrl(url), virtualConsole });
  return dom.window.document;
}

function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'https://localhost/';
  }
}
