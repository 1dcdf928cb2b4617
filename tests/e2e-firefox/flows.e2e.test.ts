// The main flows in real Firefox ESR; tests/e2e/parity.e2e.test.ts runs the same ones in Chromium
// (both from tests/e2e/parity/main-flows.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { launchFirefoxDriver, type FirefoxDriver } from '../e2e/parity/firefox-driver';
import { readArchive, routePages } from '../e2e/parity/flows';
import { GECKO_ID, openPrivileged } from '../../lib/cli/firefox';
import { pollUntil, toolbarState, type PageDriver } from '../e2e/parity/driver';
import { attackerPage, longText, numberedArticles, PAGE, pageWith } from '../e2e/hostile-pages';
import { defineMainFlows } from '../e2e/parity/main-flows';

/** Open a covered page and wait until its toolbar can save. */
async function openReady(d: FirefoxDriver, url: string): Promise<PageDriver> {
  const page = await d.openPage(url);
  await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'idle',
    'the toolbar',
    60_000,
  );
  return page;
}

/** The save button's state, polled until it settles (saved or error). */
async function settledSave(page: PageDriver, timeout: number): Promise<string | null> {
  const state = await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'saved' || s.attribute === 'error',
    'the save to settle',
    timeout,
  );
  return state.attribute;
}

describe('main flows in Firefox ESR', () => {
  let d: FirefoxDriver;
  let toHant: ConvertFn;

  beforeAll(async () => {
    toHant = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
    d = await launchFirefoxDriver();
    routePages(d);
  });
  afterAll(async () => d?.close());

  defineMainFlows('firefox', () => ({ d, toHant }));

  it('saves a clipping too large for one message, in parts: 6,000 blocks and a 1,000,000-character paragraph', async () => {
    const path = '/n1/2026/1120/c1001-40000402.html';
    d.server.route(path, pageWith(`<p>${longText(1_000_000)}</p>${numberedArticles(6_000)}`));
    const page = await openReady(d, d.server.url(path));
    const started = Date.now();
    await page.clickToolbar('bz-save');
    expect(await settledSave(page, 90_000)).toBe('saved');
    process.stdout.write(
      `firefox: 1.24 M characters in 6,001 blocks saved ${Date.now() - started} ms after the click\n`,
    );
    expect((await page.readToolbar('[role=alert]')).text).toBe('');
    await page.close();
    const popup = await d.openExtensionPage('popup.html');
    const stored = (await readArchive(popup)).filter((c) => String(c.url).includes(path));
    await popup.close();
    const blocks = stored[0]?.blocks as Array<{ text?: string }> | undefined;
    expect(blocks?.length).toBeGreaterThan(6_000);
    expect(Math.max(...(blocks ?? []).map((b) => b.text?.length ?? 0))).toBe(1_000_000);
  });

  it('says clearly that the background stopped in the middle of a save sent in parts, saving nothing', async () => {
    const path = '/n1/2026/1120/c1001-40000403.html';
    // 24,000 short articles: 12 parts, so the transfer is under way when the background stops.
    d.server.route(path, pageWith(numberedArticles(24_000)));
    const page = await openReady(d, d.server.url(path));
    // What about:debugging's "Terminate background script" does: a privileged page stops it.
    const privileged = await d.launched.browser.newPage();
    await openPrivileged(privileged, 'about:preferences');
    await page.clickToolbar('bz-save');
    await pollUntil(
      () => toolbarState(page, 'bz-save', 'data-state'),
      (s) => s.attribute !== 'idle',
      'saving',
      60_000,
    );
    const stopped = await privileged.evaluate(async (id) => {
      type Extension = { terminateBackground(o: object): Promise<void>; backgroundState: string };
      const policy = (
        globalThis as unknown as { WebExtensionPolicy: { getByID(id: string): { extension: Extension } } }
      ).WebExtensionPolicy;
      const extension = policy.getByID(id).extension;
      await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
      return extension.backgroundState;
    }, GECKO_ID);
    await privileged.close();
    const outcome = await settledSave(page, 60_000);
    const alert = (await page.readToolbar('[role=alert]')).text;
    process.stdout.write(`firefox: background ${stopped} mid-transfer; the save ${outcome}: ${alert}\n`);
    expect(outcome).toBe('error');
    expect(alert).toMatch(/收藏被中断|报摘没有响应/);
    expect(alert).not.toMatch(/undefined|Cannot read/);
    await page.close();
    const popup = await d.openExtensionPage('popup.html');
    expect((await readArchive(popup)).filter((c) => String(c.url).includes(path))).toEqual([]);
    await popup.close();
  });

  it("a page cannot press save, probe the archive, or overwrite another site's clipping", async () => {
    const victimPath = '/zhengce/content/2026-11/20/content_7000011.htm';
    const victimUrl = d.server.url(victimPath, 'www.gov.cn');
    d.server.route(victimPath, PAGE.replace(/某市推进软件产业发展/g, '国务院部署推进软件产业发展'));
    const victimPage = await openReady(d, victimUrl);
    await victimPage.clickToolbar('bz-save');
    expect(await settledSave(victimPage, 30_000)).toBe('saved');
    await victimPage.close();
    const archived = async () => {
      const popup = await d.openExtensionPage('popup.html');
      const all = await readArchive(popup);
      await popup.close();
      return all;
    };
    const victim = (await archived()).find((c) => c.url === victimUrl);
    expect(victim).toBeDefined();

    // Ten self-reloads, each pressing save every way a page can and naming the victim as canonical.
    const path = '/n1/2026/1120/c1001-40000404.html';
    d.server.route(path, attackerPage(victimUrl));
    const page = await d.openPage(d.server.url(path));
    await pollUntil(
      () => page.evaluate(() => document.body?.getAttribute('data-done') ?? null).catch(() => null),
      (done) => done === '1',
      'ten self-reloads',
      120_000,
    );
    const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('seen'))) ?? '{}') as object;
    expect(seen).toMatchObject({ open: false, captured: 0 });
    await page.close();
    const stored = await archived();
    expect(stored.filter((c) => String(c.url).includes(path))).toEqual([]);
    expect(stored.find((c) => c.url === victimUrl)).toEqual(victim);
  });
});
