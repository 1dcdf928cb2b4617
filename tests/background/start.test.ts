import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { ensureContentScript, startBackground } from '../../lib/background/start';
import type { Article } from '../../lib/article/record';
import { openTestArchive } from '../archive/helpers';
import { MAX_CLIPPING_TEXT, PART_BLOCKS, PART_CHARS, sendRequest } from '../../lib/messaging/contract';
import { DICT_PART_CHARS } from '../../lib/convert/load-extension';
import { sendSave, splitIntoParts, type Send } from '../../lib/messaging/transfer';
import { bodyText } from '../../lib/article/body-text';

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
  const contentScript = {
    id: ID,
    tab: { id: 7, url: 'http://www.example.gov.cn/a.html' },
    url: 'http://www.example.gov.cn/a.html',
    frameId: 0,
  };
  const popup = { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN };
  let dbCount = 0;
  const freshBackground = (options: Parameters<typeof fakeBrowser>[0] = {}) => {
    const fake = fakeBrowser(options);
    const db = openTestArchive({ name: `background-${++dbCount}` });
    startBackground(fake.browser, { openArchive: () => db });
    return { ...fake, db };
  };

  it('answers our content scripts and pages', async () => {
    const { dispatch } = freshBackground();
    expect(await dispatch({ type: 'ping' }, popup)).toEqual({ ok: true, version: '9.9.9' });
    expect(await dispatch({ type: 'ping' }, contentScript)).toEqual({ ok: true, version: '9.9.9' });
    expect(await dispatch({ type: 'lookup' }, contentScript)).toEqual({ saved: false });
    expect(await dispatch({ type: 'save', article }, contentScript)).toEqual({ ok: true, created: true });
    expect(await dispatch({ type: 'save', article }, contentScript)).toEqual({ ok: true, created: false });
    expect(await dispatch({ type: 'lookup' }, contentScript)).toEqual({ saved: true });
  });

  it("says which other sites a tab's story is saved from, only to that tab's content script", async () => {
    const { dispatch } = freshBackground();
    const body = '示例省召开全省防汛抗旱工作会议，总结去年工作，部署今年重点任务，压紧压实各级责任。';
    const story = { ...article, blocks: [{ type: 'p' as const, text: body }] };
    const mirror = { ...contentScript, tab: { id: 8, url: 'http://mirror.example.com/b.html' } };
    expect(await dispatch({ type: 'reprints', body }, mirror)).toEqual({ sites: [] });
    expect(await dispatch({ type: 'save', article: story }, contentScript)).toMatchObject({ ok: true });
    expect(await dispatch({ type: 'reprints', body }, mirror)).toEqual({ sites: ['example.gov.cn'] });
    // The tab that saved it is not told about itself.
    expect(await dispatch({ type: 'reprints', body }, contentScript)).toEqual({ sites: [] });
    expect(dispatch({ type: 'reprints', body }, popup)).toBeUndefined();
    expect(dispatch({ type: 'reprints', body, url: 'http://x.example/' }, mirror)).toBeUndefined();
    expect(dispatch({ type: 'reprints', body: 'x'.repeat(6_001) }, mirror)).toBeUndefined();
    expect(
      await dispatch({ type: 'reprints', body }, { ...mirror, tab: { id: 9, url: 'chrome://settings/' } }),
    ).toEqual({
      sites: [],
    });
  });

  it("answers an extension page with a clipping's copies, and refuses content scripts", async () => {
    const { dispatch, db } = freshBackground();
    const body = '示例省召开全省防汛抗旱工作会议，总结去年工作，部署今年重点任务，压紧压实各级责任。';
    const story = { ...article, blocks: [{ type: 'p' as const, text: body }] };
    const mirror = { ...contentScript, tab: { id: 8, url: 'http://mirror.example.com/b.html' } };
    expect(await dispatch({ type: 'save', article: story }, contentScript)).toMatchObject({ ok: true });
    const [first] = await db.clippings.toCollection().primaryKeys();
    // Alone in the archive: no copies.
    expect(await dispatch({ type: 'copies', id: first }, popup)).toEqual({ copies: [] });
    expect(
      await dispatch({ type: 'save', article: { ...story, siteName: '镜像', canonicalUrl: '' } }, mirror),
    ).toMatchObject({
      ok: true,
    });
    const reply = (await dispatch({ type: 'copies', id: first }, popup)) as {
      copies: Array<{ url: string }>;
    };
    expect(reply.copies.map((c) => c.url).sort()).toEqual([
      'http://mirror.example.com/b.html',
      'http://www.example.gov.cn/a.html',
    ]);
    // The reply passes the contract the reader checks it against.
    await expect(
      sendRequest(async (m) => dispatch(m, popup), { type: 'copies', id: String(first) }),
    ).resolves.toEqual(reply);
    // A web page's content script learns nothing of other clippings; malformed asks are ignored.
    expect(dispatch({ type: 'copies', id: first }, contentScript)).toBeUndefined();
    expect(dispatch({ type: 'copies', id: '' }, popup)).toBeUndefined();
    expect(dispatch({ type: 'copies', id: 'x'.repeat(201) }, popup)).toBeUndefined();
    expect(dispatch({ type: 'copies', id: first, extra: 1 }, popup)).toBeUndefined();
    expect(await dispatch({ type: 'copies', id: 'no-such-clipping' }, popup)).toEqual({ copies: [] });
  });

  it('ignores other senders and malformed messages', async () => {
    const { dispatch } = freshBackground();
    expect(dispatch({ type: 'ping' }, { id: 'another-extension', tab: { id: 1 } })).toBeUndefined();
    expect(dispatch({ type: 'ping' }, { url: 'http://evil.example/' })).toBeUndefined();
    expect(await dispatch({ type: 'save', article: { ...article, title: 42 } }, contentScript)).toEqual({
      ok: false,
      code: 'invalid',
    });
    expect(dispatch({ type: 'drop-database' }, contentScript)).toBeUndefined();
  });

  it('relays a packaged dictionary to content scripts in parts, and nothing outside dicts/', async () => {
    const { browser, dispatch } = fakeBrowser();
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    const table = '表'.repeat(DICT_PART_CHARS + 1);
    globalThis.fetch = (async (url: string) => {
      fetched.push(url);
      return url.endsWith('/dicts/keys.TSPhrases.txt')
        ? new Response(table)
        : new Response('', { status: 404 });
    }) as typeof fetch;
    try {
      startBackground(browser);
      const part = (n: number) =>
        dispatch({ type: 'dict', name: 'keys.TSPhrases.txt', part: n }, contentScript);
      expect(await part(0)).toEqual({ ok: true, text: table.slice(0, DICT_PART_CHARS), parts: 2 });
      expect(await part(1)).toEqual({ ok: true, text: '表', parts: 2 });
      expect(await part(2)).toEqual({ ok: false, error: 'dictionary keys.TSPhrases.txt: no part 2 of 2' });
      expect(await dispatch({ type: 'dict', name: 'missing.txt', part: 0 }, contentScript)).toEqual({
        ok: false,
        error: 'dictionary missing.txt: HTTP 404',
      });
      expect(dispatch({ type: 'dict', name: '../manifest.json', part: 0 }, contentScript)).toBeUndefined();
      expect(dispatch({ type: 'dict', name: 'keys.TSPhrases.txt', part: -1 }, contentScript)).toBeUndefined();
      expect(dispatch({ type: 'dict', name: 'keys.TSPhrases.txt' }, contentScript)).toBeUndefined();
      expect(
        dispatch({ type: 'dict', name: 'keys.TSPhrases.txt', part: 0 }, { url: 'http://evil.example/' }),
      ).toBeUndefined();
      // Each table is read once, however many parts are asked for.
      expect(fetched).toEqual([`${ORIGIN}/dicts/keys.TSPhrases.txt`, `${ORIGIN}/dicts/missing.txt`]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('answers a save before a dictionary part asked for while the save is in flight', async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => new Response('表')) as unknown as typeof fetch;
    try {
      const { dispatch } = freshBackground();
      // The table is read before the save, so the part could be answered at once.
      await dispatch({ type: 'dict', name: 'keys.TSPhrases.txt', part: 0 }, contentScript);
      const answered: string[] = [];
      const save = (dispatch({ type: 'save', article }, contentScript) as Promise<unknown>).then((reply) => {
        answered.push('save');
        return reply;
      });
      const dict = (
        dispatch({ type: 'dict', name: 'keys.TSPhrases.txt', part: 0 }, contentScript) as Promise<unknown>
      ).then((reply) => {
        answered.push('dict');
        return reply;
      });
      expect(await Promise.all([save, dict])).toEqual([
        { ok: true, created: true },
        { ok: true, text: '表', parts: 1 },
      ]);
      expect(answered).toEqual(['save', 'dict']);
      // With no save in flight a part is answered at once, and a failed save does not hold parts back.
      const failed = dispatch(
        { type: 'save', article: { ...article, url: 'javascript:alert(1)' } },
        contentScript,
      );
      await failed;
      expect(await dispatch({ type: 'dict', name: 'keys.TSPhrases.txt', part: 0 }, contentScript)).toEqual({
        ok: true,
        text: '表',
        parts: 1,
      });
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('gives each message only the sender it needs (least privilege)', async () => {
    const { dispatch, db, injected } = freshBackground();
    const other = 'https://www.other.gov.cn/b.html';
    const tabOn = (url: string) => ({ id: ID, tab: { id: 9, url }, url, frameId: 0 });
    // The reader's clipping of another site, which pages must neither see nor touch.
    expect(await dispatch({ type: 'save', article: { ...article, url: other } }, tabOn(other))).toEqual({
      ok: true,
      created: true,
    });
    const victim = await db.clippings.where('url').equals(other).first();

    const hostile: Array<[string, unknown, unknown, unknown]> = [
      // [what, message, sender, expected reply (undefined: ignored)]
      ['activate from a content script', { type: 'activate', tabId: 12345 }, contentScript, undefined],
      [
        'activate from a web page',
        { type: 'activate', tabId: 1 },
        { url: 'https://evil.example/' },
        undefined,
      ],
      ['save from an extension page', { type: 'save', article }, popup, undefined],
      ['lookup from an extension page', { type: 'lookup' }, popup, undefined],
      ['lookup of another URL', { type: 'lookup', url: other }, contentScript, undefined],
      ['lookup with a canonical URL', { type: 'lookup', canonicalUrl: other }, contentScript, undefined],
      [
        'lookup with a content hash',
        { type: 'lookup', contentHash: victim!.contentHash },
        contentScript,
        undefined,
      ],
      [
        'save from a chrome:// tab',
        { type: 'save', article },
        tabOn('chrome://settings/'),
        { ok: false, code: 'refused' },
      ],
      [
        'save from a data: tab',
        { type: 'save', article },
        tabOn('data:text/html,x'),
        { ok: false, code: 'refused' },
      ],
      [
        'save from a javascript: tab',
        { type: 'save', article },
        tabOn('javascript:alert(1)'),
        { ok: false, code: 'refused' },
      ],
      [
        'save from a subframe without tab URL',
        { type: 'save', article },
        { id: ID, tab: { id: 3 }, url: other, frameId: 5 },
        { ok: false, code: 'refused' },
      ],
      [
        'save naming a javascript: URL',
        { type: 'save', article: { ...article, url: 'javascript:alert(1)' } },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save naming a javascript: canonical',
        { type: 'save', article: { ...article, canonicalUrl: 'javascript:alert(1)' } },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save with a NUL',
        { type: 'save', article: { ...article, title: 'a\u0000b' } },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save with a lone surrogate',
        { type: 'save', article: { ...article, title: 'a\uD800b' } },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save with U+FFFF',
        { type: 'save', article: { ...article, source: '\uFFFF' } },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save with a data: image',
        {
          type: 'save',
          article: { ...article, blocks: [{ type: 'figure', src: 'data:image/png;base64,AA' }] },
        },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save with an unknown field',
        { type: 'save', article, id: victim!.id },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save with an id in the article',
        { type: 'save', article: { ...article, id: victim!.id } },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      [
        'save of too many blocks',
        {
          type: 'save',
          article: { ...article, blocks: Array.from({ length: 100_001 }, () => ({ type: 'p', text: '字' })) },
        },
        contentScript,
        { ok: false, code: 'invalid' },
      ],
      ['ping with extra fields', { type: 'ping', tabId: 1 }, contentScript, undefined],
    ];
    for (const [what, message, sender, expected] of hostile) {
      expect(await dispatch(message, sender), what).toEqual(expected);
    }
    expect(injected).toEqual([]);

    // A page naming the victim as its URL and canonical link, with its text: saved as its own page.
    const claim = {
      ...article,
      url: other,
      canonicalUrl: other,
      title: '冒名',
      contentHash: victim!.contentHash,
    };
    expect(await dispatch({ type: 'save', article: claim }, contentScript)).toEqual({
      ok: true,
      created: true,
    });
    expect(await db.clippings.get(victim!.id)).toEqual(victim);
    const own = await db.clippings.where('url').equals(contentScript.tab.url).first();
    expect(own).toMatchObject({ url: contentScript.tab.url, canonicalUrl: other, title: '冒名' });
    // The popup may activate a tab.
    expect(await dispatch({ type: 'activate', tabId: 4 }, popup)).toEqual({ ok: true });
    expect(injected).toEqual([4]);
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

  describe('a clipping too large for one message', () => {
    // A long law: one paragraph longer than two parts, astral characters (𠀀) straddling each cut,
    // then 6,000 numbered articles and a figure.
    const piece = '第一条 为了规范行政行为，保护公民、法人和其他组织的合法权益，制定本法。';
    const longParagraph = `${'法'.repeat(PART_CHARS - 1)}𠀀${piece.repeat(Math.ceil(PART_CHARS / piece.length) + 1)}𠀀𠀀`;
    const law: Article = {
      ...article,
      blocks: [
        { type: 'p', text: longParagraph },
        ...Array.from({ length: 6_000 }, (_, i) => ({ type: 'p' as const, text: `第${i + 1}条 ${piece}` })),
        { type: 'figure', src: 'https://img.example.gov.cn/a.jpg', caption: '图' },
      ],
    };
    const throughContract =
      (dispatch: (m: unknown, s: unknown) => unknown, sender: unknown): Send =>
      (request) =>
        sendRequest((message) => Promise.resolve(dispatch(message, sender)), request);

    it('is cut into parts within the limits, never inside a surrogate pair', () => {
      const parts = splitIntoParts(law.blocks);
      expect(parts.length).toBeGreaterThan(3);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(PART_BLOCKS);
        const chars = part.reduce((n, b) => n + (b.type === 'figure' ? 1 : b.text.length), 0);
        expect(chars).toBeLessThanOrEqual(PART_CHARS);
        for (const b of part)
          if (b.type !== 'figure') expect(b.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
    });

    it('saves whole, in one transaction, field for field', async () => {
      const { dispatch, db } = freshBackground();
      const sent: string[] = [];
      const send: Send = (request) => {
        sent.push(request.type);
        return throughContract(dispatch, contentScript)(request);
      };
      const started = Date.now();
      expect(await sendSave(send, law, false)).toEqual({ ok: true, created: true });
      process.stdout.write(
        `background: ${law.blocks.length} blocks saved in parts in ${Date.now() - started} ms\n`,
      );
      expect(sent[0]).toBe('save-start');
      expect(sent.at(-1)).toBe('save-end');
      const stored = await db.clippings.where('url').equals(article.url).first();
      expect(stored?.blocks).toEqual(law.blocks);
      expect(bodyText(stored!)).toBe(bodyText(law));
      // Saved again in parts, it updates the same clipping.
      expect(await sendSave(throughContract(dispatch, contentScript), law, false)).toEqual({
        ok: true,
        created: false,
      });
      expect(await db.clippings.count()).toBe(1);
    });

    it(`refuses more than ${MAX_CLIPPING_TEXT.toLocaleString('en')} characters as too large, changing nothing`, async () => {
      const { dispatch, db } = freshBackground();
      const huge: Article = {
        ...article,
        blocks: Array.from({ length: 11 }, () => ({
          type: 'p' as const,
          text: '法'.repeat(MAX_CLIPPING_TEXT / 10),
        })),
      };
      const sent: string[] = [];
      const send: Send = (request) => {
        sent.push(request.type);
        return throughContract(dispatch, contentScript)(request);
      };
      expect(await sendSave(send, huge, false)).toEqual({ ok: false, code: 'too-large' });
      expect(sent).toEqual([]);
      // A content script that sends it anyway, whole or announced in parts, is refused too.
      expect(await dispatch({ type: 'save', article: huge }, contentScript)).toEqual({
        ok: false,
        code: 'too-large',
      });
      const { blocks, ...meta } = huge;
      expect(
        await dispatch(
          {
            type: 'save-start',
            article: { ...meta, blocks: [] },
            blocks: blocks.length,
            chars: MAX_CLIPPING_TEXT + 1,
          },
          contentScript,
        ),
      ).toEqual({ ok: false, code: 'too-large' });
      expect(await db.clippings.count()).toBe(0);
    });

    it('answers a worker stopped mid-transfer and every malformed part clearly, saving nothing', async () => {
      const { dispatch, db } = freshBackground();
      const start = (extra: object = {}) =>
        dispatch(
          { type: 'save-start', article: { ...article, blocks: [] }, blocks: 2, chars: 6, ...extra },
          contentScript,
        ) as Promise<{ ok: boolean; transfer: string }>;
      const part = (transfer: string, seq: number, blocks: unknown[], sender: unknown = contentScript) =>
        dispatch({ type: 'save-part', transfer, seq, blocks }, sender);
      const p = (text: string) => ({ type: 'p', text });
      const otherTab = { ...contentScript, tab: { id: 8, url: contentScript.url } };

      // The worker restarted: a fresh background never heard of the transfer.
      const { transfer } = await start();
      const restarted = fakeBrowser();
      startBackground(restarted.browser, { openArchive: () => db });
      expect(
        await restarted.dispatch(
          { type: 'save-part', transfer, seq: 0, blocks: [p('一二三')] },
          contentScript,
        ),
      ).toEqual({
        ok: false,
        code: 'interrupted',
      });
      expect(await restarted.dispatch({ type: 'save-end', transfer, parts: 1 }, contentScript)).toEqual({
        ok: false,
        code: 'interrupted',
      });

      const cases: Array<[string, (id: string) => unknown, unknown]> = [
        ['a part out of order', (id) => part(id, 1, [p('一二三')]), { ok: false, code: 'invalid' }],
        [
          'a piece with nothing to continue',
          (id) => part(id, 0, [{ type: 'more', text: '一二三' }]),
          { ok: false, code: 'invalid' },
        ],
        [
          'more characters than announced',
          (id) => part(id, 0, [p('一二三四五六七')]),
          { ok: false, code: 'invalid' },
        ],
        [
          'more blocks than announced',
          (id) => part(id, 0, [p('一'), p('二'), p('三')]),
          { ok: false, code: 'invalid' },
        ],
        ['a lone surrogate', (id) => part(id, 0, [p('一\uD800')]), { ok: false, code: 'invalid' }],
        [
          'a javascript: figure',
          (id) => part(id, 0, [{ type: 'figure', src: 'javascript:alert(1)' }]),
          { ok: false, code: 'invalid' },
        ],
        [
          'a part over the part size',
          (id) => part(id, 0, [p('法'.repeat(PART_CHARS + 1))]),
          { ok: false, code: 'invalid' },
        ],
        [
          'an end before every part',
          async (id) => {
            await part(id, 0, [p('一二三')]);
            return dispatch({ type: 'save-end', transfer: id, parts: 1 }, contentScript);
          },
          { ok: false, code: 'invalid' },
        ],
        [
          'a part from another tab',
          (id) => part(id, 0, [p('一二三')], otherTab),
          { ok: false, code: 'refused' },
        ],
        [
          'an invented transfer',
          () => part('00000000-0000-4000-8000-000000000000', 0, [p('一二三')]),
          { ok: false, code: 'interrupted' },
        ],
        ['an extension page', (id) => part(id, 0, [p('一二三')], popup), undefined],
      ];
      for (const [what, attack, expected] of cases) {
        const { transfer: id } = await start();
        expect([what, await attack(id)]).toEqual([what, expected]);
      }
      // A part another tab sent does not disturb the owner's transfer.
      const { transfer: owned } = await start();
      await part(owned, 0, [p('一')], otherTab);
      expect(await part(owned, 0, [p('一二三'), p('四五六')])).toEqual({ ok: true });
      expect(await db.clippings.count()).toBe(0);
      expect(await dispatch({ type: 'save-end', transfer: owned, parts: 1 }, contentScript)).toEqual({
        ok: true,
        created: true,
      });
    });
  });
});
