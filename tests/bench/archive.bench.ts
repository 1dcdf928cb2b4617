// Archive benchmark in real Chromium: a generated archive of 10,000 invented clippings (~5,000
// characters each, mixed scripts) is imported through the popup, then render, search, save and
// export are measured inside the extension. Prints one JSON line per figure.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article } from '../../lib/article/record';
import type { Clipping } from '../../lib/archive/types';
import { launchExtension, repoRoot } from '../e2e/harness';
import { toolbarOf } from '../../lib/cli/toolbar';

const COUNT = Number(process.env.BAOZHAI_BENCH_CLIPPINGS ?? 10_000);
const TARGET_CHARS = 5_000;
// Saves timed for archive.save (the first is a warm-up and not counted).
const SAVES = Number(process.env.BAOZHAI_BENCH_SAVES ?? 21);
// Loads of the person view and of the reader timed for the people and reprint figures.
const LOADS = Number(process.env.BAOZHAI_BENCH_LOADS ?? 5);

// Invented vocabulary in both scripts (simplified, traditional).
const WORDS: Array<[string, string]> = [
  ['发展', '發展'],
  ['经济', '經濟'],
  ['会议', '會議'],
  ['建设', '建設'],
  ['改革', '改革'],
  ['国家', '國家'],
  ['人民', '人民'],
  ['政府', '政府'],
  ['工作', '工作'],
  ['报告', '報告'],
  ['创新', '創新'],
  ['科技', '科技'],
  ['教育', '教育'],
  ['文化', '文化'],
  ['卫生', '衛生'],
  ['农业', '農業'],
  ['交通', '交通'],
  ['能源', '能源'],
  ['环境', '環境'],
  ['保护', '保護'],
  ['市场', '市場'],
  ['企业', '企業'],
  ['投资', '投資'],
  ['服务', '服務'],
  ['质量', '質量'],
  ['安全', '安全'],
  ['城市', '城市'],
  ['乡村', '鄉村'],
  ['振兴', '振興'],
  ['数字', '數字'],
  ['网络', '網絡'],
  ['产业', '產業'],
  ['推进', '推進'],
  ['落实', '落實'],
  ['加强', '加強'],
  ['完善', '完善'],
  ['体系', '體系'],
  ['制度', '制度'],
  ['治理', '治理'],
  ['现代化', '現代化'],
  ['开放', '開放'],
  ['合作', '合作'],
  ['区域', '區域'],
  ['协调', '協調'],
  ['绿色', '綠色'],
  ['低碳', '低碳'],
  ['民生', '民生'],
  ['就业', '就業'],
  ['医疗', '醫療'],
  ['养老', '養老'],
  ['住房', '住房'],
  ['水利', '水利'],
  ['防汛', '防汛'],
  ['粮食', '糧食'],
  ['生产', '生產'],
  ['标准', '標準'],
  ['监管', '監管'],
  ['财政', '財政'],
  ['预算', '預算'],
  ['税收', '稅收'],
  ['统计', '統計'],
  ['数据', '數據'],
  ['平台', '平台'],
  ['项目', '項目'],
  ['资金', '資金'],
  ['规划', '規劃'],
  ['实施', '實施'],
  ['方案', '方案'],
  ['部署', '部署'],
  ['要求', '要求'],
  ['强调', '強調'],
  ['指出', '指出'],
  ['召开', '召開'],
  ['举行', '舉行'],
  ['出席', '出席'],
  ['讲话', '講話'],
  ['代表', '代表'],
  ['委员', '委員'],
  ['领导', '領導'],
  ['干部', '幹部'],
  ['群众', '群眾'],
  ['社会', '社會'],
  ['历史', '歷史'],
  ['机制', '機制'],
  ['长效', '長效'],
  ['稳步', '穩步'],
  ['全面', '全面'],
  ['深化', '深化'],
  ['持续', '持續'],
  ['优化', '優化'],
];
const SITES = [
  '示范日报网',
  '云川市人民政府',
  '清河县融媒体中心',
  '示例省发展改革委',
  '臺北市政府新聞處',
  '港島新聞網',
];

function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const PEOPLE_POOL = 300;

function generateClipping(i: number, random: () => number): Clipping {
  const roll = random();
  const script = roll < 0.7 ? 'hans' : roll < 0.95 ? 'hant' : 'mixed';
  const pick = () => {
    const [simp, trad] = WORDS[Math.floor(random() * WORDS.length)]!;
    if (script === 'hans') return simp;
    if (script === 'hant') return trad;
    return random() < 0.5 ? simp : trad;
  };
  const sentence = (n: number) => Array.from({ length: n }, pick).join('') + (random() < 0.3 ? '，' : '');
  const blocks: Article['blocks'] = [];
  let chars = 0;
  while (chars < TARGET_CHARS) {
    let text = '';
    const sentences = 6 + Math.floor(random() * 8);
    for (let k = 0; k < sentences; k++) text += sentence(4 + Math.floor(random() * 8)) + '。';
    blocks.push({ type: 'p', text });
    chars += text.length;
    if (random() < 0.1) blocks.push({ type: 'h', text: sentence(3) });
  }
  blocks.push({ type: 'p', text: `（文件编号：甲${i}号）` });
  const savedAt = Date.UTC(2025, 0, 1) + i * 3_600_000;
  const day = new Date(savedAt).toISOString().slice(0, 10);
  return {
    id: `bench-${i}`,
    url: `https://www.example.gov.cn/bench/${i}.html`,
    canonicalUrl: `https://www.example.gov.cn/bench/${i}.html`,
    siteName: SITES[i % SITES.length]!,
    title: `${sentence(3)}${sentence(2)}（第${i}号）`.replace(/，/g, ''),
    kicker: '',
    subtitle: random() < 0.3 ? sentence(4) : '',
    originalTitle: '',
    publishedAt: `${day}T09:00:00+08:00`,
    source: SITES[(i + 1) % SITES.length]!,
    authors: ['记者甲', '记者乙'],
    editors: ['编辑丙'],
    // Two to four officials a clipping, from a pool of 300 names.
    people: Array.from({ length: 2 + (i % 3) }, (_, k) => {
      const n = (i * 7 + k * 131) % PEOPLE_POOL;
      return {
        name: `${'王李张刘陈杨赵黄周吴'[n % 10]}${'东国建明华立新文'[Math.floor(n / 10) % 8]}${'峰勤强伟军平'[n % 6]}`,
        roles: ['省委书记'],
        mentions: 1,
      };
    }),
    blocks,
    script,
    detection: { isArticle: true, isGovNews: true, score: 0.8, reasons: ['bench'] },
    extractedAt: new Date(savedAt).toISOString(),
    contentHash: (0x10000000 + i).toString(16).padStart(16, '0'),
    savedAt,
    updatedAt: savedAt,
    tags: i % 7 === 0 ? ['民生'] : i % 11 === 0 ? ['经济', '重点'] : [],
    note: '',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function emit(
  name: string,
  value: number,
  limit: number,
  size: { clippings: number; bytes: number },
  extra: object = {},
): void {
  const line = { name, value: Math.round(value * 10) / 10, unit: 'ms', limit, archiveSize: size, ...extra };
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'baozhai-bench-'));
  const random = createRandom(20261121);
  const clippings = Array.from({ length: COUNT }, (_, i) => generateClipping(i, random));
  // Every 50th story comes back from a second site: the reprint lookup has copies to find.
  for (let i = 1; i < COUNT; i += 50) clippings[i]!.blocks = clippings[i - 1]!.blocks;
  const file = join(work, 'archive.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'baozhai-clippings',
      version: 2,
      exportedAt: new Date(0).toISOString(),
      clippings,
    }),
  );
  const size = { clippings: COUNT, bytes: statSync(file).size };
  const extensionPath = process.env.BAOZHAI_EXTENSION_PATH
    ? resolve(process.env.BAOZHAI_EXTENSION_PATH)
    : undefined;
  const h = await launchExtension({ ...(extensionPath ? { extensionPath } : {}), downloadsPath: work });
  try {
    // Import (also fills the archive for everything else).
    const popup = await h.openPopup();
    await popup.locator('[data-testid=bz-empty]').waitFor();
    await popup.locator('[data-testid=bz-import]').setInputFiles(file);
    await popup
      .locator(
        '[data-testid=bz-notice][data-kind=imported], [data-testid=bz-notice][data-kind=import-failed], [data-testid=bz-notice][data-kind=error]',
      )
      .waitFor({ timeout: 300_000 });
    const kind = await popup.locator('[data-testid=bz-notice]').getAttribute('data-kind');
    if (kind !== 'imported')
      throw new Error(`import failed: ${await popup.locator('[data-testid=bz-notice]').innerText()}`);
    const importMs = await popup.evaluate(
      () => performance.getEntriesByName('bz-import').at(-1)?.duration ?? NaN,
    );
    emit('archive.import', importMs, 10_000, size);
    await popup.close();

    // BAOZHAI_BENCH_ONLY=save times the saves alone: import, then archive.save (no views, no export);
    // BAOZHAI_BENCH_ONLY=lookups stops after the people and reprint figures.
    const only = process.env.BAOZHAI_BENCH_ONLY;
    if (only !== 'save') {
      // The people facet and the person view on the archive page, the reprint lookup in the reader.
      const viewer = await h.context.newPage();
      const facets: number[] = [];
      const views: number[] = [];
      const reprints: number[] = [];
      const answeredAt: number[] = [];
      const readerPaints: number[] = [];
      const personUrl = `chrome-extension://${h.extensionId}/archive.html`;
      for (let k = 0; k < LOADS; k++) {
        await viewer.goto(`${personUrl}?person=${encodeURIComponent('王东峰')}`);
        await viewer.locator('[data-testid=bz-person-item]').first().waitFor({ timeout: 60_000 });
        // The facet answers on its own schedule: wait for its first measure too.
        await viewer.waitForFunction(() => performance.getEntriesByName('bz-people-facet').length > 0, null, {
          timeout: 60_000,
        });
        const [facet, view] = await viewer.evaluate(() =>
          ['bz-people-facet', 'bz-person-view'].map(
            (n) => performance.getEntriesByName(n)[0]?.duration ?? NaN,
          ),
        );
        facets.push(facet!);
        views.push(view!);
        await viewer.goto(`chrome-extension://${h.extensionId}/reader.html?id=bench-${1 + 50 * (k % 200)}`);
        await viewer.locator('[data-testid=bz-also-item]').first().waitFor({ timeout: 60_000 });
        // The lookup's time, when its answer was in hand and when the article was first painted, from
        // navigation start (the reader's first frame draws nothing: its first contentful paint is the article).
        await viewer.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
        const [lookup, answered, painted] = await viewer.evaluate(() => {
          const m = performance.getEntriesByName('bz-reprints').at(-1);
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          return [m?.duration ?? NaN, m ? m.startTime + m.duration : NaN, fcp];
        });
        reprints.push(lookup!);
        answeredAt.push(answered!);
        readerPaints.push(painted!);
      }
      emit('archive.people.facet', median(facets), 50, size, {
        samples: facets.length,
        valuesMs: facets.map(Math.round),
      });
      emit('archive.people.person', median(views), 50, size, {
        samples: views.length,
        valuesMs: views.map(Math.round),
      });
      emit('archive.reprints.lookup', median(reprints), 50, size, {
        samples: reprints.length,
        valuesMs: reprints.map(Math.round),
        answeredAtMs: Math.round(median(answeredAt)),
        readerPaintMs: Math.round(median(readerPaints)),
        note: 'answeredAtMs: copies in hand, readerPaintMs: the article first painted, both from navigation start',
      });
      await viewer.close();
      if (only === 'lookups') return;

      // First render of the list: fresh popup loads, navigation start → first paint of the list (the
      // snapshot of the newest rows when there is one), and → the list read from IndexedDB replacing it.
      const measureRender = async (
        before: () => Promise<void>,
      ): Promise<{ first: number[]; hydrated: number[] }> => {
        const first: number[] = [];
        const hydrated: number[] = [];
        for (let k = 0; k < 7; k++) {
          await before();
          const page = await h.openPopup();
          await page.locator('[data-testid=bz-row]').first().waitFor();
          await page.waitForFunction(
            () =>
              performance.getEntriesByName('bz-first-render').length > 0 &&
              performance.getEntriesByName('bz-list-hydrated').length > 0,
          );
          first.push(
            await page.evaluate(() => performance.getEntriesByName('bz-first-render')[0]!.startTime),
          );
          hydrated.push(
            await page.evaluate(() => performance.getEntriesByName('bz-list-hydrated')[0]!.startTime),
          );
          await page.close();
        }
        return { first, hydrated };
      };
      const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
      // Cold: nothing has the archive open (Chromium closes IndexedDB's backing store 2 s after the
      // last connection), so each opening pays for reopening a 10,000-clipping database on disk.
      const cold = await measureRender(() => pause(3_000));
      emit('archive.render.cold', median(cold.first), 150, size, {
        samples: cold.first.length,
        hydratedMs: Math.round(median(cold.hydrated)),
        note: 'IndexedDB backing store closed before each opening; hydratedMs: the list read from IndexedDB painted',
      });
      // Usual case: the reader was just on a covered news page, whose toolbar asked the background
      // whether the page is saved, so the background holds the archive open.
      h.server.route(
        '/n1/2026/0315/c1001-40100001.html',
        readFileSync(resolve(repoRoot, 'tests/e2e/pages/archive-news.html'), 'utf8'),
      );
      const warm = await measureRender(async () => {
        const news = await h.context.newPage();
        await news.goto(h.server.url('/n1/2026/0315/c1001-40100001.html'));
        // The toolbar lives in a closed shadow root: read over the DevTools protocol (tests/e2e/toolbar.ts).
        await toolbarOf(news).waitFor('[data-testid=bz-save][data-state]', 30_000);
        await news.close();
        await pause(3_000);
      });
      emit('archive.render', median(warm.first), 150, size, {
        samples: warm.first.length,
        hydratedMs: Math.round(median(warm.hydrated)),
        note: 'after visiting a news page (background holds the archive open)',
      });
    }
    const page = await h.openPopup();
    await page.locator('[data-testid=bz-row]').first().waitFor();

    if (only !== 'save') {
      // Search: the popup's own search box; each query is timed from input to results ready.
      const search = page.locator('[data-testid=bz-search]');
      const queries = [
        '發展',
        '经济合作',
        '鄉村振興',
        '数字平台',
        '養老服務',
        '甲4321号',
        '绿色低碳发展',
        '稅收統計',
        '不存在的词语',
        '防汛',
        '干部群众',
        '現代化治理',
        '質量標準監管',
        '区域协调',
        '甲9号',
        '醫療衛生',
        '开放合作',
        '预算资金项目',
        '科技創新',
        '住房保障',
      ];
      const firstStart = Date.now();
      await search.fill('预热');
      await page
        .locator('[data-testid=bz-list][data-query="预热"]')
        .waitFor({ state: 'attached', timeout: 120_000 });
      const firstMs = Date.now() - firstStart;
      const searches: number[] = [];
      for (const q of queries) {
        const before = await page.evaluate(() => performance.getEntriesByName('bz-search').length);
        await search.fill(q);
        await page.waitForFunction((n) => performance.getEntriesByName('bz-search').length > n, before);
        searches.push(await page.evaluate(() => performance.getEntriesByName('bz-search').at(-1)!.duration));
      }
      emit('archive.search', median(searches), 50, size, {
        samples: searches.length,
        max: Math.round(Math.max(...searches)),
        firstQueryWithIndexBuildMs: firstMs,
      });
      await search.fill('');

      // The archive page (a table of every clipping): first rows painted from navigation start,
      // then search and sort, each timed from the input to its rows on screen.
      const archiveUrl = `chrome-extension://${h.extensionId}/archive.html`;
      const probe = await h.context.newPage();
      const hasArchivePage = await probe
        .goto(archiveUrl)
        .then(() => probe.locator('[data-testid=bz-table]').waitFor({ timeout: 15_000 }))
        .then(
          () => true,
          () => false,
        );
      await probe.close();
      if (!hasArchivePage) process.stderr.write('archive bench: this build has no archive page; skipped\n');
      else {
        const renders: number[] = [];
        const hydrated: number[] = [];
        for (let k = 0; k < 5; k++) {
          const tab = await h.context.newPage();
          await tab.goto(archiveUrl);
          await tab.waitForFunction(() =>
            ['bz-archive-first-render', 'bz-archive-hydrated'].every(
              (n) => performance.getEntriesByName(n).length,
            ),
          );
          const [first, live] = await tab.evaluate(() =>
            ['bz-archive-first-render', 'bz-archive-hydrated'].map(
              (n) => performance.getEntriesByName(n)[0]!.startTime,
            ),
          );
          renders.push(first!);
          hydrated.push(live!);
          await tab.close();
        }
        if (process.env.BAOZHAI_BENCH_SHOTS) {
          const shot = await h.context.newPage();
          await shot.setViewportSize({ width: 1280, height: 800 });
          await shot.goto(archiveUrl);
          // Rows with their clipping read (a row still loading is drawn empty).
          await shot.locator('[data-testid=bz-table-open]').nth(5).waitFor();
          await shot.screenshot({
            path: join(resolve(process.env.BAOZHAI_BENCH_SHOTS), 'archive-10k-chromium.png'),
          });
          await shot.close();
        }
        emit('archive.page.render', median(renders), 150, size, {
          samples: renders.length,
          hydratedMs: Math.round(median(hydrated)),
          note: 'archive page: navigation start → first rows painted (the snapshot of the newest rows when there is one); hydratedMs: the rows read from IndexedDB painted',
        });
        const tab = await h.context.newPage();
        await tab.goto(archiveUrl);
        await tab.locator('[data-testid=bz-table-row]').first().waitFor();
        const box = tab.locator('[data-testid=bz-search]');
        await box.fill('预热');
        await tab
          .locator('.bz-table-wrap[data-query="预热"]')
          .waitFor({ state: 'attached', timeout: 120_000 });
        const pageSearches: number[] = [];
        for (const q of queries) {
          const before = await tab.evaluate(() => performance.getEntriesByName('bz-archive-search').length);
          await box.fill(q);
          await tab.waitForFunction(
            (n) => performance.getEntriesByName('bz-archive-search').length > n,
            before,
          );
          pageSearches.push(
            await tab.evaluate(() => performance.getEntriesByName('bz-archive-search').at(-1)!.duration),
          );
        }
        emit('archive.page.search', median(pageSearches), 50, size, {
          samples: pageSearches.length,
          max: Math.round(Math.max(...pageSearches)),
        });
        await box.fill('');
        const sortOnce = async (key: string) => {
          const before = await tab.evaluate(() => performance.getEntriesByName('bz-archive-sort').length);
          await tab.locator(`[data-testid=bz-sort-${key}]`).click();
          await tab.waitForFunction(
            (n) => performance.getEntriesByName('bz-archive-sort').length > n,
            before,
            {
              timeout: 120_000,
            },
          );
          return tab.evaluate(() => performance.getEntriesByName('bz-archive-sort').at(-1)!.duration);
        };
        emit('archive.page.sort.first', await sortOnce('title'), 5_000, size, {
          note: 'first sort by title: reads every row, then sorts',
        });
        const sorts = [await sortOnce('site'), await sortOnce('date'), await sortOnce('title')];
        emit('archive.page.sort', median(sorts), 100, size, { samples: sorts.length });
        await tab.close();
      }
    }

    // BAOZHAI_BENCH_ONLY=views stops here (render, search, sort), to time UI work without the saves and export.
    if (only === 'views') return;

    const newsHtml = readFileSync(resolve(repoRoot, 'tests/e2e/pages/archive-news.html'), 'utf8');
    const headline = '云川市推进智慧水务建设 保障城乡供水安全';
    let serial = 0;
    if (only !== 'save') {
      // Saves with the popup open and listing: from the toolbar's save click on a news page to the new
      // row in the popup list (the popup follows the archive live).
      const saveAndSee = async (count: number): Promise<number> => {
        const marks = Array.from({ length: count }, () => `第${++serial}批智慧水务建设进展通报`);
        const tabs = await Promise.all(
          marks.map(async (mark) => {
            const path = `/n1/2026/0316/c1001-402${String(serial * 100 + marks.indexOf(mark)).padStart(5, '0')}.html`;
            h.server.route(path, newsHtml.split(headline).join(mark));
            const tab = await h.context.newPage();
            await tab.goto(h.server.url(path));
            await toolbarOf(tab).waitFor('[data-testid=bz-save]', 30_000);
            return tab;
          }),
        );
        // Source text, not a function: tsx would wrap a named inner function in a helper the page lacks.
        const listed = page.evaluate(`new Promise((done) => {
        const wanted = ${JSON.stringify(marks)};
        const check = () => {
          const text = document.querySelector('[data-testid=bz-list]')?.textContent ?? '';
          if (!wanted.every((m) => text.includes(m))) return false;
          done(Date.now());
          return true;
        };
        if (check()) return;
        // Never listed within a minute: NaN, and the bench goes on.
        setTimeout(() => done(NaN), 60000);
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      })`) as Promise<number>;
        const start = Date.now();
        await Promise.all(tabs.map((tab) => toolbarOf(tab).click('[data-testid=bz-save]')));
        const end = await listed;
        await Promise.all(tabs.map((tab) => tab.close()));
        return end - start;
      };
      const seen: number[] = [];
      for (let k = 0; k < 5; k++) seen.push(await saveAndSee(1));
      emit('archive.popup.save_listed', median(seen), 300, size, {
        samples: seen.length,
        note: 'popup open: toolbar save clicked on a news page → the new row in the popup list',
      });
    }
    // Save: the toolbar's path (runtime message → background → one transaction), timed in the popup.
    const articles = Array.from({ length: SAVES }, (_, i) => {
      const {
        id: _id,
        savedAt: _s,
        updatedAt: _u,
        tags: _t,
        note: _n,
        ...article
      } = generateClipping(COUNT + i, random);
      return article;
    });
    // Only a content script may save, and only its own tab's page: each save is sent from the
    // content script's own world (found over the DevTools protocol) on a fresh page of the news site.
    const saveTab = await h.context.newPage();
    const saveCdp = await h.context.newCDPSession(saveTab);
    const worlds = new Map<number, string>();
    saveCdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string; frameId?: string } | undefined;
      if (aux?.type === 'isolated' && context.origin.startsWith('chrome-extension://'))
        worlds.set(context.id, aux.frameId ?? '');
    });
    saveCdp.on('Runtime.executionContextsCleared', () => worlds.clear());
    await saveCdp.send('Runtime.enable');
    const saves: number[] = [];
    try {
      for (const [i, article] of articles.entries()) {
        const path = `/n1/2026/0317/c1001-403${String(i).padStart(5, '0')}.html`;
        h.server.route(path, newsHtml.split(headline).join(article.title));
        await saveTab.goto(h.server.url(path));
        await toolbarOf(saveTab).waitFor('[data-testid=bz-save]', 30_000);
        const contextId = [...worlds.keys()].at(-1);
        if (contextId === undefined) throw new Error('no content-script world in the news tab');
        const { result, exceptionDetails } = await saveCdp.send('Runtime.evaluate', {
          contextId,
          awaitPromise: true,
          returnByValue: true,
          expression: `(async () => {
            const article = ${JSON.stringify(article)};
            const start = performance.now();
            const reply = await chrome.runtime.sendMessage({ type: 'save', article });
            if (!reply?.ok) throw new Error('save failed: ' + JSON.stringify(reply));
            return performance.now() - start;
          })()`,
        });
        if (exceptionDetails)
          throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        saves.push(Number(result.value));
      }
    } catch (error) {
      process.stderr.write(`archive bench: archive.save failed: ${String(error)}\n`);
      saves.length = 0;
    }
    await saveTab.close();
    if (saves.length > 1)
      emit(
        'archive.save',
        median(saves.slice(1)),
        20,
        { clippings: COUNT + saves.length, bytes: size.bytes },
        { samples: saves.length - 1, valuesMs: saves.slice(1).map(Math.round) },
      );

    if (only !== 'save') {
      // Export of the whole archive through the downloads API.
      await page.reload();
      await page.locator('[data-testid=bz-row]').first().waitFor();
      await page.locator('[data-testid=bz-export-all]').click();
      await page
        .locator('[data-testid=bz-notice][data-kind=exported], [data-testid=bz-notice][data-kind=error]')
        .waitFor({ timeout: 120_000 });
      const exportMs = await page.evaluate(
        () => performance.getEntriesByName('bz-export').at(-1)?.duration ?? NaN,
      );
      emit('archive.export', exportMs, 3_000, {
        clippings: COUNT + saves.length + serial,
        bytes: size.bytes,
      });
    }
  } finally {
    await h.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`archive bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
