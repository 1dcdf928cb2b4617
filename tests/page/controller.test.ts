import type { DetectionReason } from '../../lib/article/record';
import { describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { createPageController, type ControllerDeps, type PageToggleLike } from '../../lib/page/controller';
import type { Article } from '../../lib/article/record';
import type { Variant } from '../../lib/page/types';
import { parseRequest, sendRequest, type Request } from '../../lib/messaging/contract';

const URL_ = 'http://www.example.gov.cn/2026-11/20/content_1.htm';

function makeArticle(isGovNews: boolean): Article {
  return {
    url: URL_,
    canonicalUrl: URL_,
    siteName: '',
    title: 't',
    kicker: '',
    subtitle: '',
    originalTitle: '',
    publishedAt: '',
    source: '',
    authors: [],
    editors: [],
    people: [],
    blocks: [{ type: 'p', text: '正文' }],
    script: 'hans',
    detection: { isArticle: true, isGovNews, score: isGovNews ? 0.9 : 0.1, reasons: ['r1', 'r2'] },
    extractedAt: '',
    contentHash: 'abcdef12',
  };
}

function fakeToggle(direction: 'to-hant' | 'to-hans' = 'to-hant'): PageToggleLike & { variants: Variant[] } {
  let state: PageToggleLike['state'] = 'original';
  const variants: Variant[] = [];
  return {
    variants,
    get state() {
      return state;
    },
    direction,
    toggle: async () => {
      state = state === 'original' ? direction : 'original';
    },
    convert: async (d) => {
      state = d;
    },
    restore: () => {
      state = 'original';
    },
    setVariant: async (v) => void variants.push(v),
  };
}

function makeDeps(
  overrides: Partial<ControllerDeps> = {},
): ControllerDeps & { sent: unknown[]; site: Array<string | null> } {
  const sent: unknown[] = [];
  const site: Array<string | null> = [];
  const toggle = fakeToggle();
  return {
    sent,
    site,
    doc: new JSDOM('<p>x</p>').window.document,
    url: URL_,
    send: (async (request: { type: string }) => {
      sent.push(request);
      if (request.type === 'lookup') return { saved: false };
      if (request.type === 'reprints') return { sites: ['hebnews.cn'] };
      if (request.type === 'save') return { ok: true, id: 'c1', created: true };
      return { ok: true, version: '0' };
    }) as ControllerDeps['send'],
    checkArticle: () => ({ isArticle: true, reasons: [] }),
    extractArticle: vi.fn(() => makeArticle(true)),
    createToggle: async () => toggle,
    prefs: {
      load: async () => ({ variant: 'twp', site: null }),
      setVariant: async () => undefined,
      setSite: async (s) => void site.push(s),
    },
    ...overrides,
  };
}

describe('page controller', () => {
  it('shows government news with reasons, and asks whether the page is saved', async () => {
    const deps = makeDeps();
    const controller = createPageController(deps);
    await controller.detect();
    expect(controller.state.detection).toEqual({ kind: 'gov-news', reasons: ['r1', 'r2'] });
    // Only about the tab's own page: the background knows the tab, the page names no URL.
    expect(deps.sent).toEqual([{ type: 'lookup' }, { type: 'reprints', body: expect.any(String) }]);
    expect(controller.state.savedFrom).toEqual(['hebnews.cn']);
  });

  it('loads the converter for the first toggle while the page is idle, on articles only', async () => {
    const idle: Array<() => void> = [];
    const prepared: string[] = [];
    const withPrepare = () =>
      Object.assign(fakeToggle('to-hans'), { prepare: async (d: string) => void prepared.push(d) });
    const article = createPageController(
      makeDeps({
        judgeScript: () => 'hant',
        whenIdle: (w) => idle.push(w),
        createToggle: async () => withPrepare(),
      }),
    );
    await article.detect();
    expect(prepared).toEqual([]);
    for (const work of idle.splice(0)) work();
    await vi.waitFor(() => expect(prepared).toEqual(['to-hans']));

    const quiet = createPageController(
      makeDeps({
        checkArticle: () => ({ isArticle: false, reasons: [] }),
        whenIdle: (w) => idle.push(w),
        createToggle: async () => withPrepare(),
      }),
    );
    await quiet.detect();
    expect(idle).toEqual([]);
  });

  it('waits for a save in flight before loading the converter ahead of the first toggle', async () => {
    const idle: Array<() => void> = [];
    const events: string[] = [];
    let answer: (reply: unknown) => void = () => undefined;
    const deps = makeDeps({
      whenIdle: (w) => idle.push(w),
      createToggle: async () =>
        Object.assign(fakeToggle(), { prepare: async () => void events.push('prepare') }),
    });
    const send = deps.send;
    deps.send = ((request: { type: string }) =>
      request.type === 'save'
        ? new Promise<unknown>((resolve) => (answer = resolve))
        : send(request as Parameters<typeof send>[0])) as ControllerDeps['send'];
    const controller = createPageController(deps);
    await controller.detect();
    const saved = controller.save().then(() => events.push('saved'));
    for (const work of idle.splice(0)) work();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    answer({ ok: true, created: true });
    await saved;
    await vi.waitFor(() => expect(events).toEqual(['saved', 'prepare']));
  });

  it('stays quiet, keeps why, and skips extraction when the cheap check says no article', async () => {
    const why: DetectionReason = { about: 'article', stance: 'against', key: 'indexPage', subs: ['80'] };
    const deps = makeDeps({ checkArticle: () => ({ isArticle: false, reasons: [why] }) });
    const controller = createPageController(deps);
    await controller.detect();
    expect(controller.state.detection).toEqual({ kind: 'quiet', reasons: [why] });
    expect(deps.extractArticle).not.toHaveBeenCalled();
  });

  it('saves the article extracted from the page as loaded, even after a toggle', async () => {
    const deps = makeDeps();
    const controller = createPageController(deps);
    await controller.detect();
    await controller.toggle();
    expect(controller.state.script).toBe('to-hant');
    await controller.save();
    expect(controller.state.saveState).toBe('saved');
    expect(deps.extractArticle).toHaveBeenCalledTimes(1);
  });

  it('reports a refused save with the background error code', async () => {
    const deps = makeDeps({
      send: (async () => ({ ok: false, code: 'quota' })) as ControllerDeps['send'],
    });
    const controller = createPageController(deps);
    await controller.save();
    expect(controller.state).toMatchObject({ saveState: 'error', saveError: 'quota' });
  });

  it('reports a missing or malformed reply (worker stopped mid-save) as no-reply, never a TypeError', async () => {
    const replies: Array<() => Promise<unknown>> = [
      async () => undefined,
      async () => null,
      async () => ({}),
      async () => ({ ok: true, id: 'x', created: true }),
      async () => ({ ok: false, error: 'text' }),
      async () => {
        throw new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        );
      },
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    ];
    for (const reply of replies) {
      const deps = makeDeps({
        send: ((request: Request) => sendRequest(() => reply(), request)) as ControllerDeps['send'],
      });
      const controller = createPageController(deps);
      await controller.save();
      expect(controller.state).toMatchObject({ saveState: 'error', saveError: 'no-reply' });
    }
    const tooBig = makeDeps({
      send: ((request: Request) =>
        sendRequest(async () => {
          throw new Error('Message length exceeded maximum allowed length.');
        }, request)) as ControllerDeps['send'],
    });
    const controller = createPageController(tooBig);
    await controller.save();
    expect(controller.state).toMatchObject({ saveState: 'error', saveError: 'too-large' });
  });

  it('sends a normalised article: page text with NUL, surrogates or noncharacters still saves', async () => {
    const sent: unknown[] = [];
    const deps = makeDeps({
      extractArticle: vi.fn(() => ({
        ...makeArticle(true),
        title: 'a\u0000b\uD800c\uFFFF',
        canonicalUrl: 'javascript:alert(1)',
        blocks: [{ type: 'figure' as const, src: 'data:image/png;base64,AA', caption: '图\uFFFE' }],
      })),
      send: (async (request: unknown) => {
        sent.push(request);
        return { ok: true, created: true };
      }) as ControllerDeps['send'],
    });
    const controller = createPageController(deps);
    await controller.save();
    const request = sent[0] as { type: 'save'; article: Article };
    expect(parseRequest(request)).not.toBeNull();
    expect(request.article).toMatchObject({
      title: 'abc',
      canonicalUrl: '',
      blocks: [{ type: 'figure', caption: '图' }],
    });
  });

  it('asks before saving a page that is not an article, then saves it marked as a page', async () => {
    const deps = makeDeps({ checkArticle: () => ({ isArticle: false, reasons: [] }) });
    const controller = createPageController(deps);
    await controller.detect();
    expect(await controller.save({ ask: true })).toEqual({ status: 'not-article' });
    expect(deps.sent.filter((r) => (r as { type: string }).type === 'save')).toEqual([]);
    expect(controller.state.saveState).toBe('idle');
    expect(await controller.save({ ask: true, asPage: true })).toEqual({
      status: 'saved',
      created: true,
      asPage: true,
    });
    expect(deps.sent.at(-1)).toMatchObject({ type: 'save', asPage: true });
  });

  it('saves an article without asking and without the page marking', async () => {
    const deps = makeDeps();
    const controller = createPageController(deps);
    await controller.detect();
    expect(await controller.save({ ask: true })).toEqual({ status: 'saved', created: true, asPage: false });
    expect(deps.sent.at(-1)).not.toHaveProperty('asPage');
  });

  it('applies "always show this site in 繁" at load and remembers the shown script', async () => {
    const toggle = fakeToggle('to-hant');
    const deps = makeDeps({
      createToggle: async () => toggle,
      prefs: {
        load: async () => ({ variant: 'hk', site: 'hant' }),
        setVariant: async () => undefined,
        setSite: async () => undefined,
      },
    });
    const controller = createPageController(deps);
    await controller.applyPrefs();
    expect(controller.state).toMatchObject({ script: 'to-hant', variant: 'hk', alwaysForSite: true });
    expect(toggle.variants).toEqual(['hk']);
  });

  it('does not convert a page already in the preferred script', async () => {
    const toggle = fakeToggle('to-hans');
    const deps = makeDeps({
      createToggle: async () => toggle,
      prefs: {
        load: async () => ({ variant: 'twp', site: 'hant' }),
        setVariant: async () => undefined,
        setSite: async () => undefined,
      },
    });
    const controller = createPageController(deps);
    await controller.applyPrefs();
    expect(controller.state.script).toBe('original');
  });

  it('records the site preference from what the page shows', async () => {
    const deps = makeDeps();
    const controller = createPageController(deps);
    await controller.setAlwaysForSite(true);
    await controller.toggle();
    await controller.setAlwaysForSite(false);
    expect(deps.site).toEqual(['hans', 'hant', null]);
  });

  it('names the first toggle from the page script before the converter loads (简 on a 繁 page)', async () => {
    const createToggle = vi.fn(async () => fakeToggle('to-hans'));
    const controller = createPageController(makeDeps({ judgeScript: () => 'hant', createToggle }));
    expect(controller.state.nextDirection).toBe('to-hant');
    await controller.detect();
    expect(controller.state.nextDirection).toBe('to-hans');
    expect(createToggle).not.toHaveBeenCalled();
  });

  it('the toolbar asks on a non-article, cancels, and confirms into a page save', async () => {
    const deps = makeDeps({ checkArticle: () => ({ isArticle: false, reasons: [] }) });
    const controller = createPageController(deps);
    await controller.detect();
    expect(await controller.requestSave()).toEqual({ status: 'not-article' });
    expect(controller.state.saveState).toBe('confirm');
    controller.cancelSave();
    expect(controller.state.saveState).toBe('idle');
    expect(deps.sent.filter((r) => (r as { type: string }).type === 'save')).toEqual([]);
    await controller.requestSave();
    expect(await controller.confirmSave()).toMatchObject({ status: 'saved', asPage: true });
    expect(deps.sent.at(-1)).toMatchObject({ type: 'save', asPage: true });
  });

  it('remembers the toolbar mode through its port and loads it with the preferences', async () => {
    const saved: string[] = [];
    const controller = createPageController(
      makeDeps({ toolbarPrefs: { load: async () => 'collapsed', save: async (m) => void saved.push(m) } }),
    );
    await controller.applyPrefs();
    expect(controller.state.toolbarMode).toBe('collapsed');
    await controller.setToolbarMode('hidden');
    expect(saved).toEqual(['hidden']);
  });
});
