// 简/繁 toggle on live pages in real Chromium, through the toolbar button. Pages are generated here from
// invented sentences (never corpus text), modelled on a state-media article's markup.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { inventParagraphs, renderNewsPage } from '../convert/news-page';
import { launchExtension, repoRoot, toolbarOf, type Harness } from './harness';

declare global {
  interface Window {
    bzProbe: {
      click: number;
      firstChange: number;
      painted: number;
      /** Whether the first rewritten text sits in the viewport. */
      firstInView: boolean;
      /** The article's last paragraph as shown in the frame after the first change. */
      lastAtPaint: string;
      /** Mutation batches (one per task that wrote) and frames rendered between the first and last. */
      batches: number;
      framesBetween: number;
      longTasks: Array<{ start: number; duration: number }>;
    };
  }
}

async function readPageState(page: Page) {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[title],[alt],[placeholder],[aria-label]')]
      .filter((el) => el.tagName.toLowerCase() !== 'baozhai-toolbar')
      .map((el) => ['title', 'alt', 'placeholder', 'aria-label'].map((a) => el.getAttribute(a)).join('|'));
    const article = document.querySelector('#article') as HTMLElement;
    // Every converted run of text on its own: conversion works per text node, never across elements.
    const blocks = [...article.querySelectorAll('h1, .col-1-1, p, figcaption, .edit')]
      .filter((el) => !el.querySelector('code'))
      .map((el) => (el as HTMLElement).innerText);
    return {
      blocks,
      text: article.innerText,
      html: article.innerHTML,
      bodyText: document.body.innerText,
      title: document.title,
      lang: document.documentElement.getAttribute('lang'),
      attrs,
      inputValue: (document.querySelector('input') as HTMLInputElement).value,
    };
  });
}

async function openNewsPage(h: Harness, path: string, html: string): Promise<Page> {
  h.server.route(path, html);
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(h.server.url(path));
  await toolbarOf(page).waitFor('[data-testid=bz-toggle]');
  // Let detection and extraction finish, so only the conversion is measured.
  await expect
    .poll(() => toolbarOf(page).attr('[data-testid=bz-toolbar]', 'data-detection'), {
      timeout: 30_000,
    })
    .not.toBe('pending');
  await page.evaluate(() => {
    window.bzProbe = {
      click: 0,
      firstChange: 0,
      painted: 0,
      firstInView: false,
      lastAtPaint: '',
      batches: 0,
      framesBetween: 0,
      longTasks: [],
    };
    const probe = window.bzProbe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    // Frames rendered while the page is being rewritten: counted from the first change of a click on.
    let framesSinceFirst = 0;
    const countFrames = (): void => {
      framesSinceFirst++;
      requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    new MutationObserver((records) => {
      if (!probe.click) return;
      probe.batches++;
      probe.framesBetween = framesSinceFirst;
      if (probe.firstChange) return;
      probe.firstChange = performance.now();
      framesSinceFirst = 0;
      const target = records[0]?.target;
      const rect = (
        target?.nodeType === 1 ? (target as Element) : target?.parentElement
      )?.getBoundingClientRect();
      probe.firstInView = !!rect && rect.bottom > 0 && rect.top < innerHeight;
      requestAnimationFrame(() => {
        probe.painted = performance.now();
        probe.lastAtPaint = document.querySelector('.rm_txt_con p:nth-last-of-type(2)')?.textContent ?? '';
      });
    }).observe(document.querySelector('#article') as Node, {
      characterData: true,
      subtree: true,
      childList: true,
    });
    // The button lives in the toolbar's shadow root; the composed click reaches window first.
    window.addEventListener(
      'click',
      (event) => {
        Object.assign(probe, {
          click: event.timeStamp,
          firstChange: 0,
          painted: 0,
          batches: 0,
          framesBetween: 0,
        });
      },
      true,
    );
  });
  return page;
}

describe('简/繁 toggle in Chromium', () => {
  let h: Harness;
  let toHant: ConvertFn;
  const shots = resolve(repoRoot, 'test-results');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    toHant = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
    h = await launchExtension();
  });
  afterAll(async () => h?.close());

  it('on a 10,000-character page shows the viewport first, the rest after, and restores exactly', async () => {
    const paragraphs = inventParagraphs(10_000, 1);
    expect(paragraphs.join('').length).toBeGreaterThanOrEqual(10_000);
    const page = await openNewsPage(
      h,
      '/n1/2026/1120/c1001-40000101.html',
      renderNewsPage('着力推进高质量发展 经济运行总体平稳', paragraphs),
    );
    const before = await readPageState(page);
    await page.screenshot({ path: resolve(shots, 'convert-before.png') });

    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect
      .poll(() => page.evaluate(() => window.bzProbe.painted), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const converted = await readPageState(page);
    await expect
      .poll(async () => (await readPageState(page)).blocks, { timeout: 10_000 })
      .toEqual(before.blocks.map((b) => toHant(b)));
    const probe = await page.evaluate(() => window.bzProbe);
    await page.screenshot({ path: resolve(shots, 'convert-after.png') });
    process.stdout.write(
      `convert e2e: first change ${Math.round(probe.firstChange - probe.click)} ms, painted ${Math.round(probe.painted - probe.click)} ms after the click\n`,
    );
    // Timings are the bench's (toggle.first_visible_ms); here the order: the viewport changes in a
    // frame of its own, before the end of the article is rewritten.
    expect(probe.firstInView).toBe(true);
    expect(probe.lastAtPaint).toBe(paragraphs[paragraphs.length - 1]);

    const after = await readPageState(page);
    expect(after.title).toBe(toHant(before.title));
    expect(after.lang).toMatch(/^zh-(Hant|TW|HK)/);
    expect(after.attrs).toEqual(
      before.attrs.map((a) =>
        a
          .split('|')
          .map((v) => (v ? toHant(v) : v))
          .join('|'),
      ),
    );
    expect(after.inputValue).toBe(before.inputValue);
    expect(after.html).toContain('var 数据 = "不转换";');
    expect(after.bodyText).toContain('人民网版权所有，未经书面授权禁止使用');
    expect(converted.text).not.toBe(before.text);

    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect.poll(async () => (await readPageState(page)).text).toBe(before.text);
    expect(await readPageState(page)).toEqual(before);
    await page.close();
  });

  it('converts content the page inserts after the toggle, and restores it too', async () => {
    const page = await openNewsPage(
      h,
      '/n1/2026/1120/c1001-40000102.html',
      renderNewsPage('后续加载测试', inventParagraphs(2_000, 2)),
    );
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect.poll(() => page.evaluate(() => document.title)).toBe(toHant('后续加载测试'));
    const added = '评论区：网友认为这项政策很有针对性，希望尽快落实。';
    await page.evaluate((text) => {
      const box = document.createElement('div');
      box.id = 'late';
      box.title = '后来加载的评论';
      box.append(document.createElement('p'));
      (box.firstChild as HTMLElement).textContent = text;
      document.querySelector('.rm_txt_con')?.append(box);
    }, added);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#late')?.textContent))
      .toBe(toHant(added));
    expect(await page.evaluate(() => document.querySelector('#late')?.getAttribute('title'))).toBe(
      toHant('后来加载的评论'),
    );
    // A page that re-renders a node it already showed gets it converted again, from its new text.
    await page.evaluate(() => {
      const p = document.querySelector('#late p') as HTMLElement;
      p.textContent = '页面重新渲染了这段文字';
    });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#late p')?.textContent))
      .toBe(toHant('页面重新渲染了这段文字'));
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#late p')?.textContent))
      .toBe('页面重新渲染了这段文字');
    expect(await page.evaluate(() => document.querySelector('#late')?.getAttribute('title'))).toBe(
      '后来加载的评论',
    );
    await page.close();
  });

  it('converts a 300,000-character page in slices, with frames rendered in between', async () => {
    const paragraphs = inventParagraphs(300_000, 3);
    const page = await openNewsPage(
      h,
      '/n1/2026/1120/c1001-40000103.html',
      renderNewsPage('长篇文章测试', paragraphs),
    );
    const lastBefore = paragraphs[paragraphs.length - 1] ?? '';
    const lastShown = () =>
      page.evaluate(() => document.querySelector('.rm_txt_con p:nth-last-of-type(2)')?.textContent);
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect.poll(lastShown, { timeout: 60_000 }).toBe(toHant(lastBefore));
    const total = await page.evaluate(
      () => (document.querySelector('#article') as HTMLElement).innerText.length,
    );
    expect(total).toBeGreaterThan(300_000);
    const probe = await page.evaluate(() => window.bzProbe);
    // Long tasks are the bench's figure (toggle.longest_task_ms_2mb; a shared machine stretches any
    // task); here the behaviour behind it: the page is written in many tasks and keeps rendering.
    process.stdout.write(
      `convert e2e: 300k page in ${probe.batches} batches over ${probe.framesBetween} frames; long tasks ${JSON.stringify(probe.longTasks.filter((t) => t.start + t.duration >= probe.click))}\n`,
    );
    expect(probe.batches).toBeGreaterThan(3);
    expect(probe.framesBetween).toBeGreaterThan(2);
    await page.close();
  });

  it('on a page that keeps rewriting its own text, converts each rewrite and never ping-pongs', async () => {
    const page = await openNewsPage(
      h,
      '/n1/2026/1120/c1001-40000104.html',
      renderNewsPage('实时更新测试', inventParagraphs(2_000, 4)),
    );
    await page.evaluate(() => {
      const box = document.querySelector('.rm_txt_con') as HTMLElement;
      const ticker = document.createElement('p');
      ticker.id = 'ticker';
      const insisting = document.createElement('p');
      insisting.id = 'insisting';
      insisting.textContent = '页面坚持显示的简体原文';
      box.prepend(ticker, insisting);
      let n = 0;
      const w = window as unknown as { bzTicks: number; bzReverts: number; bzTimer: number };
      w.bzReverts = 0;
      w.bzTimer = window.setInterval(() => {
        ticker.textContent = `最新消息：第${++n}条更新`;
        w.bzTicks = n;
      }, 30);
      // A page that re-renders from its own state whenever its text is changed.
      new MutationObserver(() => {
        if (insisting.textContent !== '页面坚持显示的简体原文') {
          w.bzReverts++;
          insisting.textContent = '页面坚持显示的简体原文';
        }
      }).observe(insisting, { characterData: true, childList: true, subtree: true });
    });
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect.poll(() => page.evaluate(() => document.title)).toBe(toHant('实时更新测试'));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
    // Stopped first, so the last tick has been converted when it is read.
    await page.evaluate(() => clearInterval((window as unknown as { bzTimer: number }).bzTimer));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    const [ticks, shown] = await page.evaluate(() => [
      (window as unknown as { bzTicks: number }).bzTicks,
      document.querySelector('#ticker')?.textContent ?? '',
    ]);
    expect(ticks).toBeGreaterThan(5);
    expect(shown).toBe(toHant(`最新消息：第${ticks}条更新`));
    const reverts = await page.evaluate(() => (window as unknown as { bzReverts: number }).bzReverts);
    expect(reverts).toBeLessThanOrEqual(4);
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#ticker')?.textContent))
      .toMatch(/^最新消息：第\d+条更新$/);
    expect(await page.evaluate(() => document.querySelector('#insisting')?.textContent)).toBe(
      '页面坚持显示的简体原文',
    );
    await page.close();
  });
});
