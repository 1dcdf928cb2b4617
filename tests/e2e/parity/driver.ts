// One small driver over Playwright (Chromium) and Puppeteer over WebDriver BiDi (Firefox), so the
// same flows run in both browsers and their outcomes can be compared as plain data.
import type { StaticServer } from '../../../lib/cli/chromium';

/** The toolbar's host element; its shadow root holds every control. */
export const TOOLBAR_HOST = 'baozhai-toolbar';

export interface PageDriver {
  /** Run a function in the page (extension pages get the extension APIs). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Trusted click on the first element matching a selector in the page. */
  click(selector: string): Promise<void>;
  /** Trusted click on a toolbar control, found by its data-testid inside the shadow root. */
  clickToolbar(testId: string): Promise<void>;
  /** Hover a toolbar control (for tooltips). */
  hoverToolbar(testId: string): Promise<void>;
  /** Type into an input (replacing its value) the way a user does. */
  fill(selector: string, value: string): Promise<void>;
  upload(selector: string, file: string): Promise<void>;
  /** Pick an option of a <select> by value. */
  select(selector: string, value: string): Promise<void>;
  reload(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: 'chromium' | 'firefox';
  server: StaticServer;
  /** Messages of dialogs raised in extension pages (a hostile clipping must never raise one). */
  extensionDialogs: string[];
  /** Open a web page (on a covered host) in a new tab. */
  openPage(url: string): Promise<PageDriver>;
  /** Open an extension page (popup.html, reader.html?id=…) as a tab. */
  openExtensionPage(path: string): Promise<PageDriver>;
  /** A fresh profile with the same add-on and the same server, for import. */
  freshProfile(): Promise<BrowserDriver>;
  close(): Promise<void>;
}

/**
 * Read a toolbar control's state inside the page: the one place that reaches into the shadow root,
 * passed into page.evaluate as source so both drivers share it.
 */
export function readToolbar(probe: { host: string; testId: string; attribute?: string }): {
  exists: boolean;
  text: string;
  attribute: string | null;
} {
  const root = document.querySelector(probe.host)?.shadowRoot;
  const el = root?.querySelector(`[data-testid="${probe.testId}"]`) as HTMLElement | null | undefined;
  if (!el) return { exists: false, text: '', attribute: null };
  return {
    exists: true,
    text: el.textContent ?? '',
    attribute: probe.attribute ? el.getAttribute(probe.attribute) : null,
  };
}

/** Poll `read` until `accept` holds or the time runs out; returns the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeout = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** A toolbar control's text and one attribute, read through the shared probe. */
export function toolbarState(page: PageDriver, testId: string, attribute?: string) {
  return page.evaluate(readToolbar, { host: TOOLBAR_HOST, testId, attribute });
}
