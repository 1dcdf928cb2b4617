import { resolve } from 'node:path';
import { findBrowser } from './paths';
import type { Browser, Page } from 'puppeteer-core';
import { COVERED_DOMAINS } from '../detect/domains';

/** Where the built Firefox add-on lives, relative to the repo root (`wxt build -b firefox`). */
export const FIREFOX_BUILD = '.output/firefox-mv2';
/** The add-on's id from wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'baozhai@baozhai.dev';
/** A fixed internal UUID, so extension pages have a known moz-extension:// origin. */
export const FIREFOX_EXTENSION_UUID = 'b2a0c7e4-5d1f-4c3a-9e8b-6f7a1d2c3e4f';

/** Find Debian's Firefox ESR (or $FIREFOX_PATH); throw with the install command when there is none. */
export function findFirefox(): string {
  return findBrowser(
    'Firefox',
    'FIREFOX_PATH',
    ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    'firefox-esr fonts-noto-cjk',
  );
}

export interface FirefoxLaunchOptions {
  extensionPath: string;
  headless: boolean;
  /** Extra hosts to resolve to 127.0.0.1 besides the covered news domains. */
  hosts?: string[];
  /** Browser UI language, which picks the extension's _locales (default zh_CN). */
  uiLocale?: string;
  viewport?: { width: number; height: number };
  /** Where downloads land (the add-on's exports); Firefox saves there without asking. */
  downloadsPath?: string;
  prefs?: Record<string, unknown>;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on's internal UUID: extension pages live at moz-extension://<uuid>/. */
  uuid: string;
  /** Open an extension page (popup.html, reader.html?id=…) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Host names Firefox resolves to 127.0.0.1: each covered domain and its www. host (no wildcards there). */
function localDomains(extra: string[]): string {
  return [...COVERED_DOMAINS.flatMap((d) => [d, `www.${d}`]), ...extra].join(',');
}

/**
 * Launch Firefox over WebDriver BiDi with the built add-on installed (temporarily, unsigned) and
 * covered hosts mapped to this machine. System access lets the harness open moz-extension:// pages
 * and make the UI locale available without a language pack.
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<LaunchedFirefox> {
  const { default: puppeteer } = await import('puppeteer-core');
  const locale = (options.uiLocale ?? 'zh_CN').replace('_', '-');
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: options.headless,
    defaultViewport: viewport,
    args: ['--remote-allow-system-access', `--width=${viewport.width}`, `--height=${viewport.height}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'network.dns.localDomains': localDomains(options.hosts ?? []),
      // Test pages are plain http on covered hosts.
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'intl.locale.requested': locale,
      'intl.accept_languages': `${locale},${locale.split('-')[0]}`,
      ...(options.downloadsPath
        ? {
            'browser.download.folderList': 2,
            'browser.download.dir': resolve(options.downloadsPath),
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
          }
        : {}),
      ...options.prefs,
    },
  });
  try {
    await makeLocaleAvailable(browser, locale);
    await browser.installExtension(resolve(options.extensionPath));
  } catch (error) {
    await browser.close();
    throw error;
  }
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  return {
    browser,
    uuid: FIREFOX_EXTENSION_UUID,
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      await openPrivileged(page, base + path.replace(/^\//, ''));
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Navigate to a page WebDriver BiDi treats as privileged (moz-extension://, about:preferences). The
 * load event of such a navigation never reaches the client (the tab changes process), so wait for
 * the new document instead.
 */
export async function openPrivileged(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 1_000 }).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const here = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
    if (here[0] === url && here[1] === 'complete') return;
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} (at ${here[0]})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Firefox ESR ships only en-US; extension locales follow the app's available locales, so add the
 * requested one (the add-on brings its own strings; browser chrome falls back to English).
 */
async function makeLocaleAvailable(browser: Browser, locale: string): Promise<void> {
  if (locale === 'en-US' || locale === 'en') return;
  const page = await browser.newPage();
  await openPrivileged(page, 'about:preferences');
  await page.evaluate((wanted) => {
    const services = (globalThis as unknown as { Services: { locale: Record<string, unknown> } }).Services;
    const available = services.locale.availableLocales as string[];
    services.locale.availableLocales = [...new Set([...available, wanted])];
    services.locale.requestedLocales = [wanted];
  }, locale);
  await page.close();
}
