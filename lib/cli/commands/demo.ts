import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findRepoRoot } from '../paths';
import { CHROME_BUILD, launchChromiumWithExtension, startStaticServer } from '../chromium';

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

  const toolbar = page.locator('baozhai-toolbar [data-testid=bz-toolbar]');
  await toolbar.waitFor({ timeout: 15_000 });
  await page
    .locator('baozhai-toolbar [data-testid=bz-badge]')
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  await shot('1-page.png', page);
  await page
    .locator('baozhai-toolbar [data-testid=bz-badge]')
    .hover()
    .catch(() => undefined);
  await shot('2-toolbar-reasons.png', page);

  await page.locator('baozhai-toolbar [data-testid=bz-toggle]').click();
  await page
    .waitForFunction(
      () =>
        document.documentElement.lang.toLowerCase().includes('hant') ||
        document.documentElement.lang.toLowerCase().includes('tw'),
      null,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await shot('3-page-traditional.png', page);
  await page.locator('baozhai-toolbar [data-testid=bz-toggle]').click();

  await page.locator('baozhai-toolbar [data-testid=bz-save]').click();
  await page
    .locator('baozhai-toolbar [data-testid=bz-save][data-state=saved]')
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await shot('4-toolbar-saved.png', toolbar);

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForTimeout(800);
  await shot('5-popup.png', popup);

  await browser.close();
  await server.close();
  process.stdout.write(`Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}\n`);
  return 0;
}
