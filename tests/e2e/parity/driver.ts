// One small driver over Playwright (Chromium) and Puppeteer over WebDriver BiDi (Firefox), so the
// same flows run in both browsers and their outcomes can be compared as plain data.
import type { StaticServer } from '../../../lib/cli/chromium';

export { TOOLBAR_HOST } from '../../../lib/cli/toolbar';

export interface PageDriver {
  /** Run a function in the page (extension pages get the extension APIs). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Trusted click on the first element matching a selector in the page. */
  click(selector: string): Promise<void>;
  /** Trusted click on a toolbar control, found by its data-testid inside the closed shadow root. */
  clickToolbar(testId: string): Promise<void>;
  /** Read the first toolbar element matching a selector (readToolbar inside the closed root). */
  readToolbar(selector: string, attribute?: string): Promise<ReturnType<typeof readToolbar>>;
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

/** A toolbar control's state as the flows compare it. */
export interface ToolbarControlState {
  exists: boolean;
  text: string;
  attribute: string | null;
}

/**
 * Read a toolbar control's state, run INSIDE the toolbar's closed shadow root (`root`): each driver
 * reaches the root over a channel pages lack (CDP in Chromium, WebDriver BiDi in Firefox) and
 * passes this function as source, so both share it. See tests/e2e/toolbar.ts.
 */
export function readToolbar(
  root: ShadowRoot,
  probe: { selector: string; attribute?: string },
): ToolbarControlState & { count: number } {
  const all = root.querySelectorAll(probe.selector);
  const el = all[0] as HTMLElement | undefined;
  if (!el) return { exists: false, text: '', attribute: null, count: 0 };
  return {
    exists: true,
    text: el.textContent ?? '',
    attribute: probe.attribute ? el.getAttribute(probe.attribute) : null,
    count: all.length,
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
export async function toolbarState(
  page: PageDriver,
  testId: string,
  attribute?: string,
): Promise<ToolbarControlState> {
  const { exists, text, attribute: value } = await page.readToolbar(`[data-testid="${testId}"]`, attribute);
  return { exists, text, attribute: value };
}

/**
 * Every stored clipping, read with raw IndexedDB; run INSIDE an extension page (each driver's
 * `evaluate`, or Playwright's `page.evaluate`), so it must stay self-contained.
 */
export function readStoredClippings(): Promise<Array<Record<string, unknown>>> {
  return new Promise((done, reject) => {
    const open = indexedDB.open('baozhai-archive');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('clippings').objectStore('clippings').getAll();
      request.onsuccess = () => {
        db.close();
        done(request.result as Array<Record<string, unknown>>);
      };
      request.onerror = () => reject(request.error);
    };
  });
}
