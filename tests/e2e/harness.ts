// Shared e2e harness: the built extension in real Chromium, pages served from tests/e2e/pages
// (and the demo page) on covered news hosts that Chromium resolves to 127.0.0.1.
//
// The toolbar is in a CLOSED shadow root and acts only on trusted events, so tests drive it with
// toolbarOf(page) (lib/cli/toolbar.ts): they read it over the DevTools protocol, which pages
// cannot use, and click it with real mouse input at its coordinates. Never reach into it with
// locators or element.shadowRoot: a page could do the same, and with a closed root neither works.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import {
  CHROME_BUILD,
  launchChromiumWithExtension,
  startStaticServer,
  type LaunchOptions,
  type StaticServer,
} from '../../lib/cli/chromium';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const pagesDir = resolve(repoRoot, 'tests/e2e/pages');

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  server: StaticServer;
  userDataDir: string;
  /** Open the popup as a tab. */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/** Launch headless Chromium with the built extension and a static server for the test pages. */
export async function launchExtension(options: Partial<LaunchOptions> = {}): Promise<Harness> {
  const server = await startStaticServer([pagesDir, resolve(repoRoot, 'assets/demo')]);
  const launched = await launchChromiumWithExtension({
    extensionPath: resolve(repoRoot, CHROME_BUILD),
    headless: true,
    ...options,
  });
  return {
    ...launched,
    server,
    async openPopup() {
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/popup.html`);
      return page;
    },
    async close() {
      await launched.close();
      await server.close();
    },
  };
}

export { toolbarOf, TOOLBAR_HOST, type ToolbarDriver, type ToolbarElement } from '../../lib/cli/toolbar';
