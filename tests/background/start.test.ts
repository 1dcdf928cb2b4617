import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { ensureContentScript, startBackground } from '../../lib/background/start';
import type { Article } from '../../lib/article/record';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

type Listener = (message: unknown, sender: unknown) => unknown;

/** Just enough of the WebExtension API for the background's wiring. */
function fakeBrowser(options: { contentAlive?: boolean; injectFails?: boolean } = {}) {
  const listeners: Listener[] = [];
  const injected: number[] = [];
  const fake = {
    runtime: {
      id: ID,
      getURL: (path: string) => `${ORIGIN}${path}`,
      getManifest: () => ({ version: '9.9.9' }),
      onMessage: { addListener: (l: Listener) => listeners.push(l) },
      onInstalled: { addListener: () => undefined },
    },
    contextMenus: {
      onClicked: { addListener: () => undefined },
      removeAll: async () => undefined,
      create: () => undefined,
    },
    commands: { onCommand: { addListener: () => undefined } },
    i18n: { getMessage: (key: string) => key },
    tabs: {
      query: async () => [],
      sendMessage: async () => {
        if (options.contentAlive) return true;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    scripting: {
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        if (options.injectFails) throw new Error('Cannot access contents of the page');
        injected.push(target.tabId);
        return [];
      },
    },
  };
  const dispatch = (message: unknown, sender: unknown) => listeners[0]!(message, sender);
  return { browser: fake as unknown as Browser, dispatch, injected };
}

const article: Article = {
  url: 'http://www.example.gov.cn/a.html',
  canonicalUrl: 'http://www.example.gov.cn/a.html',
  siteName: '示例',
  title: '标题',
  kicker: '',
  subtitle: '',
  originalTitle: '',
  publishedAt: '',
  source: '',
  authors: [],
  editors: [],
  people: [],
  blocks: [{ type: 'p', text: '正文一段。' }],
  script: 'hans',
  detection: { isArticle: true, isGovNews: true, score: 0.8, reasons: [] },
  extractedAt: '2026-11-20T00:00:00.000Z',
  contentHash: 'abcdef0123456789',
};

describe('background', () => {
  const contentScript = { id: ID, tab: { id: 7 }, url: 'http://www.example.gov.cn/a.html' };

  it('answers our content scripts and pages', async () => {
    const { browser, dispatch } = fakeBrowser();
    startBackground(browser);
    expect(await dispatch({ type: 'ping' }, { id: ID, url: `${ORIGIN}/popup.html` })).toEqual({
      ok: true,
      version: '9.9.9',
    });
    expect(await dispatch({ type: 'save', article }, contentScript)).toMatchObject({
      ok: true,
      created: true,
    });
    expect(await dispatch({ type: 'save', article }, contentScript)).toMatchObject({
      ok: true,
      created: false,
    });
    expect(
      await dispatch({ type: 'lookup', url: article.url, canonicalUrl: article.canonicalUrl }, contentScript),
    ).toMatchObject({ saved: true });
  });

  it('ignores other senders and malformed messages', async () => {
    const { browser, dispatch } = fakeBrowser();
    startBackground(browser);
    expect(dispatch({ type: 'ping' }, { id: 'another-extension', tab: { id: 1 } })).toBeUndefined();
    expect(dispatch({ type: 'ping' }, { url: 'http://evil.example/' })).toBeUndefined();
    expect(dispatch({ type: 'save', article: { ...article, title: 42 } }, contentScript)).toBeUndefined();
    expect(dispatch({ type: 'drop-database' }, contentScript)).toBeUndefined();
  });

  it('relays a packaged dictionary to content scripts, and nothing outside dicts/', async () => {
    const { browser, dispatch } = fakeBrowser();
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      fetched.push(url);
      return url.endsWith('/dicts/keys.TSPhrases.txt')
        ? new Response('表')
        : new Response('', { status: 404 });
    }) as typeof fetch;
    try {
      startBackground(browser);
      expect(await dispatch({ type: 'dict', name: 'keys.TSPhrases.txt' }, contentScript)).toEqual({
        ok: true,
        text: '表',
      });
      expect(await dispatch({ type: 'dict', name: 'missing.txt' }, contentScript)).toEqual({
        ok: false,
        error: 'dictionary missing.txt: HTTP 404',
      });
      expect(dispatch({ type: 'dict', name: '../manifest.json' }, contentScript)).toBeUndefined();
      expect(
        dispatch({ type: 'dict', name: 'keys.TSPhrases.txt' }, { url: 'http://evil.example/' }),
      ).toBeUndefined();
      expect(fetched).toEqual([`${ORIGIN}/dicts/keys.TSPhrases.txt`, `${ORIGIN}/dicts/missing.txt`]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('injects the content script only where it is not running', async () => {
    const alive = fakeBrowser({ contentAlive: true });
    expect(await ensureContentScript(alive.browser, 3)).toBe(true);
    expect(alive.injected).toEqual([]);
    const absent = fakeBrowser();
    expect(await ensureContentScript(absent.browser, 4)).toBe(true);
    expect(absent.injected).toEqual([4]);
    const refused = fakeBrowser({ injectFails: true });
    expect(await ensureContentScript(refused.browser, 5)).toBe(false);
  });
});
