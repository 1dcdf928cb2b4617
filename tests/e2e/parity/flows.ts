// The user's main flows, written once and run in Chromium and Firefox: each returns plain data,
// and both suites compare it with the same expected outcome.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConvertFn } from '../../../lib/convert/index';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pollUntil, readStoredClippings, toolbarState, type BrowserDriver, type PageDriver } from './driver';
import { storyFile } from '../archive-files';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const pagesDir = resolve(repoRoot, 'tests/e2e/pages');

export const ARTICLE_PATH = '/n1/2026/1120/c1001-40000001.html';
export const NEWS_PATH = '/n1/2026/0315/c1001-40100001.html';
export const HOSTILE_PATH = '/n1/2026/0316/c1001-40100666.html';
export const TOGGLE_PATH = '/n1/2026/1120/c1001-40000201.html';
export const NEWS_TITLE = '云川市推进智慧水务建设 保障城乡供水安全';
export const HOSTILE_TITLE =
  '<img src=x onerror=alert(1)>全省安全生产工作会议召开</h1><script>alert(3)</script>';

/** Invented sentences for the toggle page (never corpus text). */
const SENTENCES = [
  '记者从市政府新闻发布会上获悉，今年前三季度全市经济运行总体平稳。',
  '会议强调，要着力推进高质量发展，统筹发展和安全。',
  '相关负责人表示，将进一步优化营商环境，支持民营企业发展壮大。',
  '据介绍，新建的数据中心已经投入使用，软件和信息服务业收入稳步增长。',
  '学校后面的公园里，一只猫正在晒太阳，孩子们在草地上游戏。',
];

/** A 10,000-character news page of invented text, with a title attribute and a code sample. */
export function renderTogglePage(): string {
  const paragraphs: string[] = [];
  for (let i = 0, total = 0; total < 10_000; i++) {
    const p = SENTENCES.slice(i % 5).join('') + SENTENCES.slice(0, i % 5).join('');
    paragraphs.push(`<p>${p}</p>`);
    total += p.length;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>着力推进高质量发展 经济运行总体平稳</title></head>
<body><div class="rm_txt" id="article"><h1 title="发展新闻">着力推进高质量发展 经济运行总体平稳</h1>
<div class="col-1-1">2026年11月20日 08:15 | 来源：人民网－人民日报</div>
<div class="rm_txt_con">${paragraphs.join('\n')}<p><code>var 数据 = "不转换";</code></p></div>
<div class="edit">（责编：王小明、李华）</div></div></body></html>`;
}

/** Serve every page the flows use. */
export function routePages(d: BrowserDriver): void {
  d.server.route(ARTICLE_PATH, readFileSync(resolve(repoRoot, 'assets/demo/article.html'), 'utf8'));
  d.server.route(NEWS_PATH, readFileSync(resolve(pagesDir, 'archive-news.html'), 'utf8'));
  d.server.route(HOSTILE_PATH, readFileSync(resolve(pagesDir, 'archive-hostile.html'), 'utf8'));
  d.server.route(TOGGLE_PATH, renderTogglePage());
}

async function waitForToolbar(page: PageDriver): Promise<void> {
  await pollUntil(
    () => toolbarState(page, 'bz-toolbar', 'data-detection'),
    (s) => s.exists && s.attribute !== 'pending',
    'the toolbar and its detection',
  );
}

/** Toolbar on a covered article and on an index page: where it mounts, what the badge says. */
export async function flowToolbar(d: BrowserDriver) {
  const page = await d.openPage(d.server.url(ARTICLE_PATH));
  await waitForToolbar(page);
  const mounted = await page.evaluate(() => {
    const host = document.querySelector('baozhai-toolbar');
    return {
      host: host !== null,
      leaksIntoPage: document.querySelector('[data-testid]') !== null,
      // Closed: page script cannot reach the toolbar's controls.
      openToPage: host?.shadowRoot != null,
    };
  });
  const detection = (await toolbarState(page, 'bz-toolbar', 'data-detection')).attribute;
  const badge = await toolbarState(page, 'bz-badge');
  const reasons = (await page.readToolbar('[data-testid=bz-reasons] li')).count;
  await page.close();
  const index = await d.openPage(d.server.url('/index-page.html'));
  await waitForToolbar(index);
  const indexDetection = (await toolbarState(index, 'bz-toolbar', 'data-detection')).attribute;
  // A page that is not an article gets no verdict of its own: at most the neutral "page" badge whose
  // tooltip says why it was not taken for an article.
  const badgeOnIndex = await toolbarState(index, 'bz-badge', 'class');
  const indexBadge = badgeOnIndex.exists ? badgeOnIndex.attribute : 'none';
  await index.close();
  return {
    ...mounted,
    detection,
    badge: badge.text.slice(0, 4),
    hasReasons: reasons > 0,
    indexDetection,
    indexBadge,
  };
}

/** Toggle a 10,000-character page to traditional and back; the restore must be exact. */
export async function flowToggle(d: BrowserDriver, toHant: ConvertFn) {
  const page = await d.openPage(d.server.url(TOGGLE_PATH));
  await waitForToolbar(page);
  const read = () =>
    page.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.lang,
      html: document.querySelector('#article')!.innerHTML,
      h1: document.querySelector('h1')!.textContent ?? '',
      h1Title: document.querySelector('h1')!.getAttribute('title'),
      firstP: document.querySelector('.rm_txt_con p')!.textContent ?? '',
    }));
  const before = await read();
  await page.evaluate(() => {
    const w = window as unknown as { bzProbe: { click: number; firstChange: number; done: number } };
    w.bzProbe = { click: 0, firstChange: 0, done: 0 };
    new MutationObserver(() => {
      if (!w.bzProbe.firstChange && w.bzProbe.click) w.bzProbe.firstChange = performance.now();
    }).observe(document.querySelector('#article')!, { characterData: true, subtree: true, childList: true });
    window.addEventListener('click', () => (w.bzProbe.click = performance.now()), true);
  });
  await page.clickToolbar('bz-toggle');
  const expectedLast = toHant(before.firstP);
  const converted = await pollUntil(
    read,
    (s) => s.firstP === expectedLast && s.title !== before.title,
    'conversion',
  );
  const timing = await page.evaluate(() => {
    const p = (window as unknown as { bzProbe: { click: number; firstChange: number } }).bzProbe;
    return Math.round(p.firstChange - p.click);
  });
  const state = (await toolbarState(page, 'bz-toggle', 'data-state')).attribute;
  await page.clickToolbar('bz-toggle');
  // The restore is sliced like the conversion: wait for the whole page, not only its first line;
  // a restore that never becomes exact is read as it stands and fails the comparison below.
  const exact = (s: typeof before) => JSON.stringify(s) === JSON.stringify(before);
  const restored = await pollUntil(read, exact, 'exact restore', 10_000).catch(() => read());
  await page.close();
  return {
    outcome: {
      convertedTitle: converted.title === toHant(before.title),
      convertedH1: converted.h1 === toHant(before.h1),
      convertedAttribute: converted.h1Title === toHant(before.h1Title ?? ''),
      codeUntouched: converted.html.includes('var 数据 = "不转换";'),
      langAfter: converted.lang,
      stateAfter: state,
      restoredExactly: JSON.stringify(restored) === JSON.stringify(before),
    },
    firstChangeMs: timing,
  };
}

/** Save from the toolbar, see it saved after a reload, list it in the popup, read it in the reader. */
export async function flowSaveListRead(d: BrowserDriver) {
  const page = await d.openPage(d.server.url(NEWS_PATH));
  await waitForToolbar(page);
  await page.clickToolbar('bz-save');
  const saved = await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'saved' || s.attribute === 'error',
    'the save',
  );
  await page.reload();
  const afterReload = await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'saved',
    'the saved state after reload',
  );
  await page.close();

  const popup = await d.openExtensionPage('popup.html');
  const rows = await pollUntil(
    () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('[data-testid=bz-row]')].map((r) => r.getAttribute('data-id')),
      ),
    (ids) => ids.length === 1,
    'one row in the popup',
  );
  const row = await popup.evaluate(() => ({
    title: document.querySelector('.bz-row-title')?.textContent ?? '',
    script: document.querySelector('[data-testid=bz-row] [data-script]')?.getAttribute('data-script') ?? null,
  }));
  await popup.fill('[data-testid=bz-search]', '智慧水務');
  const found = await pollUntil(
    () =>
      popup.evaluate(() => ({
        query: document.querySelector('[data-testid=bz-list]')?.getAttribute('data-query') ?? null,
        mark: document.querySelector('mark')?.textContent ?? null,
      })),
    (s) => s.query === '智慧水務' && s.mark !== null,
    'the cross-script search',
  );
  await popup.close();

  const reader = await d.openExtensionPage(`reader.html?id=${rows[0]}`);
  const readTitle = () =>
    reader.evaluate(() => document.querySelector('[data-testid=bz-reader-title]')?.textContent ?? '');
  const shown = await pollUntil(readTitle, (t) => t !== '', 'the reader title');
  const readLang = () => reader.evaluate(() => document.documentElement.lang);
  // The page sets lang right after it renders the clipping.
  const langBefore = await pollUntil(readLang, (l) => /^zh-Han[st]$/.test(l), 'the text language');
  // The first serif CJK face of the reader's stack is installed and used for the body text.
  const serif = await reader.evaluate(() => ({
    available: document.fonts.check('18px "Noto Serif CJK SC"', '中'),
    first: getComputedStyle(document.querySelector('[data-testid=bz-reader-body] p')!).fontFamily.includes(
      'Noto Serif CJK SC',
    ),
  }));
  await reader.click('[data-testid=bz-reader-toggle]');
  const converted = await pollUntil(readTitle, (t) => t !== shown, 'the reader conversion');
  const langConverted = await pollUntil(readLang, (l) => l !== langBefore, 'the converted language');
  await reader.click('[data-testid=bz-reader-toggle]');
  const back = await pollUntil(readTitle, (t) => t === shown, 'the reader restore');
  await reader.close();
  return {
    outcome: {
      saveState: saved.attribute,
      savedAfterReload: afterReload.attribute,
      rows: rows.length,
      rowTitle: row.title,
      rowScript: row.script,
      searchMark: found.mark,
      readerTitle: shown,
      readerConverted: converted,
      readerBack: back,
      langBefore,
      langConverted,
      serif,
    },
    id: rows[0]!,
  };
}

/** Every clipping in the archive, read with raw IndexedDB from an extension page. */
export function readArchive(page: PageDriver): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(readStoredClippings);
}

/** Export through the downloads API, then import the file into a fresh profile. */
export async function flowExportImport(d: BrowserDriver) {
  const popup = await d.openExtensionPage('popup.html');
  await pollUntil(
    () => popup.evaluate(() => document.querySelectorAll('[data-testid=bz-row]').length),
    (n) => n > 0,
    'rows',
  );
  const stored = await readArchive(popup);
  await popup.click('[data-testid=bz-export-all]');
  const kind = await pollUntil(
    () =>
      popup.evaluate(
        () => document.querySelector('[data-testid=bz-notice]')?.getAttribute('data-kind') ?? null,
      ),
    (k) => k === 'exported' || k === 'error',
    'the export notice',
  );
  const file = await pollUntil(
    () =>
      popup.evaluate(async () => {
        type Api = {
          downloads: { search: (q: object) => Promise<Array<{ filename: string; state: string }>> };
        };
        // Firefox's promise-based API is `browser`; Chromium's `chrome` returns promises too.
        const scope = globalThis as unknown as { browser?: Api; chrome: Api };
        const api = scope.browser ?? scope.chrome;
        const [latest] = await api.downloads.search({ orderBy: ['-startTime'] });
        return latest ? { filename: latest.filename, state: latest.state } : null;
      }),
    (f) => f?.state === 'complete',
    'the download',
  );
  await popup.close();
  const exported = JSON.parse(readFileSync(file!.filename, 'utf8')) as { clippings: unknown[] };

  const fresh = await d.freshProfile();
  try {
    const other = await fresh.openExtensionPage('popup.html');
    await pollUntil(
      () => other.evaluate(() => document.querySelector('[data-testid=bz-empty]') !== null),
      (empty) => empty,
      'the empty popup',
    );
    await other.upload('[data-testid=bz-import]', file!.filename);
    const imported = await pollUntil(
      () =>
        other.evaluate(() => ({
          kind: document.querySelector('[data-testid=bz-notice]')?.getAttribute('data-kind') ?? null,
          rows: document.querySelectorAll('[data-testid=bz-row]').length,
        })),
      (s) => (s.kind === 'imported' && s.rows > 0) || s.kind === 'import-failed',
      'the import',
    );
    const reimported = await readArchive(other);
    // The same file again: every clipping is skipped, and the notice names them by title.
    await other.click('[data-testid=bz-notice] button');
    await other.upload('[data-testid=bz-import]', file!.filename);
    const again = await pollUntil(
      () =>
        other.evaluate(() => ({
          kind: document.querySelector('[data-testid=bz-notice]')?.getAttribute('data-kind') ?? null,
          text: document.querySelector('[data-testid=bz-notice]')?.textContent ?? '',
        })),
      (s) => s.kind === 'imported',
      'the second import',
    );
    const firstId = String(stored[0]?.id);
    await other.close();
    return {
      exportNotice: kind,
      exportedEqualsStored: JSON.stringify(exported.clippings) === JSON.stringify(stored),
      importNotice: imported.kind,
      importedRows: imported.rows,
      importedEqualsStored: JSON.stringify(reimported) === JSON.stringify(stored),
      reimportNamesTitle: again.text.includes(String(stored[0]?.title)) && !again.text.includes(firstId),
    };
  } finally {
    await fresh.close();
  }
}

/** Clip a hostile page: its title stays text, nothing of it runs or renders as markup. */
export async function flowHostile(d: BrowserDriver) {
  const page = await d.openPage(d.server.url(HOSTILE_PATH));
  await waitForToolbar(page);
  await page.clickToolbar('bz-save');
  await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'saved' || s.attribute === 'error',
    'the hostile save',
  );
  await page.close();
  const popup = await d.openExtensionPage('popup.html');
  await popup.fill('[data-testid=bz-search]', '安全生產');
  const rowTitles = await pollUntil(
    () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('[data-testid=bz-row]')].map((r) => ({
          id: r.getAttribute('data-id') ?? '',
          title: r.querySelector('.bz-row-title')?.textContent ?? '',
        })),
      ),
    (rows) => rows.length === 1,
    'the hostile row',
  );
  const listMarkup = await popup.evaluate(
    () => document.querySelectorAll('[data-testid=bz-list] :is(img, script, iframe, svg)').length,
  );
  await popup.close();
  const reader = await d.openExtensionPage(`reader.html?id=${rowTitles[0]!.id}`);
  await pollUntil(
    () => reader.evaluate(() => document.querySelector('[data-testid=bz-reader-title]') !== null),
    (ok) => ok,
    'the hostile reader',
  );
  const inspected = await reader.evaluate(() => {
    const body = document.querySelector('[data-testid=bz-reader]')!;
    const all = [...body.querySelectorAll('*')];
    return {
      title: document.querySelector('[data-testid=bz-reader-title]')?.textContent ?? '',
      dangerous: all.filter((e) => ['script', 'iframe', 'svg', 'object', 'embed'].includes(e.localName))
        .length,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on'))).length,
      unsafeLinks: [...body.querySelectorAll('a, img')].filter(
        (e) => !/^https?:/.test(e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
      ).length,
      scriptAsText: (body.textContent ?? '').includes('<script>alert(9)</script>'),
      pageScriptRan: (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan ?? false,
    };
  });
  await new Promise((r) => setTimeout(r, 500));
  await reader.close();
  return { rowTitle: rowTitles[0]!.title, listMarkup, ...inspected, extensionDialogs: d.extensionDialogs };
}

/** What every flow must give, in both browsers. */
/**
 * One story saved from two sites, imported into a fresh profile: the reader of the later copy lists
 * both (asked of the background worker), the original first; BZ_SHOTS gets its screenshot.
 */
export async function flowStoryCopies(d: BrowserDriver) {
  const fresh = await d.freshProfile();
  try {
    const popup = await fresh.openExtensionPage('popup.html');
    await popup.upload('[data-testid=bz-import]', storyFile(mkdtempSync(join(tmpdir(), 'bz-story-'))));
    await pollUntil(
      () =>
        popup.evaluate(() => document.querySelector('[data-testid=bz-notice]')?.getAttribute('data-kind')),
      (kind) => kind === 'imported' || kind === 'import-failed',
      'the import',
    );
    await popup.close();
    const reader = await fresh.openExtensionPage('reader.html?id=story-1');
    const copies = await pollUntil(
      () =>
        reader.evaluate(() =>
          [...document.querySelectorAll('[data-testid=bz-also-item]')].map((li) => ({
            id: li.getAttribute('data-id'),
            site: li.querySelector('.bz-also-site')?.textContent ?? '',
            original: li.querySelector('.bz-also-original') !== null,
          })),
        ),
      (items) => items.length === 2,
      'the copies in the reader',
    );
    if (process.env.BZ_SHOTS)
      await reader.screenshot(join(process.env.BZ_SHOTS, `reader-copies-${d.name}.png`));
    await reader.close();
    return { copies };
  } finally {
    await fresh.close();
  }
}

export const EXPECTED = {
  toolbar: {
    host: true,
    leaksIntoPage: false,
    openToPage: false,
    detection: 'gov-news',
    hasReasons: true,
    indexDetection: 'quiet',
    indexBadge: 'bz-badge bz-page',
  },
  toggle: {
    convertedTitle: true,
    convertedH1: true,
    convertedAttribute: true,
    codeUntouched: true,
    stateAfter: 'to-hant',
    restoredExactly: true,
  },
  saveListRead: {
    saveState: 'saved',
    savedAfterReload: 'saved',
    rows: 1,
    rowTitle: NEWS_TITLE,
    rowScript: 'hans',
    searchMark: '智慧水务',
    readerTitle: NEWS_TITLE,
    readerConverted: '雲川市推進智慧水務建設 保障城鄉供水安全',
    readerBack: NEWS_TITLE,
    langBefore: 'zh-Hans',
    langConverted: 'zh-Hant',
    serif: { available: true, first: true },
  },
  exportImport: {
    exportNotice: 'exported',
    exportedEqualsStored: true,
    importNotice: 'imported',
    importedRows: 1,
    importedEqualsStored: true,
    reimportNamesTitle: true,
  },
  hostile: {
    rowTitle: HOSTILE_TITLE,
    listMarkup: 0,
    title: HOSTILE_TITLE,
    dangerous: 0,
    handlers: 0,
    unsafeLinks: 0,
    scriptAsText: true,
    pageScriptRan: false,
    extensionDialogs: [],
  },
};

export const TRADITIONAL_PATH = '/n1/2026/1120/c1001-40000202.html';

/** The bound shortcuts, and what the toggle button says and promises on a 简 and on a 繁 page. */
export async function flowShortcutsAndLabels(d: BrowserDriver, toHant: ConvertFn) {
  d.server.route(TRADITIONAL_PATH, toHant(renderTogglePage()));
  const popup = await d.openExtensionPage('popup.html');
  const commands = await popup.evaluate(async () => {
    type Api = { commands: { getAll: () => Promise<Array<{ name?: string; shortcut?: string }>> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    const all = await (scope.browser ?? scope.chrome).commands.getAll();
    return Object.fromEntries(
      all.filter((c) => c.name !== '_execute_action').map((c) => [c.name, c.shortcut]),
    );
  });
  await popup.close();
  const labels: Record<string, { label: string; title: string | null }> = {};
  for (const [name, path] of [
    ['hans', TOGGLE_PATH],
    ['hant', TRADITIONAL_PATH],
  ] as const) {
    const page = await d.openPage(d.server.url(path));
    await waitForToolbar(page);
    const toggle = await pollUntil(
      () => toolbarState(page, 'bz-toggle', 'title'),
      (s) => s.attribute?.includes('Alt+Shift') === true,
      'the toggle title with its shortcut',
    );
    labels[name] = { label: toggle.text, title: toggle.attribute };
    await page.close();
  }
  return { commands, labels };
}

/** A page that is no article: the toolbar asks first, then saves it marked as a page. */
export async function flowNonArticle(d: BrowserDriver) {
  const page = await d.openPage(d.server.url('/index-page.html'));
  await waitForToolbar(page);
  await page.clickToolbar('bz-save');
  const asked = await pollUntil(
    () => toolbarState(page, 'bz-confirm'),
    (s) => s.exists,
    'the question',
  );
  await page.clickToolbar('bz-confirm-no');
  const cancelled = await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'idle',
    'the cancel',
  );
  await page.clickToolbar('bz-save');
  await pollUntil(
    () => toolbarState(page, 'bz-confirm'),
    (s) => s.exists,
    'the question again',
  );
  await page.clickToolbar('bz-confirm-yes');
  const saved = await pollUntil(
    () => toolbarState(page, 'bz-save', 'data-state'),
    (s) => s.attribute === 'saved' || s.attribute === 'error',
    'the save as a page',
  );
  await page.close();
  const popup = await d.openExtensionPage('popup.html');
  await pollUntil(
    () => popup.evaluate(() => document.querySelector('[data-testid=bz-as-page]') !== null),
    (ok) => ok,
    'the page mark in the list',
  );
  const record = (await readArchive(popup)).find((c) => String(c.url).includes('/index-page.html'));
  const row = await popup.evaluate(() => {
    const mark = document.querySelector('[data-testid=bz-as-page]')!;
    const li = mark.closest('[data-testid=bz-row]')!;
    const time = li.querySelector('time')!;
    return { saved: time.getAttribute('data-saved'), text: time.textContent ?? '' };
  });
  await popup.close();
  return {
    askedText: asked.text,
    afterCancel: cancelled.attribute,
    saveState: saved.attribute,
    recordAsPage: record?.asPage ?? null,
    rowDateSaved: row.saved,
    rowDateText: row.text,
  };
}

/** Collapse and hide the toolbar on a site; both are remembered and listed on the options page. */
export async function flowSiteChoices(d: BrowserDriver) {
  const page = await d.openPage(d.server.url(ARTICLE_PATH));
  await waitForToolbar(page);
  await page.clickToolbar('bz-collapse');
  await pollUntil(
    () => toolbarState(page, 'bz-expand'),
    (s) => s.exists,
    'the collapsed toolbar',
  );
  await page.reload();
  const collapsedAfterReload = await pollUntil(
    () => toolbarState(page, 'bz-expand'),
    (s) => s.exists,
    'the collapsed toolbar after reload',
  );
  const barWhileCollapsed = (await toolbarState(page, 'bz-toolbar')).exists;
  await page.clickToolbar('bz-expand');
  await pollUntil(
    () => toolbarState(page, 'bz-toolbar'),
    (s) => s.exists,
    'the expanded toolbar',
  );
  await page.clickToolbar('bz-settings');
  await page.clickToolbar('bz-hide-site');
  await pollUntil(
    () => toolbarState(page, 'bz-toolbar'),
    (s) => !s.exists,
    'the hidden toolbar',
  );
  await page.reload();
  // Give the content script time to have shown the toolbar, were it going to.
  await new Promise((r) => setTimeout(r, 1_500));
  const hiddenAfterReload = await page.evaluate(() => {
    const root = document.querySelector('baozhai-toolbar')?.shadowRoot;
    return !root?.querySelector('[data-testid=bz-toolbar], [data-testid=bz-expand]');
  });

  const options = await d.openExtensionPage('options.html');
  const listed = await pollUntil(
    () =>
      options.evaluate(() =>
        [...document.querySelectorAll('[data-testid=bz-site]')].map((row) => ({
          host: row.getAttribute('data-host'),
          toolbar: (row.querySelector('[data-testid=bz-site-toolbar]') as HTMLSelectElement).value,
        })),
      ),
    (rows) => rows.length > 0,
    'the site on the options page',
  );
  await options.click('[data-testid=bz-variant-hk]');
  const variant = await pollUntil(
    () =>
      options.evaluate(async () => {
        type Api = {
          storage: { local: { get: (k: string) => Promise<Record<string, { variant?: string }>> } };
        };
        const scope = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (scope.browser ?? scope.chrome).storage.local.get('convertPrefs')).convertPrefs
          ?.variant;
      }),
    (v) => v === 'hk',
    'the stored variant',
  );
  await options.click('[data-testid=bz-variant-twp]');
  await options.click('[data-testid=bz-forget]');
  await pollUntil(
    () => options.evaluate(() => document.querySelector('[data-testid=bz-no-sites]') !== null),
    (ok) => ok,
    'the forgotten site',
  );
  const shortcutKeys = await options.evaluate(() =>
    [...document.querySelectorAll('[data-testid=bz-shortcuts] kbd')].map((k) => k.textContent),
  );
  await options.close();
  await page.reload();
  const shownAgain = await pollUntil(
    () => toolbarState(page, 'bz-toolbar'),
    (s) => s.exists,
    'the toolbar after forgetting the site',
  );
  await page.close();
  return {
    collapsedAfterReload: collapsedAfterReload.exists,
    barWhileCollapsed,
    hiddenAfterReload,
    listed,
    variant,
    shortcutKeys,
    shownAgain: shownAgain.exists,
  };
}

/** What the newer flows must give, in both browsers (zh_CN UI). */
export const EXPECTED_MORE = {
  storyCopies: {
    copies: [
      { id: 'story-0', site: '示范日报网', original: true },
      { id: 'story-1', site: '鏡像新聞網', original: false },
    ],
  },
  shortcuts: {
    commands: { 'toggle-script': 'Alt+Shift+J', 'save-page': 'Alt+Shift+K' },
    labels: {
      hans: { label: '繁', title: '简繁转换（快捷键：Alt+Shift+J）' },
      hant: { label: '简', title: '简繁转换（快捷键：Alt+Shift+J）' },
    },
  },
  nonArticle: {
    askedText: '本页看起来不是文章。仍要作为网页收藏吗？作为网页收藏取消',
    afterCancel: 'idle',
    saveState: 'saved',
    recordAsPage: true,
    rowDateSaved: 'true',
  },
  siteChoices: {
    collapsedAfterReload: true,
    barWhileCollapsed: false,
    hiddenAfterReload: true,
    listed: [{ host: 'www.people.com.cn', toolbar: 'hidden' }],
    variant: 'hk',
    shortcutKeys: ['Alt+Shift+J', 'Alt+Shift+K'],
    shownAgain: true,
  },
};
