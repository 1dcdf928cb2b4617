// A page must not be able to tell that the reader has the extension by fetching one of its files
// (the converter dictionaries were web-accessible to every site), and the toggle still converts:
// its content script gets the dictionaries from the background instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, toolbarOf, type Harness } from './harness';
import { readStoredClippings } from './parity/driver';
import { attackerPage, longText, numberedArticles, PAGE, pageWith } from './hostile-pages';

type Stored = Record<string, unknown> & { url: string };

async function readArchive(h: Harness): Promise<Stored[]> {
  const popup = await h.openPopup();
  const all = (await popup.evaluate(readStoredClippings)) as Stored[];
  await popup.close();
  return all;
}

describe('files of the extension seen from a web page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => h?.close());

  it('cannot be fetched, and the toggle converts with dictionaries relayed by the background', async () => {
    const path = '/n1/2026/1120/c1001-40000301.html';
    h.server.route(path, PAGE);
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    await toolbarOf(page).waitFor('[data-testid=bz-toggle]');

    const before = await page.locator('.rm_txt_con p').first().innerText();
    const started = Date.now();
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect
      .poll(() => page.locator('.rm_txt_con p').first().innerText(), { timeout: 10_000 })
      .not.toBe(before);
    process.stdout.write(
      `exposure e2e: first conversion (dictionaries loaded) ${Date.now() - started} ms after the click\n`,
    );
    expect(await page.locator('.rm_txt_con p').first().innerText()).toContain('軟體');

    const probes = await page.evaluate(async (id) => {
      const names = ['dicts/keys.TSPhrases.txt', 'dicts/map.STPhrases+STCharacters.txt', 'manifest.json'];
      return Promise.all(
        names.map(async (name) => {
          try {
            const response = await fetch(`chrome-extension://${id}/${name}`);
            return `${name}: HTTP ${response.status}`;
          } catch {
            return `${name}: refused`;
          }
        }),
      );
    }, h.extensionId);
    expect(probes).toEqual([
      'dicts/keys.TSPhrases.txt: refused',
      'dicts/map.STPhrases+STCharacters.txt: refused',
      'manifest.json: refused',
    ]);
    await page.close();
  });

  it('saves a clipping too large for one message, in parts: 6,000 blocks and a 1,000,000-character paragraph', async () => {
    const path = '/n1/2026/1120/c1001-40000302.html';
    // A long law: one 1,000,000-character paragraph (three parts), then 6,000 numbered articles.
    h.server.route(path, pageWith(`<p>${longText(1_000_000)}</p>${numberedArticles(6_000)}`));
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    const bar = toolbarOf(page);
    await bar.waitFor('[data-testid=bz-save]');
    const started = Date.now();
    await bar.click('[data-testid=bz-save]');
    await expect
      .poll(() => bar.attr('[data-testid=bz-save]', 'data-state'), { timeout: 60_000, interval: 100 })
      .toMatch(/saved|error/);
    process.stdout.write(
      `exposure e2e: 1,24 M characters in 6,001 blocks saved ${Date.now() - started} ms after the click\n`,
    );
    const alert = (await bar.read('[role=alert]'))?.text ?? '';
    expect(alert).toBe('');
    expect(await bar.attr('[data-testid=bz-save]', 'data-state')).toBe('saved');
    await page.close();
    const stored = (await readArchive(h)).map((c) => {
      const blocks = c.blocks as Array<{ text?: string }>;
      return { blocks: blocks.length, longest: Math.max(...blocks.map((b) => b.text?.length ?? 0)) };
    });
    expect(stored.find((c) => c.blocks > 6_000)).toMatchObject({ longest: 1_000_000 });
  });

  it('refuses a page over the size a clipping may have with a clear message, saving nothing', async () => {
    const path = '/n1/2026/1120/c1001-40000305.html';
    // Over 5,100,000 characters in six distinct paragraphs: past MAX_CLIPPING_TEXT (lib/messaging/contract.ts).
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}编 ${longText(850_000)}</p>`).join(
      '',
    );
    h.server.route(path, pageWith(paragraphs));
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    const bar = toolbarOf(page);
    await bar.click('[data-testid=bz-save]');
    await expect
      .poll(() => bar.attr('[data-testid=bz-save]', 'data-state'), { timeout: 60_000 })
      .toBe('error');
    expect((await bar.read('[role=alert]'))?.text ?? '').toMatch(/本页正文超过 500 万字/);
    await page.close();
    expect((await readArchive(h)).filter((c) => c.url.includes(path))).toEqual([]);
  });

  it('says clearly that the worker stopped in the middle of a save sent in parts, saving nothing', async () => {
    const path = '/n1/2026/1120/c1001-40000306.html';
    // 24,000 short articles: 12 parts, so the transfer is still under way when the worker stops.
    h.server.route(path, pageWith(numberedArticles(24_000)));
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    const bar = toolbarOf(page);
    await bar.waitFor('[data-testid=bz-save]');
    // The background names a transfer with randomUUID when it opens one: that is the moment to stop it.
    await h.serviceWorker.evaluate(() => {
      const make = crypto.randomUUID.bind(crypto);
      const scope = globalThis as unknown as { transferOpened?: boolean };
      crypto.randomUUID = () => {
        scope.transferOpened = true;
        return make();
      };
    });
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await bar.click('[data-testid=bz-save]');
    await expect
      .poll(
        () =>
          h.serviceWorker.evaluate(
            () => (globalThis as { transferOpened?: boolean }).transferOpened === true,
          ),
        {
          timeout: 60_000,
          interval: 10,
        },
      )
      .toBe(true);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(() => bar.attr('[data-testid=bz-save]', 'data-state'), { timeout: 30_000 })
      .toBe('error');
    const alert = (await bar.read('[role=alert]'))?.text ?? '';
    process.stdout.write(`exposure e2e: worker stopped mid-transfer, the toolbar says: ${alert}\n`);
    expect(alert).toMatch(/收藏被中断|报摘没有响应/);
    expect(alert).not.toMatch(/undefined|Cannot read/);
    await page.close();
    expect((await readArchive(h)).filter((c) => c.url.includes(path))).toEqual([]);
  });

  it("says clearly, in the reader's language, that the worker stopped 100 ms into a save", async () => {
    const path = '/n1/2026/1120/c1001-40000303.html';
    h.server.route(path, PAGE.replace('某市推进软件产业发展</h1>', '某市推进软件产业发展（二）</h1>'));
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    const bar = toolbarOf(page);
    await bar.waitFor('[data-testid=bz-save]');
    // The save's first write never completes, so the worker is still inside it when it is stopped.
    await h.serviceWorker.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        return new Promise(() => undefined) as unknown as IDBRequest<IDBValidKey>;
      };
    });
    const cdp = await h.context.newCDPSession(page);
    await bar.click('[data-testid=bz-save]');
    await new Promise((r) => setTimeout(r, 100));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(() => bar.attr('[data-testid=bz-save]', 'data-state'), { timeout: 30_000 })
      .toBe('error');
    const alert = (await bar.read('[role=alert]'))?.text ?? '';
    expect(alert).toMatch(/报摘没有响应/);
    expect(alert).not.toMatch(/undefined|Cannot read/);
    await page.close();
  });

  it("a page cannot press save, probe the archive, or overwrite another site's clipping", async () => {
    const SAVE = '[data-testid=bz-save]';
    const victimPath = '/zhengce/content/2026-11/20/content_7000001.htm';
    const victimUrl = h.server.url(victimPath, 'www.gov.cn');
    h.server.route(victimPath, PAGE.replace(/某市推进软件产业发展/g, '国务院部署推进软件产业发展'));
    const victimPage = await h.context.newPage();
    await victimPage.goto(victimUrl);
    await toolbarOf(victimPage).click(SAVE);
    await expect
      .poll(() => toolbarOf(victimPage).attr(SAVE, 'data-state'), { timeout: 15_000 })
      .toBe('saved');
    await victimPage.close();
    const victim = (await readArchive(h)).find((c) => c.url === victimUrl);
    expect(victim).toBeDefined();

    const path = '/n1/2026/1120/c1001-40000304.html';
    h.server.route(path, attackerPage(victimUrl));
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    await page.waitForSelector('body[data-done="1"]', { timeout: 90_000 });
    expect(new URL(page.url()).search).toBe('?r=9');
    let stored = await readArchive(h);
    // Ten loads, every kind of synthetic press on each: nothing saved, the victim untouched.
    expect(stored.filter((c) => c.url.includes(path))).toEqual([]);
    expect(stored.find((c) => c.url === victimUrl)).toEqual(victim);
    const seenUnsaved = await page.evaluate(() => sessionStorage.getItem('seen'));
    expect(JSON.parse(seenUnsaved ?? '{}')).toMatchObject({ open: false, captured: 0 });

    // A script that did reach the toolbar's controls (here a test's isolated world) is still refused.
    const bar = toolbarOf(page);
    await bar.evaluate((root) => (root.querySelector('[data-testid=bz-save]') as HTMLElement).click());
    await page.waitForTimeout(500);
    expect(await bar.attr(SAVE, 'data-state')).toBe('idle');

    // The reader saves it: one clipping, of this page's own URL; the canonical link is only a claim.
    await bar.click(SAVE);
    await expect.poll(() => bar.attr(SAVE, 'data-state'), { timeout: 15_000 }).toBe('saved');
    stored = await readArchive(h);
    const own = stored.filter((c) => c.url.includes(path));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ url: page.url(), canonicalUrl: victimUrl });
    expect(stored.find((c) => c.url === victimUrl)).toEqual(victim);

    // What the page sees of the toolbar is the same saved or not: it learns nothing of the archive.
    const seenSaved = await page.evaluate(() => {
      const host = document.querySelector('baozhai-toolbar')!;
      return JSON.stringify({
        html: host.outerHTML,
        attrs: host.getAttributeNames(),
        open: host.shadowRoot !== null,
        captured: 0,
      });
    });
    expect(seenSaved).toBe(seenUnsaved);
    await page.close();
  });
});
