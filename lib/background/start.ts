import type { Browser, Runtime, Menus, Tabs } from 'webextension-polyfill';
import {
  parseRequest,
  type Request,
  type ResponseOf,
  type RequestType,
  type TabCommand,
} from '../messaging/contract';
import { isTrustedSender } from '../messaging/sender';
import { createExtensionDictLoader } from '../convert/load-extension';
import { openArchive, saveArticle, findSaved, requestPersistence, type ArchiveDb } from '../archive/index';

type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>) => Promise<ResponseOf<T>> };

/** Content script bundle injected on demand into pages outside the covered news sites. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** Wire the background: message handlers, context menus and keyboard commands. */
export function startBackground(browser: Browser): void {
  let archive: ArchiveDb | undefined;
  const db = (): ArchiveDb => (archive ??= openArchive());
  // Not new URL().origin: for extension schemes that is 'null' outside Chromium.
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');

  // The packaged tables are not web-accessible (a page could detect us by fetching one): content
  // scripts get them through this worker, which may read its own files.
  const loadPackagedDict = createExtensionDictLoader(fetch.bind(globalThis), (path) =>
    browser.runtime.getURL(path as '/'),
  );

  const handlers: Handlers = {
    ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
    save: async ({ article, asPage }) => {
      try {
        const { id, created } = await saveArticle(db(), article, Date.now(), { asPage });
        return { ok: true, id, created };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    lookup: async (query) => {
      const id = await findSaved(db(), query);
      return id ? { saved: true, id } : { saved: false };
    },
    activate: async ({ tabId }) => ({ ok: await ensureContentScript(browser, tabId) }),
    shortcuts: () => readShortcuts(browser),
    dict: async ({ name }) => {
      try {
        return { ok: true, text: await loadPackagedDict(name) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Anything not from our own content scripts or pages, or not of our contract, is ignored.
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin)) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    const handle = handlers[request.type] as (r: Request) => Promise<unknown>;
    return handle(request);
  });

  browser.runtime.onInstalled.addListener(() => {
    void requestPersistence(globalThis.navigator?.storage);
    void createMenus(browser);
  });

  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (tab?.id === undefined) return;
    const type = info.menuItemId === 'save-page' ? 'save-page' : 'toggle-script';
    void sendTabCommand(browser, tab.id, { type });
  });

  browser.commands.onCommand.addListener(async (command: string) => {
    if (command !== 'toggle-script' && command !== 'save-page') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendTabCommand(browser, tab.id, { type: command });
  });
}

/** The keys bound to our two commands right now ('' for a command without one). */
export async function readShortcuts(browser: Browser): Promise<ResponseOf<'shortcuts'>> {
  const bound = { 'toggle-script': '', 'save-page': '' };
  for (const command of await browser.commands.getAll()) {
    if (command.name === 'toggle-script' || command.name === 'save-page')
      bound[command.name] = command.shortcut ?? '';
  }
  return bound;
}

async function createMenus(browser: Browser): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const id of ['toggle-script', 'save-page'] as const) {
    browser.contextMenus.create({
      id,
      // Chrome shows two entries under the extension's name, so each says its action alone.
      title: browser.i18n.getMessage(id === 'save-page' ? 'menuSave' : 'menuToggle'),
      contexts: ['page', 'selection'],
    });
  }
}

/**
 * Deliver a command to the tab's content script, injecting the script first on pages outside the
 * covered sites (the user's gesture grants activeTab for that tab).
 */
export async function sendTabCommand(browser: Browser, tabId: number, command: TabCommand): Promise<void> {
  if (!(await ensureContentScript(browser, tabId))) return;
  await browser.tabs.sendMessage(tabId, command).catch(() => undefined);
}

/** Make sure our content script runs in the tab; true when it does. */
export async function ensureContentScript(browser: Browser, tabId: number): Promise<boolean> {
  const alive = await browser.tabs
    .sendMessage(tabId, { type: 'ping' } satisfies TabCommand)
    .catch(() => null);
  if (alive) return true;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return true;
  } catch {
    // Browser pages (chrome://, the web store) refuse scripts; nothing to do there.
    return false;
  }
}
