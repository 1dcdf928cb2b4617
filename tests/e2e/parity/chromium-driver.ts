// The flows' driver over Chromium and Playwright, on the shared e2e harness.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, toolbarOf, type Harness } from '../harness';
import type { LaunchOptions } from '../../../lib/cli/chromium';
import { readToolbar, type BrowserDriver, type PageDriver } from './driver';

function wrap(page: Page): PageDriver {
  // The toolbar's root is closed: read over CDP, act with real input (tests/e2e/toolbar.ts).
  const toolbar = toolbarOf(page);
  const control = (testId: string) => `[data-testid="${testId}"]`;
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
    click: (selector) => page.locator(selector).first().click(),
    clickToolbar: (testId) => toolbar.click(control(testId)),
    hoverToolbar: (testId) => toolbar.hover(control(testId)),
    readToolbar: async (selector, attribute) =>
      (await toolbar.evaluate(readToolbar, { selector, attribute })) ?? {
        exists: false,
        text: '',
        attribute: null,
        count: 0,
      },
    fill: (selector, value) => page.locator(selector).fill(value),
    upload: (selector, file) => page.locator(selector).setInputFiles(file),
    select: async (selector, value) => void (await page.locator(selector).first().selectOption(value)),
    reload: async () => void (await page.reload()),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

export interface ChromiumDriver extends BrowserDriver {
  harness: Harness;
}

/** Launch Chromium with the built extension (the shared e2e harness) behind the flows' driver. */
export async function launchChromiumDriver(options: Partial<LaunchOptions> = {}): Promise<ChromiumDriver> {
  const harness = await launchExtension({
    downloadsPath: mkdtempSync(join(tmpdir(), 'baozhai-downloads-')),
    ...options,
  });
  const extensionDialogs: string[] = [];
  harness.context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      if (page.url().startsWith('chrome-extension://')) extensionDialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  return {
    name: 'chromium',
    harness,
    server: harness.server,
    extensionDialogs,
    openPage: async (url) => {
      const page = await harness.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      const page = await harness.context.newPage();
      await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
      return wrap(page);
    },
    freshProfile: () => launchChromiumDriver(options),
    close: () => harness.close(),
  };
}
