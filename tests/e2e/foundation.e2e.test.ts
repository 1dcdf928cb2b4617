import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD } from '../../lib/cli/chromium';
import { launchExtension, repoRoot, toolbarOf, type Harness } from './harness';
import { readStoredClippings } from './parity/driver';

// Extension pages have `chrome.runtime`; the tests call it inside page.evaluate.
declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

const ARTICLE_PATH = '/n1/2026/1120/c1001-40000001.html';

describe('extension in real Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launchExtension();
    h.server.route(ARTICLE_PATH, readFileSync(resolve(repoRoot, 'assets/demo/article.html'), 'utf8'));
  });
  afterAll(async () => h?.close());

  it('starts the service worker', () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(h.serviceWorker.url()).toContain('background.js');
  });

  it('mounts the toolbar in a shadow root, untouched by the page CSS', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url(ARTICLE_PATH));
    const bar = toolbarOf(page);
    await bar.waitFor('[data-testid=bz-toggle]');
    const isolated = await bar.evaluate((root) => {
      const inner = root.querySelector('[data-testid=bz-toggle]')!;
      const toolbar = root.querySelector('[data-testid=bz-toolbar]')!;
      const host = root.host;
      const style = getComputedStyle(inner);
      const hostStyle = getComputedStyle(host);
      const box = toolbar.getBoundingClientRect();
      return {
        inShadow: !document.querySelector('[data-testid=bz-toggle]'),
        background: style.backgroundColor,
        fontSize: style.fontSize,
        letterSpacing: style.letterSpacing,
        barPosition: getComputedStyle(toolbar.parentElement!).position,
        barVisible:
          box.width > 100 &&
          box.bottom <= innerHeight &&
          box.right <= innerWidth &&
          box.top > innerHeight / 2,
        opacity: hostStyle.opacity,
        transform: hostStyle.transform,
      };
    });
    if (!isolated) throw new Error('toolbar not mounted');
    expect(isolated.inShadow).toBe(true);
    // The page sets buttons lime and 30px, spans spaced out and its last child rotated, all !important.
    expect(isolated.background).not.toBe('rgb(0, 255, 0)');
    expect(isolated.fontSize).toBe('13px');
    expect(isolated).toMatchObject({
      letterSpacing: 'normal',
      barPosition: 'fixed',
      barVisible: true,
      opacity: '1',
      transform: 'none',
    });
    await page.close();
  });

  it('says "government news" with reasons on hover on a news article', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url(ARTICLE_PATH));
    const bar = toolbarOf(page);
    await bar.waitFor('[data-testid=bz-badge]', 15_000);
    expect(await bar.attr('[data-testid=bz-toolbar]', 'data-detection')).toBe('gov-news');
    const reasons = '[data-testid=bz-reasons]';
    expect((await bar.read(reasons))?.visible).toBe(false);
    await bar.hover('[data-testid=bz-badge]');
    await expect.poll(async () => (await bar.read(reasons))?.visible).toBe(true);
    expect(await bar.count(`${reasons} li`)).toBeGreaterThan(0);
    await page.close();
  });

  it('stays quiet on an index page, and says on hover why it is not an article', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url('/index-page.html'));
    const bar = toolbarOf(page);
    await bar.waitFor('[data-testid=bz-toolbar]');
    await expect.poll(() => bar.attr('[data-testid=bz-toolbar]', 'data-detection')).toBe('quiet');
    expect(await bar.attr('[data-testid=bz-badge]', 'data-verdict')).toBe('page');
    await bar.hover('[data-testid=bz-badge]');
    expect(await bar.count('[data-testid=bz-reasons] li')).toBeGreaterThan(0);
    await page.close();
  });

  it('round-trips a message to the background and renders the popup', async () => {
    const popup = await h.openPopup();
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    expect(reply).toMatchObject({ ok: true, version: expect.any(String) });
    const malformed = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', extra: 1 }));
    expect(malformed).toBeUndefined();
    await expect.poll(() => popup.locator('body').innerText()).not.toBe('');
    await popup.close();
  });

  it('loads an extension page from its entry and two shared scripts; the worker loads no page code', async () => {
    const build = resolve(repoRoot, CHROME_BUILD);
    // Every script a module loads before it runs: itself and its static imports, transitively.
    const scriptsOf = (entry: string): string[] => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const code = readFileSync(resolve(build, file), 'utf8');
        for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g))
          visit(relative(build, resolve(build, dirname(file), m[1]!)));
      };
      visit(entry);
      return [...seen];
    };
    const html = readFileSync(resolve(build, 'archive.html'), 'utf8');
    const entry = /<script type="module"[^>]* src="\/([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const page = scriptsOf(entry!);
    // Each script is a request the page waits for before its first render (eight by default).
    expect(page).toHaveLength(3);
    const worker = scriptsOf('background.js');
    // The page-only chunk (preact, the views) is one of the page's scripts, never the worker's.
    const pageOnly = page.filter((file) => file !== entry && !worker.includes(file));
    expect(pageOnly).toHaveLength(1);
    expect(readFileSync(resolve(build, pageOnly[0]!), 'utf8')).toContain('archivePage_');
    expect(worker.some((file) => readFileSync(resolve(build, file), 'utf8').includes('archivePage_'))).toBe(
      false,
    );
    // And the page runs from them.
    const tab = await h.context.newPage();
    await tab.goto(`chrome-extension://${h.extensionId}/archive.html`);
    await tab.locator('[data-testid=bz-table]').waitFor();
    await tab.close();
  });

  it('ignores forged messages from page script', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url(ARTICLE_PATH));
    await toolbarOf(page).waitFor('[data-testid=bz-toolbar]');
    const forged = { type: 'save', article: { title: 'forged' } };
    const attempts = await page.evaluate(
      async ({ id, message }) => {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent('baozhai', { detail: message }));
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        let direct = 'no runtime.sendMessage on the page';
        if (typeof runtime?.sendMessage === 'function') {
          try {
            await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, message);
            direct = 'delivered';
          } catch (error) {
            direct = `refused: ${String(error)}`;
          }
        }
        return direct;
      },
      { id: h.extensionId, message: forged },
    );
    expect(attempts).not.toBe('delivered');
    await page.waitForTimeout(500);
    const popup = await h.openPopup();
    // Lookup answers content scripts only, about their own tab: an extension page gets nothing.
    expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup' }))).toBeUndefined();
    const titles = ((await popup.evaluate(readStoredClippings)) as Array<{ title: string }>).map(
      (c) => c.title,
    );
    expect(titles).not.toContain('forged');
    await popup.close();
    await page.close();
  });
});
