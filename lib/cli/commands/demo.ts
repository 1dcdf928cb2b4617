import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findRepoRoot } from '../paths';
import { CHROME_BUILD, launchChromiumWithExtension, startStaticServer } from '../chromium';
import { toolbarOf } from '../toolbar';

const repoRoot = findRepoRoot();
const DEMO_PATH = '/n1/2026/1120/c1001-40000001.html';

// Looked up in the repository's node_modules, where `npm install` puts development dependencies.
function isInstalled(name: string): boolean {
  return existsSync(join(repoRoot, 'node_modules', name, 'package.json'));
}

/** `baozhai demo`: build, serve the demo article, and show it in Chromium with the extension. */
export async function run(args: string[]): Promise<number> {
  const missing = ['playwright-core', 'wxt'].filter((name) => !isInstalled(name));
  if (missing.length) {
    process.stderr.write(
      `baozhai demo: needs ${missing.join(' and ')}, development dependencies of baozhai. ` +
        'In a clone of the repository run `npm install` (not --omit=dev), then `npm start`.\n',
    );
    return 1;
  }
  const headless = args.includes('--headless') || (!process.env.DISPLAY && !args.includes('--headed'));
  if (!args.includes('--no-build'))
    execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'inherit' });

  const server = await startStaticServer([resolve(repoRoot, 'assets/demo')]);
  // The demo article is served under a realistic People's Daily path.
  const demoUrl = server.url(DEMO_PATH, 'www.people.com.cn');
  server.route(DEMO_PATH, readFileSync(resolve(repoRoot, 'assets/demo/article.html'), 'utf8'));

  const browser = await launchChromiumWithExtension({
    extensionPath: resolve(repoRoot, CHROME_BUILD),
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(demoUrl);

  if (!headless) {
    process.stdout.write(`Demo article: ${demoUrl}\nClose the browser window to end the demo.\n`);
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await server.close();
    return 0;
  }

  const outDir = resolve(repoRoot, 'demo-output');
  mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  const shot = async (name: string, target: { screenshot: (o: { path: string }) => Promise<unknown> }) => {
    const path = join(outDir, name);
    await target.screenshot({ path });
    shots.push(path);
  };

  try {
    // The toolbar sits in a closed shadow root and answers only trusted input: read it over the
    // DevTools protocol and click it with the real mouse, as the e2e tests do.
    const toolbar = toolbarOf(page);
    const step = async <T>(what: string, action: Promise<T>): Promise<T> =>
      action.catch((error: unknown) => {
        throw new Error(`baozhai demo: ${what} (${error instanceof Error ? error.message : String(error)})`);
      });
    await step(
      'the toolbar did not appear on the demo article',
      toolbar.waitFor('[data-testid=bz-badge]', 20_000),
    );
    await shot('1-page.png', page);
    await toolbar.hover('[data-testid=bz-badge]');
    await step('the detection reasons did not show', toolbar.waitFor('[data-testid=bz-reasons]', 5_000));
    await shot('2-toolbar-reasons.png', page);

    await toolbar.click('[data-testid=bz-toggle]');
    await step(
      'the page was not converted to traditional script',
      page.waitForFunction(() => /hant|tw|hk/i.test(document.documentElement.lang), null, {
        timeout: 10_000,
      }),
    );
    await shot('3-page-traditional.png', page);
    await toolbar.click('[data-testid=bz-toggle]');

    await toolbar.click('[data-testid=bz-save]');
    const saved = await step(
      'the article was not saved',
      toolbar.waitFor('[data-testid=bz-save][data-state=saved]', 15_000),
    );
    const bar = (await toolbar.read('[data-testid=bz-toolbar]')) ?? saved;
    const clip = { x: bar.box.x, y: bar.box.y, width: bar.box.width, height: bar.box.height };
    await shot('4-toolbar-saved.png', { screenshot: (o) => page.screenshot({ ...o, clip }) });

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForTimeout(800);
    await shot('5-popup.png', popup);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}\n`);
  return 0;
}
