// The live 简/繁 toggle in real browsers, clicked like a reader clicks it: an invented 10,000-character
// article, and the largest corpus page (read here, never copied). The baseline is the toggle of
// BASELINE_COMMIT, bundled from git into the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { chromium, type Page as PlaywrightPage } from 'playwright-core';
import { findChromium, startStaticServer } from '../../lib/cli/chromium.ts';
import { findFirefox } from '../../lib/cli/firefox.ts';
import { planConversion, nameTableAsset } from '../../lib/convert/plan.ts';
import { ensureDictCache } from '../../lib/convert/load-node.ts';
import { readPageHtml, repoRoot, resolveSharedRoot } from '../eval/corpus.ts';
import { inventParagraphs, renderNewsPage } from '../convert/news-page.ts';
import type { ProbeResult } from './toggle-probe.ts';

// The toggle from parts before this round's scheduler work; BZ_TOGGLE_BASELINE=<commit> compares
// with another (say main's head, side by side under the same load).
const BASELINE_COMMIT = process.env.BZ_TOGGLE_BASELINE ?? 'ec6e10c';
const VIEWPORT = { width: 1000, height: 800 };
const RUNS = 5;
// BZ_TOGGLE_ROUNDS=n: n rounds of both toggles, alternating which goes first.
const ROUNDS = Math.max(1, Number(process.env.BZ_TOGGLE_ROUNDS ?? 1) || 1);

type Pooled = Figures & { tasks?: TaskFigures };
// Figures of one more round added to the earlier ones: every run counts, the longest of each task figure.
function pool(earlier: Pooled | undefined, next: Pooled): Pooled {
  if (!earlier) return next;
  const tasks =
    earlier.tasks && next.tasks
      ? {
          longest: Math.max(earlier.tasks.longest, next.tasks.longest),
          script: Math.max(earlier.tasks.script, next.tasks.script),
          forcedLayout: earlier.tasks.forcedLayout + next.tasks.forcedLayout,
          frame: Math.max(earlier.tasks.frame, next.tasks.frame),
        }
      : (earlier.tasks ?? next.tasks);
  return {
    firstPaint: [...earlier.firstPaint, ...next.firstPaint],
    firstVisible: [...earlier.firstVisible, ...next.firstVisible],
    full: [...earlier.full, ...next.full],
    restore: [...earlier.restore, ...next.restore],
    tasks,
  };
}

function emit(name: string, value: number, unit: string, baseline?: number): void {
  const round = (n: number) => Math.round(n * 10) / 10;
  const line: Record<string, unknown> = { name, value: round(value), unit };
  if (baseline !== undefined && Number.isFinite(baseline)) {
    line.baseline = round(baseline);
    line.ratio = Math.round((value / baseline) * 1000) / 1000;
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// The toggle under test, or the one of BASELINE_COMMIT: its whole lib/ tree read from git into a
// temporary folder, so the old toggle runs with its own converter and helpers (null without history).
async function bundleProbe(which: 'current' | 'baseline'): Promise<string | null> {
  let oldLib = '';
  if (which === 'baseline') {
    const dir = mkdtempSync(join(tmpdir(), 'bz-toggle-baseline-'));
    try {
      const tar = execFileSync('git', ['archive', BASELINE_COMMIT, 'lib'], {
        cwd: repoRoot,
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
    } catch {
      return null;
    }
    oldLib = join(dir, 'lib');
  }
  const alias: Plugin = {
    name: 'baseline-toggle',
    setup(b) {
      // The probe's own imports of the toggle and the converter, taken from the old tree.
      b.onResolve({ filter: /lib\/convert\/(page-toggle|factory)$/ }, (args) =>
        which === 'baseline' && args.importer.endsWith('toggle-probe.ts')
          ? { path: join(oldLib, 'convert', `${args.path.split('/').pop()}.ts`) }
          : undefined,
      );
    },
  };
  const out = await build({
    entryPoints: [join(repoRoot, 'tests/bench/toggle-probe.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'bzProbe',
    write: false,
    target: 'es2022',
    nodePaths: [join(repoRoot, 'node_modules')],
    plugins: [alias],
  });
  if (oldLib) rmSync(dirname(oldLib), { recursive: true, force: true });
  const text = out.outputFiles[0]?.text;
  // Evaluated as an expression by the drivers, where a top-level var would stay local.
  return text ? `${text};globalThis.bzProbe = bzProbe;` : null;
}

async function readDicts(): Promise<Record<string, string>> {
  const dir = join(await ensureDictCache(), 'dicts');
  const dicts: Record<string, string> = {};
  for (const [from, to] of [
    ['cn', 'twp'],
    ['tw', 'cn'],
  ] as const) {
    const plan = planConversion(from, to);
    const groups = [...plan.normalize, ...plan.chain].map((g) => nameTableAsset(g, 'map'));
    if (plan.segmentation && !plan.fused) groups.push(nameTableAsset(plan.segmentation, 'keys'));
    for (const name of groups) dicts[name] = readFileSync(join(dir, name)).toString('utf16le');
  }
  return dicts;
}

// Pages hold still while measured: no scripts (inline handlers too: with every fetch refused, an
// image's onerror that sets another src fails again, and the page lays itself out every frame), no
// refresh, nothing fetched from elsewhere.
const INLINE_HANDLER = /(<[a-z][^<>]*?)\son[a-z]+\s*=\s*(?:"[^"]*"|'[^']*')/gi;
function quieten(html: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline' data:">`;
  const body = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(INLINE_HANDLER, '$1')
    .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
  return /<head[^>]*>/i.test(body) ? body.replace(/<head[^>]*>/i, (m) => m + csp) : csp + body;
}

function findLargestCorpusPage(): string | null {
  const dir = join(resolveSharedRoot(), 'corpus');
  let best: { id: string; size: number } | null = null;
  try {
    for (const id of readdirSync(dir)) {
      let size = 0;
      try {
        size = statSync(join(dir, id, 'page.html')).size;
      } catch {
        continue;
      }
      if (!best || size > best.size) best = { id, size };
    }
  } catch {
    return null;
  }
  return best ? readPageHtml(dir, best.id) : null;
}

/** What a driver (Playwright or Puppeteer) must offer: both have these with the same meaning. */
interface Driver {
  goto(url: string): Promise<unknown>;
  /** Run the probe's prepare with the tables. */
  prepare(dicts: Record<string, string>): Promise<void>;
  /** Evaluate an expression in the page. */
  run(source: string): Promise<unknown>;
  click(x: number, y: number): Promise<void>;
}

type ProbeApi = { prepare(d: Record<string, string>): Promise<void> };
const prepareInPage = (d: Record<string, string>): Promise<void> =>
  (globalThis as unknown as { bzProbe: ProbeApi }).bzProbe.prepare(d);

async function clickAndWait(driver: Driver): Promise<ProbeResult> {
  await driver.click(VIEWPORT.width - 40, VIEWPORT.height - 20);
  const deadline = Date.now() + 60_000;
  while (!(await driver.run('bzProbe.isDone()'))) {
    if (Date.now() > deadline) throw new Error('toggle did not finish within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return (await driver.run('bzProbe.readProbe()')) as ProbeResult;
}

async function openWithProbe(
  driver: Driver,
  url: string,
  script: string,
  dicts: Record<string, string>,
): Promise<void> {
  await driver.goto(url);
  await driver.run(script);
  await driver.prepare(dicts);
}

interface Figures {
  firstPaint: number[];
  firstVisible: boolean[];
  full: number[];
  restore: number[];
}

async function measure(driver: Driver, url: string, script: string, dicts: Record<string, string>) {
  const figures: Figures = { firstPaint: [], firstVisible: [], full: [], restore: [] };
  await openWithProbe(driver, url, script, dicts);
  for (let run = 0; run < RUNS; run++) {
    const on = await clickAndWait(driver);
    if (on.state === 'original') throw new Error('the toggle did not convert');
    figures.firstPaint.push(on.firstPaintMs);
    figures.firstVisible.push(on.firstVisible);
    figures.full.push(on.doneMs);
    const off = await clickAndWait(driver);
    if (off.state !== 'original') throw new Error('the toggle did not restore');
    figures.restore.push(off.doneMs);
  }
  return figures;
}

/** Where the main thread's time went between each click and the frame after its last write. */
interface TaskFigures {
  /** The longest renderer task, whatever ran in it. */
  longest: number;
  /** The longest stretch of script in one task (ours: the page's scripts are stripped). */
  script: number;
  /** Layout and style forced by script (reads after writes), summed over all tasks. */
  forcedLayout: number;
  /** The longest task that is the browser's own frame (style, layout, pre-paint, paint). */
  frame: number;
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number };
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
]);
const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayoutTree']);
// BZ_TOGGLE_PHASES=1: what each long frame spent in each rendering phase (the trace then also records
// the blink and benchmark categories these phases are in).
const PHASES = !!process.env.BZ_TOGGLE_PHASES;
const PHASE_EVENTS: Array<[label: string, event: string]> = [
  ['style', 'UpdateLayoutTree'],
  ['layout', 'Layout'],
  ['shape', 'InlineNode::ShapeTextIncludingFirstLine'],
  ['compositing-inputs', 'LocalFrameView::RunCompositingInputsLifecyclePhase'],
  ['pre-paint', 'LocalFrameView::RunPrePaintLifecyclePhase'],
  ['paint', 'LocalFrameView::RunPaintLifecyclePhase'],
  ['layerize+commit', 'Layerize'],
  ['layerize+commit', 'ProxyMain::BeginMainFrame::commit'],
  ['intersection', 'LocalFrameView::UpdateViewportIntersectionsForSubtree'],
  ['accessibility', 'LocalFrameView::RunAccessibilitySteps'],
];
const FRAME_EVENTS = new Set(['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint']);

// Tasks are told apart by the trace's own events inside them: script (and layout it forces), or the
// rendering of a frame.
function readTaskFigures(trace: Buffer): TaskFigures {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = (name: string) => events.filter((e) => e.name === name && e.ph !== 'e');
  const figures: TaskFigures = { longest: 0, script: 0, forcedLayout: 0, frame: 0 };
  const clicks = marks('bz-click');
  const dones = marks('bz-done');
  const click0 = clicks[0];
  if (!click0) return figures;
  const main = events
    .filter((e) => e.pid === click0.pid && e.tid === click0.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  // Only the outer of the two nested task events, so each task is read once.
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  let at = 0;
  for (const task of tasks) {
    const click = clicks.findLast((c) => c.ts <= end(task));
    const done = click && dones.find((d) => d.ts > click.ts);
    if (!click || !done || end(task) < click.ts || task.ts > done.ts) continue;
    while (at < main.length && (main[at] as TraceEvent).ts < task.ts) at++;
    let script = 0;
    let scriptEnd = -1;
    let forced = 0;
    let isFrame = false;
    const phases = new Map<string, number>();
    for (let i = at; i < main.length && (main[i] as TraceEvent).ts < end(task); i++) {
      const e = main[i] as TraceEvent;
      if (PHASES)
        for (const [label, name] of PHASE_EVENTS)
          if (e.name === name) phases.set(label, (phases.get(label) ?? 0) + (e.dur ?? 0) / 1000);
      if (SCRIPT_EVENTS.has(e.name) && e.ts >= scriptEnd) {
        script += e.dur ?? 0;
        scriptEnd = end(e);
      } else if (LAYOUT_EVENTS.has(e.name) && e.ts < scriptEnd) {
        forced += e.dur ?? 0;
      } else if (FRAME_EVENTS.has(e.name)) {
        isFrame = true;
      }
    }
    const ms = (task.dur ?? 0) / 1000;
    figures.longest = Math.max(figures.longest, ms);
    // BZ_TOGGLE_TASKS=1: every task over 16 ms, from its click (what a frame after writes costs).
    if ((process.env.BZ_TOGGLE_TASKS || PHASES) && ms > 16) {
      const parts = [...phases].map(([label, phaseMs]) => `${label} ${phaseMs.toFixed(1)}`).join(', ');
      process.stderr.write(
        `toggle.bench: click ${clicks.indexOf(click)} +${Math.round((task.ts - click.ts) / 1000)} ms: ${ms.toFixed(1)} ms${isFrame ? ' frame' : ''}${parts ? ` (${parts})` : ''}\n`,
      );
    }
    figures.script = Math.max(figures.script, (script - forced) / 1000);
    figures.forcedLayout += forced / 1000;
    if (isFrame) figures.frame = Math.max(figures.frame, ms);
  }
  return figures;
}

async function runChromium(
  scripts: { current: string; baseline: string | null },
  pages: { small: string; large: string | null },
  dicts: Record<string, string>,
) {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const results = new Map<string, Figures & { tasks?: TaskFigures }>();
  try {
    // Rounds alternate which toggle goes first, so both see the same load; figures of all rounds pool.
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['current', 'baseline'] as const) : (['baseline', 'current'] as const);
      for (const which of order) {
        const script = scripts[which];
        if (!script) continue;
        for (const [pageName, url] of Object.entries(pages)) {
          if (!url) continue;
          const page: PlaywrightPage = await browser.newPage({ viewport: VIEWPORT });
          await page.route('**/*', (route) =>
            route.request().resourceType() === 'document' ? route.continue() : route.abort(),
          );
          const driver: Driver = {
            goto: (u) => page.goto(u, { waitUntil: 'domcontentloaded', timeout: 60_000 }),
            prepare: (d) => page.evaluate(prepareInPage, d),
            run: (source) => page.evaluate(source),
            click: (x, y) => page.mouse.click(x, y),
          };
          const traced = pageName === 'large';
          if (traced)
            await browser.startTracing(page, {
              categories: [
                'toplevel',
                'blink.user_timing',
                'devtools.timeline',
                ...(PHASES ? ['blink', 'benchmark', 'cc'] : []),
              ],
            });
          const figures = await measure(driver, url, script, dicts);
          const tasks = traced ? readTaskFigures(await browser.stopTracing()) : undefined;
          results.set(
            `${which}:${pageName}`,
            pool(results.get(`${which}:${pageName}`), { ...figures, tasks }),
          );
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function runFirefox(script: string, url: string, dicts: Record<string, string>): Promise<Figures> {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: VIEWPORT,
  });
  try {
    const page = await browser.newPage();
    const driver: Driver = {
      goto: (u) => page.goto(u, { waitUntil: 'domcontentloaded', timeout: 60_000 }),
      prepare: (d) => page.evaluate(prepareInPage, d),
      run: (source) => page.evaluate(source),
      click: (x, y) => page.mouse.click(x, y),
    };
    return await measure(driver, url, script, dicts);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  process.stderr.write(
    `toggle.bench: load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}\n`,
  );
  const dicts = await readDicts();
  const current = await bundleProbe('current');
  if (!current) throw new Error('could not bundle the toggle');
  const baseline = await bundleProbe('baseline');
  const server = await startStaticServer([]);
  try {
    server.route('/small.html', quieten(renderNewsPage('着力推进高质量发展', inventParagraphs(10_000, 1))));
    const largeHtml = findLargestCorpusPage();
    if (largeHtml) server.route('/large.html', quieten(largeHtml));
    else process.stderr.write('toggle.bench: no corpus, the 2 MB figures are skipped\n');
    const url = (path: string) => server.url(path, '127.0.0.1');
    const pages = { small: url('/small.html'), large: largeHtml ? url('/large.html') : null };
    const chromiumResults = await runChromium({ current, baseline }, pages, dicts);
    const now = chromiumResults.get('current:small');
    const before = chromiumResults.get('baseline:small');
    if (now) {
      const visible = now.firstVisible.filter(Boolean).length;
      emit(
        'toggle.first_visible_ms',
        median(now.firstPaint),
        `ms (click to the frame after the first change; ${visible}/${now.firstVisible.length} in the viewport; warm converter, Chromium)`,
        before && median(before.firstPaint),
      );
    }
    const large = chromiumResults.get('current:large');
    const largeBefore = chromiumResults.get('baseline:large');
    if (large) {
      emit(
        'toggle.full_ms_2mb',
        median(large.full),
        'ms (Chromium)',
        largeBefore && median(largeBefore.full),
      );
      // The longest task, then what the longest tasks are: the browser's frames, or script (and
      // layout it forces).
      const taskLines: Array<[string, keyof TaskFigures, string]> = [
        ['longest_task', 'longest', 'longest renderer task, convert and restore'],
        ['longest_frame_task', 'frame', 'longest task rendering a frame: style, layout, pre-paint, paint'],
        ['longest_script', 'script', 'longest stretch of script in one task, forced layout excluded'],
        ['forced_layout', 'forcedLayout', 'layout and style forced by script, all runs'],
      ];
      for (const [name, key, unit] of taskLines)
        emit(
          `toggle.${name}_ms_2mb`,
          large.tasks?.[key] ?? NaN,
          `ms (${unit}; Chromium trace)`,
          largeBefore?.tasks?.[key],
        );
      emit(
        'toggle.restore_ms_2mb',
        median(large.restore),
        'ms (Chromium)',
        largeBefore && median(largeBefore.restore),
      );
    }
    const firefox = await runFirefox(current, pages.small, dicts).catch((error: unknown) => {
      process.stderr.write(`toggle.bench: Firefox skipped: ${String(error)}\n`);
      return null;
    });
    if (firefox && now) {
      emit(
        'toggle.firefox_full_ms',
        median(firefox.full),
        'ms (10,000-character page in Firefox; baseline: the same in Chromium)',
        median(now.full),
      );
      emit(
        'toggle.firefox_first_visible_ms',
        median(firefox.firstPaint),
        'ms (10,000-character page in Firefox; baseline: the same in Chromium)',
        median(now.firstPaint),
      );
    }
  } finally {
    await server.close();
    process.stderr.write(
      `toggle.bench: load ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
