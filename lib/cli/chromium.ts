import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BrowserContext, Worker } from 'playwright-core';
import { COVERED_DOMAINS } from '../detect/domains';
import { findBrowser } from './paths';

/** Where the built Chrome extension lives, relative to the repo root. */
export const CHROME_BUILD = '.output/chrome-mv3';

/** Find Debian's Chromium (or $CHROME_PATH); throw with the install command when there is none. */
export function findChromium(): string {
  return findBrowser(
    'Chromium',
    'CHROME_PATH',
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    'chromium chromium-l10n fonts-wqy-microhei',
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  port: number;
  /** URL of `path` on `host` (a covered news host by default, resolved to 127.0.0.1 by Chromium). */
  url(path: string, host?: string): string;
  /** Serve generated content at a path. */
  route(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** A tiny static server on 127.0.0.1 over the given folders (first match wins). */
export async function startStaticServer(roots: string[]): Promise<StaticServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const routed = routes.get(path);
    if (routed) {
      res.writeHead(200, { 'content-type': routed.type });
      res.end(routed.body);
      return;
    }
    for (const root of roots) {
      const file = normalize(join(root, path));
      if (!file.startsWith(resolve(root))) continue;
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: (path, host = 'www.people.com.cn') =>
      `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, body, type = 'text/html; charset=utf-8') => void routes.set(path, { body, type }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface LaunchOptions {
  extensionPath: string;
  headless: boolean;
  userDataDir?: string;
  /** Extra hosts to resolve to 127.0.0.1 besides the covered news domains. */
  hosts?: string[];
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number } | null;
  downloadsPath?: string;
  /** Browser UI language, which picks the extension's _locales (default zh_CN). */
  uiLocale?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/** Launch Chromium with the built extension loaded, covered hosts mapped to this machine. */
export async function launchChromiumWithExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const { chromium } = await import('playwright-core');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'baozhai-profile-'));
  const extensionPath = resolve(options.extensionPath);
  const hosts = [...COVERED_DOMAINS.flatMap((d) => [d, `*.${d}`]), ...(options.hosts ?? [])];
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    // Playwright's own headless switch picks a mode Chromium may not offer; ask for the new one directly.
    headless: false,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
    locale: (options.uiLocale ?? 'zh_CN').replace('_', '-'),
    // On Linux Chromium takes its UI language from LANGUAGE, not from --lang.
    env: {
      ...process.env,
      LANGUAGE: options.uiLocale ?? 'zh_CN',
      LC_ALL: `${options.uiLocale ?? 'zh_CN'}.UTF-8`,
      LANG: `${options.uiLocale ?? 'zh_CN'}.UTF-8`,
    },
    downloadsPath: options.downloadsPath,
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      `--lang=${(options.uiLocale ?? 'zh_CN').replace('_', '-')}`,
    ],
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, userDataDir, close: () => context.close() };
}
