import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, repoRoot, toolbarOf, type Harness } from './harness';
import { readStoredClippings } from './parity/driver';
import { exportFile, record, storyFile } from './archive-files';

// Extension pages have `chrome.*`; the tests call it inside page.evaluate.
declare const chrome: {
  downloads: { search: (q: object) => Promise<Array<{ filename: string; state: string; id: number }>> };
};

const pagesDir = resolve(repoRoot, 'tests/e2e/pages');
const NEWS_PATH = '/n1/2026/0315/c1001-40100001.html';
const HOSTILE = '<script>alert(1)</script>标题';

/** Six invented clippings: titles, sites and dates in different orders, one hostile title, one without a date. */
function seedFile(dir: string): string {
  const titles = ['乙 交通建设', '甲 水利工程', HOSTILE, '丁 乡村振兴', '丙 数字政府', '戊 生态保护'];
  const clippings = titles.map((title, i) => {
    // Format version 1 records have no people field.
    const { people: _none, ...version1 } = record(i, {
      id: `seed-${i}`,
      url: `https://www.example.gov.cn/seed/${i}.html`,
      canonicalUrl: `https://www.example.gov.cn/seed/${i}.html`,
      siteName: ['示范日报网', '云川市人民政府', '清河县融媒体中心'][i % 3],
      title,
      publishedAt: i === 4 ? '' : `2026-03-0${i + 1}T09:00:00+08:00`,
      blocks: [{ type: 'p', text: `第${i}篇的正文。` }],
    });
    return version1;
  });
  return exportFile(dir, 'seed', 1, clippings);
}

/** Screenshots for a person to look at, outside the repository (BZ_SHOTS, else the temp folder). */
const shot = (name: string) => join(process.env.BZ_SHOTS ?? tmpdir(), `${name}.png`);

/** Invented clippings naming one official in both scripts over two years, with the roles each gives. */
function peopleFile(dir: string): string {
  const appearances: Array<[string, string, string[], 'hans' | 'hant']> = [
    ['2025-11-20', '王东峰', ['省委副书记', '代省长'], 'hans'],
    ['2026-01-18', '王東峰', ['省委書記'], 'hant'],
    ['2026-03-02', '王东峰', ['省委书记', '省人大常委会主任'], 'hans'],
  ];
  const clippings = appearances.map(([day, name, roles, script], i) =>
    record(1440 + i, {
      id: `person-${i}`,
      url: `https://www.example.gov.cn/person/${i}.html`,
      canonicalUrl: `https://www.example.gov.cn/person/${i}.html`,
      siteName: script === 'hant' ? '示範新聞網' : '示范日报网',
      title: script === 'hant' ? `${name}出席全省工作會議` : `${name}出席全省工作会议（${i + 1}）`,
      publishedAt: `${day}T09:00:00+08:00`,
      people: [
        { name, roles, mentions: 2 },
        { name: i === 1 ? '許勤' : '许勤', roles: [i === 1 ? '省長' : '省长'], mentions: 1 },
      ],
      blocks: [{ type: 'p', text: `${roles.join('、')}${name}出席会议并讲话（第${i}次）。` }],
      script,
    }),
  );
  return exportFile(dir, 'people', 2, clippings);
}

/** Import a file on the archive page and wait for the report. */
async function importOn(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid=bz-import]').setInputFiles(file);
  await expect
    .poll(() => page.locator('[data-testid=bz-notice]').getAttribute('data-kind'), { timeout: 15_000 })
    .toBe('imported');
}

/** Every clipping in the archive, read with raw IndexedDB from an extension page. */
async function readArchive(
  page: Page,
): Promise<Array<{ id: string; tags: string[]; asPage?: true; title: string }>> {
  return (await page.evaluate(readStoredClippings)) as Array<{
    id: string;
    tags: string[];
    asPage?: true;
    title: string;
  }>;
}

/** Ids of the table rows in their order on screen. */
async function shownIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid=bz-table-row]').evaluateAll((rows) =>
    rows
      .map((row) => ({ id: row.getAttribute('data-id')!, top: parseFloat((row as HTMLElement).style.top) }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.id),
  );
}

/** The newest finished download's path. */
async function lastDownload(page: Page): Promise<string> {
  let path = '';
  await expect
    .poll(
      async () => {
        const [item] = await page.evaluate(() => chrome.downloads.search({ orderBy: ['-startTime'] }));
        path = item?.filename ?? '';
        return item?.state;
      },
      { timeout: 15_000 },
    )
    .toBe('complete');
  return path;
}

describe('archive page and popup save in real Chromium', () => {
  let h: Harness;
  const work = mkdtempSync(join(tmpdir(), 'baozhai-archive-page-'));

  beforeAll(async () => {
    h = await launchExtension({ downloadsPath: work });
    h.server.route(NEWS_PATH, readFileSync(resolve(pagesDir, 'archive-news.html'), 'utf8'));
  });
  afterAll(async () => h?.close());

  it('opens from the popup, sorts, selects by keyboard, tags in bulk, exports Markdown and HTML, deletes with undo', async () => {
    const popup = await h.openPopup();
    await popup.locator('[data-testid=bz-import]').setInputFiles(seedFile(work));
    await expect
      .poll(() => popup.locator('[data-testid=bz-notice]').getAttribute('data-kind'))
      .toBe('imported');
    const [page] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.locator('[data-testid=bz-open-archive]').click(),
    ]);
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/archive\.html$/);
    await expect.poll(() => shownIds(page)).toEqual([5, 4, 3, 2, 1, 0].map((i) => `seed-${i}`));
    // No publication date: 保存于 and the save date.
    expect(await page.locator('[data-id=seed-4] time').innerText()).toBe('保存于 2026-03-10');
    expect(await page.locator('[data-id=seed-2] .bz-row-title').textContent()).toBe(HOSTILE);
    expect(await page.locator('[data-testid=bz-table] script, [data-testid=bz-table] img').count()).toBe(0);

    // Sort by title (Chinese collation: the Latin-script title first), then the other way round.
    await page.locator('[data-testid=bz-sort-title]').click();
    const collator = new Intl.Collator('zh', { numeric: true });
    const byTitle = ['乙 交通建设', '甲 水利工程', HOSTILE, '丁 乡村振兴', '丙 数字政府', '戊 生态保护']
      .map((title, i) => ({ title, id: `seed-${i}` }))
      .sort((a, b) => collator.compare(a.title, b.title))
      .map((r) => r.id);
    await expect.poll(() => shownIds(page)).toEqual(byTitle);
    expect(await page.locator('[role=columnheader][aria-sort=ascending]').innerText()).toContain('标题');
    await page.locator('[data-testid=bz-sort-title]').click();
    await expect.poll(() => shownIds(page)).toEqual([...byTitle].reverse());
    await page.locator('[data-testid=bz-sort-date]').click();
    await expect
      .poll(() => shownIds(page))
      .toEqual(['seed-0', 'seed-1', 'seed-2', 'seed-3', 'seed-5', 'seed-4']);

    // Keyboard: first row, Space selects, Shift+Down extends by two.
    await page.locator('[data-testid=bz-table-body]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('[data-testid=bz-table-row][aria-selected=true]').count()).toBe(3);
    const chosen = ['seed-0', 'seed-1', 'seed-2'];

    // Bulk tag the selection.
    await page.locator('[data-testid=bz-bulk-tags]').fill('专题，水利');
    await page.locator('[data-testid=bz-bulk-add-tags]').click();
    await expect.poll(() => page.locator('[data-testid=bz-notice]').getAttribute('data-kind')).toBe('tagged');
    const tagged = await readArchive(page);
    expect(
      tagged
        .filter((c) => c.tags.join() === '专题,水利')
        .map((c) => c.id)
        .sort(),
    ).toEqual(chosen);
    await expect
      .poll(() => page.locator('[data-id=seed-1] .bz-tag').allInnerTexts())
      .toEqual(['专题', '水利']);

    // Export the selection as Markdown files in a zip.
    await page.locator('[data-testid=bz-export-format]').selectOption('markdown');
    await page.locator('[data-testid=bz-export-selected]').click();
    await expect
      .poll(() => page.locator('[data-testid=bz-notice]').getAttribute('data-kind'))
      .toBe('exported');
    expect(await page.locator('[data-testid=bz-notice]').innerText()).toMatch(
      /baozhai-clippings-\d{4}-\d\d-\d\d\.zip/,
    );
    const zip = await lastDownload(page);
    expect(spawnSync('unzip', ['-t', zip], { encoding: 'utf8' }).stdout).toContain('No errors detected');
    const names = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(names.sort()).toEqual([
      '2026-03-01 乙 交通建设.md',
      '2026-03-02 甲 水利工程.md',
      '2026-03-03 script alert(1) script 标题.md',
    ]);
    const markdown = spawnSync('unzip', ['-p', zip, names[0]!], { encoding: 'utf8' }).stdout;
    expect(markdown).toMatch(/^---\nid: "seed-0"\ntitle: "乙 交通建设"\n/);
    expect(markdown).toContain('tags:\n  - "专题"\n  - "水利"');

    // Export everything as one HTML page.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=bz-table-body]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=bz-table-row][aria-selected=true]').count()).toBe(0);
    await page.locator('[data-testid=bz-export-format]').selectOption('html');
    await page.locator('[data-testid=bz-export-all]').click();
    await expect
      .poll(async () => (await page.locator('[data-testid=bz-notice]').innerText()).includes('.html'))
      .toBe(true);
    const html = readFileSync(await lastDownload(page), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;标题');
    expect(html).not.toContain('<script');
    expect(html.match(/<article /g)).toHaveLength(6);

    // Enter opens the active row in the reader.
    await page.locator('[data-testid=bz-table-body]').focus();
    await page.keyboard.press('Home');
    const [reader] = await Promise.all([h.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await reader.waitForLoadState();
    expect(reader.url()).toContain('/reader.html?id=seed-0');
    await reader.close();

    // Delete two with the keyboard: a question first, then undo brings them back.
    await page.locator('[data-testid=bz-table-body]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await page.locator('[data-testid=bz-confirm-delete-yes]').click();
    await expect.poll(() => page.locator('[data-testid=bz-table-row]').count()).toBe(4);
    expect((await readArchive(page)).map((c) => c.id).sort()).toEqual([
      'seed-2',
      'seed-3',
      'seed-4',
      'seed-5',
    ]);
    await page.locator('[data-testid=bz-undo]').click();
    await expect.poll(() => page.locator('[data-testid=bz-table-row]').count()).toBe(6);

    // A change made in the popup reaches the open archive page.
    await popup.locator('[data-testid=bz-notice] button').click();
    await popup.locator('[data-testid=bz-row][data-id=seed-5] [data-testid=bz-delete]').click();
    await expect.poll(() => page.locator('[data-testid=bz-table-row]').count()).toBe(5);
    await popup.close();
    await page.close();
  });

  it('saves the current tab from the popup, and asks first when the page is not an article', async () => {
    const popup = await h.openPopup();
    const news = await h.context.newPage();
    await news.goto(h.server.url(NEWS_PATH));
    await toolbarOf(news).waitFor('[data-testid=bz-save]', 20_000);
    await news.bringToFront();
    const save = popup.locator('[data-testid=bz-save-page]');
    await save.click();
    await expect.poll(() => save.getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    await expect
      .poll(() => popup.locator('[data-testid=bz-row]').first().innerText())
      .toContain('云川市推进智慧水务建设');
    // The toolbar on the page learns it is saved.
    await expect.poll(() => toolbarOf(news).attr('[data-testid=bz-save]', 'data-state')).toBe('saved');

    // A list page is no article: nothing is saved until the reader says so.
    const index = await h.context.newPage();
    await index.goto(h.server.url('/index-page.html'));
    await index.waitForLoadState();
    await index.bringToFront();
    const beforeIds = new Set((await readArchive(popup)).map((c) => c.id));
    const before = beforeIds.size;
    await popup.reload();
    await popup.locator('[data-testid=bz-save-page]').click();
    await popup.locator('[data-testid=bz-save-ask]').waitFor({ timeout: 15_000 });
    expect(await readArchive(popup)).toHaveLength(before);
    await popup.locator('[data-testid=bz-save-as-page]').click();
    await expect
      .poll(() => popup.locator('[data-testid=bz-save-page]').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('saved');
    const stored = await readArchive(popup);
    expect(stored).toHaveLength(before + 1);
    const page = stored.find((c) => !beforeIds.has(c.id));
    expect(page, JSON.stringify(stored.map((c) => c.title))).toMatchObject({ asPage: true });
    await expect.poll(() => popup.locator('[data-testid=bz-as-page]').count()).toBe(1);
    await Promise.all([news.close(), index.close(), popup.close()]);
  });

  it('filters by a person named in either script and draws their appearances as a timeline', async () => {
    const file = peopleFile(work);
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/archive.html`);
    await importOn(page, file);
    const facet = page.locator('[data-testid=bz-person-filter]');
    // 王东峰 and 王東峰 are one person, named in three clippings.
    await expect.poll(() => facet.locator('option[value="王东峰"]').innerText()).toBe('王东峰（3）');
    await facet.selectOption('王东峰');
    await expect.poll(() => shownIds(page)).toEqual(['person-2', 'person-1', 'person-0']);
    const items = page.locator('[data-testid=bz-person-item]');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-id')))).toEqual([
      'person-0',
      'person-1',
      'person-2',
    ]);
    expect(await page.locator('.bz-person-head h2').innerText()).toBe('王东峰 / 王東峰');
    expect(await items.nth(1).locator('.bz-role').allInnerTexts()).toEqual(['省委書記']);
    expect(await page.locator('.bz-tl-year').allInnerTexts()).toEqual(['2025', '2026']);
    await page.screenshot({ path: shot('person-timeline-light-zh_CN') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: shot('person-timeline-dark-zh_CN') });
    // The headline opens that appearance in the reader.
    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      items.nth(1).locator('button').click(),
    ]);
    await expect.poll(() => reader.url()).toContain('/reader.html?id=person-1');
    await reader.close();
    await page.locator('[data-testid=bz-person-close]').click();
    await expect.poll(() => page.locator('[data-testid=bz-person]').count()).toBe(0);
    await page.close();

    // The popup has the same facet.
    const popup = await h.openPopup();
    await popup.locator('[data-testid=bz-person-filter]').selectOption('许勤');
    await expect.poll(() => popup.locator('[data-testid=bz-row]').count()).toBe(3);
    await popup.close();

    // In English, light and dark: the person view and the reader.
    const en = await launchExtension({ uiLocale: 'en' });
    try {
      const archive = await en.context.newPage();
      await archive.goto(`chrome-extension://${en.extensionId}/archive.html`);
      await importOn(archive, file);
      await archive.goto(
        `chrome-extension://${en.extensionId}/archive.html?person=${encodeURIComponent('王东峰')}`,
      );
      await expect
        .poll(() => archive.locator('[data-testid=bz-person-count]').innerText())
        .toBe('3 saved appearances');
      await archive.screenshot({ path: shot('person-timeline-light-en') });
      await archive.emulateMedia({ colorScheme: 'dark' });
      await archive.screenshot({ path: shot('person-timeline-dark-en') });
      const reader = await en.context.newPage();
      await reader.goto(`chrome-extension://${en.extensionId}/reader.html?id=person-2`);
      await reader.locator('[data-testid=bz-cite-gbt7714]').waitFor();
      await reader.screenshot({ path: shot('reader-light-en') });
      await reader.emulateMedia({ colorScheme: 'dark' });
      await reader.screenshot({ path: shot('reader-dark-en') });
    } finally {
      await en.close();
    }
  });

  it('shows the active row\'s "also published by" and copies its citation, by keyboard', async () => {
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/archive.html`);
    await importOn(page, storyFile(work));
    await page.locator('[data-testid=bz-search]').fill('春季农业生产');
    await expect.poll(() => shownIds(page)).toEqual(['story-1', 'story-0']);
    const details = page.locator('[data-testid=bz-row-details]');
    // The first row is active: its story's two copies, the earlier one marked as the original.
    await expect.poll(() => details.getAttribute('data-id')).toBe('story-1');
    const copies = details.locator('[data-testid=bz-also-item]');
    await expect.poll(() => copies.count()).toBe(2);
    expect(await copies.evaluateAll((li) => li.map((x) => x.getAttribute('data-id')))).toEqual([
      'story-0',
      'story-1',
    ]);
    expect(await copies.first().innerText()).toContain('原发');
    // Arrow down makes the other copy active; Shift+Tab leaves the grid for its controls.
    await page.locator('[data-testid=bz-table-body]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => details.getAttribute('data-id')).toBe('story-0');
    // The newly active row's story is read too: the same two copies.
    await expect.poll(() => copies.count()).toBe(2);
    let focused = '';
    for (let k = 0; k < 12 && focused !== 'bz-cite-gbt7714'; k++) {
      await page.keyboard.press('Shift+Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(focused).toBe('bz-cite-gbt7714');
    await page.keyboard.press('Enter');
    await expect.poll(() => details.locator('[data-testid=bz-cite-copied]').innerText()).not.toBe('');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toBe(
      '记者甲. 春季农业生产工作会议召开[EB/OL]. (2026-03-05)[2026-03-12]. https://www.example.gov.cn/story/0.html.',
    );
    await page.screenshot({ path: shot('archive-page-also-published-light-zh_CN') });
    await page.close();
  });

  it('draws the first screen from the snapshot of the last view while the archive opens, then the rows it holds', async () => {
    const live = await h.context.newPage();
    await live.goto(`chrome-extension://${h.extensionId}/archive.html`);
    await importOn(live, seedFile(work));
    await live.locator('[data-testid=bz-table-row] .bz-row-title').first().waitFor();
    const titles = await live.locator('[data-testid=bz-table-row] .bz-row-title').allTextContents();
    await live.close();
    // A snapshot left by a view that saw a clipping deleted since, and a note of the first rows drawn.
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      const ghost = {
        id: 'ghost',
        title: '已删除的剪报',
        siteName: '示范日报网',
        publishedAt: '2026-03-09T09:00:00+08:00',
        savedAt: Date.UTC(2026, 2, 20),
        script: 'hans',
        tags: [],
        note: '',
      };
      localStorage.setItem('baozhai.archive.list-snapshot.v1', JSON.stringify({ version: 1, rows: [ghost] }));
      // Whether the first rows had painted when the page started opening the database.
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        document.documentElement.dataset.paintedAtOpen ??= String(
          performance.getEntriesByName('bz-archive-first-render').length > 0,
        );
        return open.apply(this, args);
      };
      new MutationObserver((_, observer) => {
        const rows = document.querySelectorAll('[data-testid=bz-table-row] .bz-row-title');
        if (rows.length === 0) return;
        document.documentElement.dataset.firstRows = [...rows].map((r) => r.textContent).join('\n');
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(`chrome-extension://${h.extensionId}/archive.html`);
    await expect
      .poll(() => page.locator('[data-testid=bz-table-row] .bz-row-title').allTextContents())
      .toEqual(titles);
    expect(await page.evaluate(() => document.documentElement.dataset.firstRows)).toBe('已删除的剪报');
    // The database opens while the snapshot paints, not after: its first reads find it open.
    expect(await page.evaluate(() => document.documentElement.dataset.paintedAtOpen)).toBe('false');
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('bz-archive-hydrated').length))
      .toBe(1);
    await page.close();
  });
});
