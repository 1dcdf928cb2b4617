import type { Browser, Runtime, Menus, Tabs } from 'webextension-polyfill';
import {
  parseRequest,
  SENDERS,
  type Request,
  type ResponseOf,
  type RequestType,
  type SaveErrorCode,
  type TabCommand,
} from '../messaging/contract';
import { classifySender, type Sender } from '../messaging/sender';
import { countBlockText, MAX_CLIPPING_TEXT, MAX_COPIES } from '../messaging/contract';
import { createTransferStore, type TransferSender } from './transfers';
import type { Article } from '../article/record';
import { isValidPageUrl } from '../article/valid';
import {
  ArchiveError,
  openArchive,
  saveArticle,
  findSaved,
  listSavedSites,
  listStoryCopies,
  requestPersistence,
  type ArchiveDb,
  type PackCache,
} from '../archive/index';
import { createDictPartServer, createExtensionDictLoader } from '../convert/load-extension';
import { createSaveFirst } from './save-first';

type Handlers = {
  [T in RequestType]: (request: Extract<Request, { type: T }>, sender: Sender) => Promise<ResponseOf<T>>;
};

// Every message of a save, whole or in parts: each answers a failure as { ok: false, code }.
const SAVE_STEPS = new Set<unknown>(['save', 'save-start', 'save-part', 'save-end']);

/** Content script bundle injected on demand into pages outside the covered news sites. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** The page a content script speaks for, when it is a page we may save (http(s) or file). */
function pageOf(sender: Sender): string | null {
  if (sender.kind !== 'content-script' || sender.pageUrl === '') return null;
  return isValidPageUrl(sender.pageUrl) ? sender.pageUrl : null;
}

/** The sender as a tab that may save its own page; null for anything else. */
function savingTab(sender: Sender): TransferSender | null {
  const pageUrl = pageOf(sender);
  return pageUrl && sender.kind === 'content-script' ? { tabId: sender.tabId, pageUrl } : null;
}

function saveErrorCode(error: unknown): SaveErrorCode {
  if (!(error instanceof ArchiveError)) return 'failed';
  const { code } = error;
  return code === 'quota' || code === 'invalid' || code === 'outdated' ? code : 'failed';
}

/** Wire the background: message handlers, context menus and keyboard commands. */
export function startBackground(browser: Browser, deps: { openArchive?: () => ArchiveDb } = {}): void {
  let archive: ArchiveDb | undefined;
  // A connection closed for a newer schema (versionchange) is replaced: reopening says 'outdated'.
  const db = (): ArchiveDb => {
    if (archive?.hasBeenClosed()) archive = undefined;
    return (archive ??= (deps.openArchive ?? openArchive)());
  };
  // The packed fingerprints kept between reprint lookups, per open archive (checked by their stamp).
  const packCaches = new WeakMap<ArchiveDb, PackCache>();
  const packCache = (archive: ArchiveDb): PackCache => {
    let cache = packCaches.get(archive);
    if (!cache) packCaches.set(archive, (cache = {}));
    return cache;
  };
  // Not new URL().origin: for extension schemes that is 'null' outside Chromium.
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');

  // The packaged tables are not web-accessible (a page could detect us by fetching one): content
  // scripts get them through this worker, which may read its own files, in parts (one read each).
  const loadPackagedDict = createDictPartServer(
    createExtensionDictLoader(fetch.bind(globalThis), (path) => browser.runtime.getURL(path as '/')),
  );
  const saves = createSaveFirst();

  const transfers = createTransferStore();
  // The page is the tab the browser says sent this; the page's own claims only fill the record.
  const saveFromTab = async (
    article: Article,
    asPage: boolean | undefined,
    tab: TransferSender,
  ): Promise<ResponseOf<'save'>> => {
    if (countBlockText(article.blocks) > MAX_CLIPPING_TEXT) return { ok: false, code: 'too-large' };
    return saves.run(async () => {
      try {
        const page = { ...article, url: tab.pageUrl };
        const { created } = await saveArticle(db(), page, Date.now(), { asPage });
        return { ok: true, created };
      } catch (error) {
        return { ok: false, code: saveErrorCode(error) };
      }
    });
  };

  const handlers: Handlers = {
    ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
    save: async ({ article, asPage }, sender) => {
      const tab = savingTab(sender);
      return tab ? saveFromTab(article, asPage, tab) : { ok: false, code: 'refused' };
    },
    'save-start': async (request, sender) => {
      const tab = savingTab(sender);
      return tab ? transfers.start(request, tab) : { ok: false, code: 'refused' };
    },
    'save-part': async (request, sender) => {
      const tab = savingTab(sender);
      return tab ? transfers.part(request, tab) : { ok: false, code: 'refused' };
    },
    'save-end': async (request, sender) => {
      const tab = savingTab(sender);
      if (!tab) return { ok: false, code: 'refused' };
      const whole = transfers.finish(request, tab);
      return whole.ok ? saveFromTab(whole.article, whole.asPage, tab) : whole;
    },
    lookup: async (_request, sender) => {
      const url = pageOf(sender);
      return { saved: url ? await findSaved(db(), url) : false };
    },
    reprints: async ({ body }, sender) => {
      // Only about the sender's own tab: the page is the tab the browser says sent this.
      const url = pageOf(sender);
      if (!url) return { sites: [] };
      const archive = db();
      return { sites: await listSavedSites(archive, url, body, { cache: packCache(archive) }) };
    },
    copies: async ({ id }) => {
      const archive = db();
      return { copies: (await listStoryCopies(archive, id, packCache(archive))).slice(0, MAX_COPIES) };
    },
    activate: async ({ tabId }) => ({ ok: await ensureContentScript(browser, tabId) }),
    shortcuts: () => readShortcuts(browser),
    dict: async ({ name, part }) => {
      // Low priority: a page's prefetch waits for every save in flight.
      await saves.idle();
      try {
        return { ok: true, ...(await loadPackagedDict(name, part)) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };

  browser.runtime.onMessage.addListener((message: unknown, info: Runtime.MessageSender) => {
    // Anything not from our own content scripts or pages, or not of our contract, is ignored.
    const sender = classifySender(info, browser.runtime.id, extensionOrigin);
    if (!sender) return undefined;
    const request = parseRequest(message);
    if (!request) {
      // Our own content script's save that fails the contract still gets an answer it can show.
      const type = (message as { type?: unknown } | null)?.type;
      if (SAVE_STEPS.has(type) && sender.kind === 'content-script')
        return Promise.resolve({ ok: false, code: 'invalid' });
      return undefined;
    }
    if (!SENDERS[request.type].includes(sender.kind)) return undefined;
    const handle = handlers[request.type] as (r: Request, s: Sender) => Promise<unknown>;
    return handle(request, sender);
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
