import { readFileSync, readdirSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, repoRoot, toolbarOf, type Harness } from './harness';
import { readStoredClippings } from './parity/driver';
import { compileClippingsSchema } from '../export/ajv';

// Extension pages have `chrome.*`; the tests call it inside page.evaluate.
declare const chrome: {
  downloads: { search: (q: object) => Promise<Array<{ filename: string; state: string; id: number }>> };
};

const pagesDir = resolve(repoRoot, 'tests/e2e/pages');
/** Screenshots for a person to look at, outside the repository (BZ_SHOTS, else the temp folder). */
const shot = (name: string) => join(process.env.BZ_SHOTS ?? tmpdir(), `${name}.png`);
const SAVE = '[data-testid=bz-save]';
const NEWS = readFileSync(resolve(pagesDir, 'archive-news.html'), 'utf8');
const NEWS_PATH = '/n1/2026/0315/c1001-40100001.html';
const HOSTILE_PATH = '/n1/2026/0316/c1001-40100666.html';
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>全省安全生产工作会议召开</h1><script>alert(3)</script>';

/** Five invented variants of the news page, each with its own canonical URL and a distinct paragraph. */
function variantPage(n: number): string {
  return NEWS.replace(/40100001/g, `4010010${n}`)
    .replace(/云川市推进智慧水务建设/g, `云川市第${n}片区推进智慧水务建设`)
    .replace('宋立群指出，', `宋立群指出，第${n}片区要率先完成管网改造。`);
}

const MIRROR_HOST = 'www.hebnews.cn';
const MIRROR_PATH = '/system/2026/03/16/100001.shtml';

/**
 * The story as a traditional-script mirror on another site prints it a day later: its own address,
 * its own headline block and boilerplate, pinyin left in the text.
 */
function mirrorPage(url: string): string {
  const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toHant(
    NEWS.replace('http://www.people.com.cn/n1/2026/0315/c1001-40100001.html', url)
      .replace(/2026-03-15/g, '2026-03-16')
      .replace('2026年03月15日09:20', '2026年03月16日10:00')
      .replace(/示范日报网/g, '河北新闻网')
      .replace('宋立群指出，', '宋立群(sòng lì qún)指出，')
      .replace('<h1>', '<p class="crumb">当前位置：首页 &gt; 转载</p><h1>'),
  );
}

/** Every clipping in the archive, read with raw IndexedDB from an extension page. */
function readArchive(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(readStoredClippings);
}

async function saveFromToolbar(h: Harness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.server.url(path));
  const bar = toolbarOf(page);
  await bar.waitFor(SAVE, 20_000);
  await bar.click(SAVE);
  await expect.poll(() => bar.attr(SAVE, 'data-state'), { timeout: 15_000 }).toBe('saved');
  return page;
}

describe('clippings archive in real Chromium', () => {
  let h: Harness;
  const dialogs: string[] = [];
  const downloadsPath = mkdtempSync(join(tmpdir(), 'baozhai-downloads-'));

  beforeAll(async () => {
    h = await launchExtension({ downloadsPath });
    // Citation copy is checked by reading the clipboard back from the extension's pages.
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    h.server.route(NEWS_PATH, NEWS);
    h.server.route(HOSTILE_PATH, readFileSync(resolve(pagesDir, 'archive-hostile.html'), 'utf8'));
    for (let n = 1; n <= 5; n++) h.server.route(`/n1/2026/0315/c1001-4010010${n}.html`, variantPage(n));
    h.context.on('page', (page) => {
      page.on('dialog', (dialog) => {
        // The hostile page's own scripts may run in its own tab; only our extension pages matter.
        if (page.url().startsWith('chrome-extension://')) dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
    });
  });
  afterAll(async () => h?.close());

  it('saves from the toolbar, lists, searches across scripts, reads, toggles, exports and imports into a fresh profile', async () => {
    const article = await saveFromToolbar(h, NEWS_PATH);
    // Reloading the page: the toolbar already knows it is saved.
    await article.reload();
    await expect.poll(() => toolbarOf(article).attr(SAVE, 'data-state'), { timeout: 15_000 }).toBe('saved');
    await article.close();

    const popup = await h.openPopup();
    const rows = popup.locator('[data-testid=bz-row]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('.bz-row-title').innerText()).toContain('云川市推进智慧水务建设');
    expect(await rows.first().locator('[data-script]').getAttribute('data-script')).toBe('hans');

    // Traditional characters find the simplified clipping, highlighted in its own script.
    await popup.locator('[data-testid=bz-search]').fill('智慧水務');
    await expect
      .poll(() => popup.locator('[data-testid=bz-list]').getAttribute('data-query'))
      .toBe('智慧水務');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await popup.locator('mark').first().innerText()).toBe('智慧水务');
    await popup.locator('[data-testid=bz-search]').fill('水務 不存在的詞');
    await expect.poll(() => popup.locator('[data-testid=bz-empty]').count()).toBe(1);
    await popup.locator('[data-testid=bz-search]').fill('');
    await expect.poll(() => rows.count()).toBe(1);

    // Tags and note.
    await popup.locator('[data-testid=bz-edit-open]').click();
    await popup.locator('[data-testid=bz-tags-input]').fill('水务，民生');
    await popup.locator('[data-testid=bz-note-input]').fill('核对漏损率目标');
    await popup.locator('[data-testid=bz-edit-save]').click();
    await expect.poll(() => popup.locator('.bz-tag').allInnerTexts()).toEqual(['水务', '民生']);
    await popup.locator('[data-testid=bz-tag-filter]').selectOption('民生');
    await expect.poll(() => rows.count()).toBe(1);
    await popup.locator('[data-testid=bz-tag-filter]').selectOption('');

    // Copy a GB/T 7714 citation from the row: the clipboard holds it and the row says so.
    await rows.first().locator('[data-testid=bz-cite-gbt7714]').click();
    await expect.poll(() => rows.first().locator('[data-testid=bz-cite-copied]').innerText()).not.toBe('');
    const gbt = await popup.evaluate(() => navigator.clipboard.readText());
    expect(gbt).toMatch(/^许文清, 郑远航\. 云川市推进智慧水务建设 保障城乡供水安全\[(N|EB)\/OL\]\./);
    expect(gbt).toContain(`${NEWS_PATH}.`);
    await popup.screenshot({ path: shot('popup-cite') });

    // Delete, then undo: the clipping comes back as it was.
    const beforeDelete = await readArchive(popup);
    await rows.first().locator('[data-testid=bz-delete]').click();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await readArchive(popup)).toEqual([]);
    await popup.locator('[data-testid=bz-undo]').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await readArchive(popup)).toEqual(beforeDelete);

    // Reader page with the 简/繁 toggle.
    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.locator('[data-testid=bz-open]').click(),
    ]);
    await reader.waitForLoadState();
    expect(reader.url()).toMatch(/\/reader\.html\?id=/);
    const title = reader.locator('[data-testid=bz-reader-title]');
    await expect.poll(() => title.innerText()).toBe('云川市推进智慧水务建设 保障城乡供水安全');
    await reader.locator('[data-testid=bz-reader-toggle]').click();
    await expect
      .poll(() => title.innerText(), { timeout: 15_000 })
      .toBe('雲川市推進智慧水務建設 保障城鄉供水安全');
    expect(await reader.locator('[data-testid=bz-reader-body]').innerText()).toContain('供水一體化');
    await reader.locator('[data-testid=bz-reader-toggle]').click();
    await expect.poll(() => title.innerText()).toBe('云川市推进智慧水务建设 保障城乡供水安全');
    await reader.locator('[data-testid=bz-cite-apa]').click();
    await expect.poll(() => reader.locator('[data-testid=bz-cite-copied]').innerText()).not.toBe('');
    const apa = await reader.evaluate(() => navigator.clipboard.readText());
    expect(apa).toMatch(/^许文清 & 郑远航\. \(2026, March 15\)\. 云川市推进智慧水务建设/);
    await reader.screenshot({ path: shot('reader-cite') });
    await reader.close();

    // Export through the downloads API, then check the file.
    await popup.locator('[data-testid=bz-export-all]').click();
    await expect
      .poll(() => popup.locator('[data-testid=bz-notice]').getAttribute('data-kind'), { timeout: 15_000 })
      .toBe('exported');
    // Playwright stores downloads under GUID names, so the dated name is read from the popup's report.
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const dated = `baozhai-clippings-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.json`;
    expect(await popup.locator('[data-testid=bz-notice]').innerText()).toContain(dated);
    let downloaded: { filename: string; state: string } | undefined;
    await expect
      .poll(
        async () => {
          [downloaded] = await popup.evaluate(() => chrome.downloads.search({ orderBy: ['-startTime'] }));
          return downloaded?.state;
        },
        { timeout: 15_000 },
      )
      .toBe('complete');
    expect(existsSync(downloaded!.filename)).toBe(true);
    const exported = JSON.parse(readFileSync(downloaded!.filename, 'utf8')) as { clippings: unknown[] };
    const validate = compileClippingsSchema(repoRoot);
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    const stored = await readArchive(popup);
    expect(exported.clippings).toEqual(stored);
    expect(stored[0]).toMatchObject({
      tags: ['水务', '民生'],
      note: '核对漏损率目标',
      title: '云川市推进智慧水务建设 保障城乡供水安全',
    });
    await popup.close();

    // A fresh profile imports the file and shows the same clippings.
    const fresh = await launchExtension();
    try {
      const other = await fresh.openPopup();
      await other.locator('[data-testid=bz-empty]').waitFor();
      await other.locator('[data-testid=bz-import]').setInputFiles(downloaded!.filename);
      await expect
        .poll(() => other.locator('[data-testid=bz-notice]').getAttribute('data-kind'), { timeout: 15_000 })
        .toBe('imported');
      expect(await other.locator('[data-testid=bz-notice]').innerText()).toMatch(/1/);
      await expect.poll(() => other.locator('[data-testid=bz-row]').count()).toBe(1);
      expect(await readArchive(other)).toEqual(stored);
      // Every malformed file changes nothing and says why.
      const fixtures = resolve(repoRoot, 'tests/fixtures/import');
      const malformed = readdirSync(fixtures)
        .filter((f) => /^\d\d-/.test(f))
        .sort();
      expect(malformed.length).toBeGreaterThanOrEqual(12);
      const messages = new Set<string>();
      for (const name of malformed) {
        await other.locator('[data-testid=bz-notice] button').click();
        await expect.poll(() => other.locator('[data-testid=bz-notice]').count()).toBe(0);
        await other.locator('[data-testid=bz-import]').setInputFiles(resolve(fixtures, name));
        await expect
          .poll(() => other.locator('[data-testid=bz-notice]').getAttribute('data-kind'), { message: name })
          .toBe('import-failed');
        messages.add(await other.locator('[data-testid=bz-notice]').innerText());
        expect(await readArchive(other), name).toEqual(stored);
      }
      expect(messages.size).toBe(malformed.length);
      expect([...messages].join('\n')).toContain('image src must be http(s)');
    } finally {
      await fresh.close();
    }
  });

  it('tells a mirror in the other script that its story is saved, and lists both copies in the reader', async () => {
    const mirrorUrl = h.server.url(MIRROR_PATH, MIRROR_HOST);
    h.server.route(MIRROR_PATH, mirrorPage(mirrorUrl));
    const page = await h.context.newPage();
    await page.goto(mirrorUrl);
    const bar = toolbarOf(page);
    const note = await bar.waitFor('[data-testid=bz-saved-from]', 20_000);
    expect(note.text).toBe('已从 people.com.cn 收藏过这篇报道');
    // This page itself is not saved: its own button still offers to save it.
    expect(await bar.attr(SAVE, 'data-state')).toBe('idle');
    // Nothing of the archive reaches the page: not its DOM, and hit-testing passes through the note.
    const probe = await page.evaluate(
      ({ x, y }) => ({
        html: document.documentElement.outerHTML.includes('people.com.cn'),
        hit: document.elementFromPoint(x, y)?.tagName.toLowerCase() ?? '',
      }),
      { x: note.box.x + note.box.width / 2, y: note.box.y + note.box.height / 2 },
    );
    expect(probe).toEqual({ html: false, hit: expect.not.stringMatching(/baozhai/) });
    await page.screenshot({ path: shot('toolbar-saved-from') });
    await bar.click(SAVE);
    await expect.poll(() => bar.attr(SAVE, 'data-state'), { timeout: 15_000 }).toBe('saved');
    await page.close();

    const popup = await h.openPopup();
    const rows = popup.locator('[data-testid=bz-row]');
    await expect.poll(() => rows.count()).toBe(2);
    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      rows.first().locator('[data-testid=bz-open]').click(),
    ]);
    const copies = reader.locator('[data-testid=bz-also-item]');
    await expect.poll(() => copies.count()).toBe(2);
    expect(await copies.allInnerTexts()).toEqual([
      expect.stringMatching(/^示范日报网\s*2026-03-15\s*原发/),
      expect.stringMatching(/^河北新聞網\s*2026-03-16\s*本篇/),
    ]);
    // The original's name links to its own reader page.
    await copies.first().locator('a.bz-also-site').click();
    await expect
      .poll(() => reader.locator('[data-testid=bz-reader-title]').innerText())
      .toBe('云川市推进智慧水务建设 保障城乡供水安全');
    await reader.screenshot({ path: shot('reader-also-light-zh_CN') });
    await reader.emulateMedia({ colorScheme: 'dark' });
    await reader.screenshot({ path: shot('reader-also-dark-zh_CN') });
    await reader.close();
    await popup.close();
  });

  it('keeps one clipping per article when 20 tabs save the same and different articles at once', async () => {
    const popup = await h.openPopup();
    const before = await readArchive(popup);
    // The popup stays open with a search typed: it must pick up the saves made in the other tabs.
    await popup.locator('[data-testid=bz-search]').fill('片區');
    await expect.poll(() => popup.locator('[data-testid=bz-list]').getAttribute('data-query')).toBe('片區');
    expect(await popup.locator('[data-testid=bz-row]').count()).toBe(0);
    const pages = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const page = await h.context.newPage();
        // Four tabs per article, reached through different URLs (tracking parameters).
        await page.goto(h.server.url(`/n1/2026/0315/c1001-4010010${(i % 5) + 1}.html?from=tab${i}`));
        await toolbarOf(page).waitFor(SAVE, 30_000);
        return page;
      }),
    );
    await Promise.all(pages.map((page) => toolbarOf(page).click(SAVE)));
    for (const page of pages) {
      await expect.poll(() => toolbarOf(page).attr(SAVE, 'data-state'), { timeout: 20_000 }).toBe('saved');
    }
    const after = await readArchive(popup);
    expect(after).toHaveLength(before.length + 5);
    const titles = after
      .map((c) => c.title as string)
      .filter((t) => t.includes('片区'))
      .sort();
    expect(titles).toEqual([1, 2, 3, 4, 5].map((n) => `云川市第${n}片区推进智慧水务建设 保障城乡供水安全`));
    expect(new Set(after.map((c) => c.canonicalUrl)).size).toBe(after.length);
    await expect.poll(() => popup.locator('[data-testid=bz-row]').count(), { timeout: 10_000 }).toBe(5);
    expect((await popup.locator('.bz-row-title').allInnerTexts()).every((t) => t.includes('片区'))).toBe(
      true,
    );
    await Promise.all(pages.map((p) => p.close()));
    await popup.close();
  });

  it('reports a quota error clearly and leaves the archive intact', async () => {
    const popup = await h.openPopup();
    const before = await readArchive(popup);
    // Simulate a full disk inside the background's IndexedDB: the second write of a save fails.
    await h.serviceWorker.evaluate(() => {
      const proto = IDBObjectStore.prototype as IDBObjectStore & { __realPut?: IDBObjectStore['put'] };
      proto.__realPut = proto.put;
      proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'searchIndex') throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return proto.__realPut!.apply(this, args);
      };
    });
    try {
      const page = await h.context.newPage();
      await page.goto(h.server.url(HOSTILE_PATH));
      const bar = toolbarOf(page);
      await bar.click(SAVE);
      await expect.poll(() => bar.attr(SAVE, 'data-state'), { timeout: 15_000 }).toBe('error');
      // The browser runs in Chinese (zh_CN): the localised quota message, not an English one.
      expect((await bar.read('[role=alert]'))?.text).toMatch(/存储空间已满/);
      await page.close();
    } finally {
      await h.serviceWorker.evaluate(() => {
        const proto = IDBObjectStore.prototype as IDBObjectStore & { __realPut?: IDBObjectStore['put'] };
        if (proto.__realPut) proto.put = proto.__realPut;
      });
    }
    expect(await readArchive(popup)).toEqual(before);
    await popup.close();
  });

  it('clips a hostile page and nothing from it runs in the popup or the reader', async () => {
    const page = await saveFromToolbar(h, HOSTILE_PATH);
    await page.close();
    const popup = await h.openPopup();
    await popup.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        ((window as unknown as { __csp: string[] }).__csp ??= []).push(e.violatedDirective),
      );
    });
    await popup.locator('[data-testid=bz-search]').fill('安全生產');
    await expect.poll(() => popup.locator('[data-testid=bz-row]').count()).toBe(1);
    const row = popup.locator('[data-testid=bz-row]').first();
    expect(await row.locator('.bz-row-title').textContent()).toBe(HOSTILE_TITLE);
    expect(
      await popup
        .locator(
          '[data-testid=bz-list] img, [data-testid=bz-list] script, [data-testid=bz-list] iframe, [data-testid=bz-list] svg',
        )
        .count(),
    ).toBe(0);

    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      row.locator('[data-testid=bz-open]').click(),
    ]);
    await reader.locator('[data-testid=bz-reader-title]').waitFor();
    expect(await reader.locator('[data-testid=bz-reader-title]').textContent()).toBe(HOSTILE_TITLE);
    const inspected = await reader.evaluate(() => {
      const body = document.querySelector('[data-testid=bz-reader]')!;
      return {
        tags: [...new Set([...body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort(),
        imgs: [...body.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        links: [...body.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        handlers: [...body.querySelectorAll('*')].flatMap((e) =>
          [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
        ),
        text: body.textContent ?? '',
        pageScript: (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan ?? false,
      };
    });
    expect(
      inspected.tags.filter((t) => ['script', 'iframe', 'svg', 'object', 'embed', 'b'].includes(t)),
    ).toEqual([]);
    expect(inspected.imgs.every((src) => src !== null && /^https?:/.test(src))).toBe(true);
    expect(inspected.links.every((href) => href !== null && /^https?:/.test(href))).toBe(true);
    expect(inspected.handlers).toEqual([]);
    expect(inspected.text).toContain('<script>alert(9)</script>');
    expect(inspected.pageScript).toBe(false);
    await reader.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await popup.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    await reader.close();
    await popup.close();
  });
});
