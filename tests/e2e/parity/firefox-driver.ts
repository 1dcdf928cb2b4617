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
import { TOOLBAR_HOST, type BrowserDriver, type PageDriver } from './driver';

const repoRoot = resolve(import.meta.dirname, '../../..');

export interface FirefoxDriver extends BrowserDriver {
  launched: LaunchedFirefox;
  downloadsPath: string;
}

async function toolbarControl(page: Page, testId: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(`${TOOLBAR_HOST} >>> [data-testid="${testId}"]`, {
    timeout: 20_000,
  });
  if (!handle) throw new Error(`no toolbar control ${testId}`);
  return handle;
}

function wrap(page: Page, url: string): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
    click: async (selector) => {
      const handle = await page.waitForSelector(selector, { timeout: 20_000 });
      await handle!.click();
    },
    clickToolbar: async (testId) => (await toolbarControl(page, testId)).click(),
    hoverToolbar: async (testId) => (await toolbarControl(page, testId)).hover(),
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
