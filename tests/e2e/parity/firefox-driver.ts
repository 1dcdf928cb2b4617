// The flows' driver over Firefox ESR, WebDriver BiDi and Puppeteer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startStaticServer, type StaticServer } from '../../../lib/cli/chromium';
import {
  FIREFOX_BUILD,
  launchFirefoxWithExtension,
  openPrivileged,
  type FirefoxLaunchOptions,
  type LaunchedFirefox,
} from '../../../lib/cli/firefox';
import { readToolbar, TOOLBAR_HOST, type BrowserDriver, type PageDriver } from './driver';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface FirefoxDriver extends BrowserDriver {
  launched: LaunchedFirefox;
  downloadsPath: string;
}

/** Raw WebDriver BiDi, for what Puppeteer does not offer: reaching into a closed shadow root. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
interface BidiResult {
  type: string;
  result?: { type: string; value?: unknown; sharedId?: string; shadowRoot?: { sharedId?: string } | null };
  exceptionDetails?: { text: string };
}

/**
 * Run `fn(shadowRoot, arg)` inside the toolbar's closed shadow root and return its JSON result
 * (undefined before the toolbar mounts). WebDriver BiDi serialises closed shadow roots when asked
 * (includeShadowTree: 'all'), which no page can do; a sandbox realm keeps page script out of it.
 */
async function inToolbarRoot<T, A>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => T,
  arg: A,
): Promise<T | undefined> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const target = { context: (page.mainFrame() as unknown as { _id: string })._id, sandbox: 'baozhai-test' };
  const host = await connection.send('script.callFunction', {
    functionDeclaration: `() => document.querySelector(${JSON.stringify(TOOLBAR_HOST)})`,
    target,
    awaitPromise: false,
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const root = (host.result.result?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot;
  if (!root?.sharedId) return undefined;
  const reply = await connection.send('script.callFunction', {
    functionDeclaration: `function (arg) { return JSON.stringify((${fn.toString()})(this, JSON.parse(arg))); }`,
    this: { sharedId: root.sharedId },
    arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
    target,
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (reply.result.type === 'exception')
    throw new Error(reply.result.exceptionDetails?.text ?? 'toolbar read failed');
  return JSON.parse(String(reply.result.result?.value)) as T;
}

/** Centre of a toolbar control, for real mouse input there. */
async function toolbarControl(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const selector = `[data-testid="${testId}"]`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const box = await inToolbarRoot(
      page,
      (root, sel: string) => {
        const r = root.querySelector(sel)?.getBoundingClientRect();
        return r && r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      },
      selector,
    ).catch(() => null);
    if (box) return box;
    if (Date.now() > deadline) throw new Error(`no toolbar control ${testId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function wrap(page: Page, url: string): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
    click: async (selector) => {
      const handle = await page.waitForSelector(selector, { timeout: 20_000 });
      await handle!.click();
    },
    clickToolbar: async (testId) => {
      const { x, y } = await toolbarControl(page, testId);
      await page.mouse.click(x, y);
    },
    hoverToolbar: async (testId) => {
      const { x, y } = await toolbarControl(page, testId);
      await page.mouse.move(x, y);
    },
    readToolbar: async (selector, attribute) =>
      (await inToolbarRoot(page, readToolbar, { selector, attribute })) ?? {
        exists: false,
        text: '',
        attribute: null,
        count: 0,
      },
    fill: async (selector, value) => {
      const handle = await page.waitForSelector(selector, { timeout: 20_000 });
      await handle!.click({ count: 3 });
      await page.keyboard.press('Backspace');
      if (value) await handle!.type(value);
      // Typing CJK through BiDi key actions is slow per character; make sure the value landed whole.
      await page.waitForFunction(
        (s, v) => (document.querySelector(s) as HTMLInputElement).value === v,
        {},
        selector,
        value,
      );
    },
    upload: async (selector, file) => {
      const handle = (await page.waitForSelector(selector, {
        timeout: 20_000,
      })) as ElementHandle<HTMLInputElement>;
      await handle.uploadFile(file);
    },
    select: async (selector, value) => {
      await page.waitForSelector(selector, { timeout: 20_000 });
      await page.select(selector, value);
    },
    reload: async () => {
      if (url.startsWith('moz-extension:')) await openPrivileged(page, url);
      else await page.reload();
    },
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}

/** Launch Firefox with the built add-on and a static server for the test pages. */
export async function launchFirefoxDriver(
  options: Partial<FirefoxLaunchOptions> = {},
  shared?: StaticServer,
): Promise<FirefoxDriver> {
  const server =
    shared ??
    (await startStaticServer([resolve(repoRoot, 'tests/e2e/pages'), resolve(repoRoot, 'assets/demo')]));
  const downloadsPath = options.downloadsPath ?? mkdtempSync(join(tmpdir(), 'baozhai-ff-downloads-'));
  const launched = await launchFirefoxWithExtension({
    extensionPath: resolve(repoRoot, FIREFOX_BUILD),
    headless: true,
    downloadsPath,
    ...options,
  });
  const extensionDialogs: string[] = [];
  return {
    name: 'firefox',
    extensionDialogs,
    launched,
    downloadsPath,
    server,
    openPage: async (url) => {
      const page = await launched.browser.newPage();
      // The hostile page's own alerts would block the tab; extension pages must never raise one.
      page.on('dialog', (dialog) => void dialog.dismiss());
      // The load event may wait on images from hosts that never answer offline.
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrap(page, url);
    },
    openExtensionPage: async (path) => {
      const page = await launched.openExtensionPage(path);
      page.on('dialog', (dialog) => {
        extensionDialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return wrap(page, `moz-extension://${launched.uuid}/${path}`);
    },
    freshProfile: () => launchFirefoxDriver({ ...options, downloadsPath: undefined }, server),
    close: async () => {
      await launched.close();
      if (!shared) await server.close();
    },
  };
}
