import type { Article, DetectionReason } from '../article/record';
import { normaliseArticle } from '../article/valid';
import { MAX_REPRINT_BODY, NoReplyError, type SavePageReply } from '../messaging/contract';
import { sendSave, type Send } from '../messaging/transfer';
import { fingerprintBody } from '../archive/fingerprint';
import type { ScriptState, ToolbarState, Variant } from './types';

/** What the page controller needs from its surroundings; the content script passes the real ones. */
export interface ControllerDeps {
  doc: Document;
  url: string;
  /** Sends one request of our contract and resolves to its validated reply (see sendRequest). */
  send: Send;
  checkArticle: (doc: Document, url: string) => { isArticle: boolean; reasons: DetectionReason[] };
  extractArticle: (doc: Document, url: string) => Article;
  /** Builds the page toggle lazily (it pulls in the converter only on first use). */
  createToggle: () => Promise<PageToggleLike>;
  prefs: PrefsPort;
  /** The script of the page as loaded, judged from its text: names what the first toggle does. */
  judgeScript?: (doc: Document) => 'hans' | 'hant' | 'mixed';
  /** The toolbar's per-site display choice. */
  toolbarPrefs?: {
    load(): Promise<ToolbarState['toolbarMode']>;
    save(mode: ToolbarState['toolbarMode']): Promise<void>;
  };
  /** Runs work when the page is idle (requestIdleCallback); without it nothing is prepared ahead. */
  whenIdle?: (work: () => void) => void;
}

export interface PageToggleLike {
  readonly state: ScriptState;
  /** Direction the first toggle takes, judged from the page text. */
  readonly direction: 'to-hant' | 'to-hans';
  toggle(): Promise<void>;
  convert(direction: 'to-hant' | 'to-hans'): Promise<void>;
  restore(): void;
  setVariant(variant: Variant): Promise<void>;
  /** Load the converter for `direction` ahead of the first click (its dictionaries come by message). */
  prepare?(direction: 'to-hant' | 'to-hans'): Promise<void>;
}

export interface PrefsPort {
  load(): Promise<{ variant: Variant; site: 'hans' | 'hant' | null }>;
  setVariant(variant: Variant): Promise<void>;
  setSite(script: 'hans' | 'hant' | null): Promise<void>;
}

export type ControllerState = ToolbarState;

/** The content script's state machine: detection, 简/繁 toggle, save; rendering subscribes to it. */
export function createPageController(deps: ControllerDeps) {
  let state: ControllerState = {
    detection: { kind: 'pending' },
    script: 'original',
    nextDirection: 'to-hant',
    saveState: 'idle',
    variant: 'twp',
    alwaysForSite: false,
    toolbarMode: 'shown',
  };
  const listeners = new Set<(s: ControllerState) => void>();
  let article: Article | undefined;
  let toggle: Promise<PageToggleLike> | undefined;
  // The saves sent and not yet answered, settled or not: the prefetch waits for them.
  let saving: Promise<unknown> = Promise.resolve();
  const savesSettled = async (): Promise<void> => {
    let seen: Promise<unknown>;
    do {
      seen = saving;
      await seen;
    } while (seen !== saving);
  };

  const update = (patch: Partial<ControllerState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  const getToggle = () => (toggle ??= deps.createToggle());

  // Extraction reads the page as first loaded: a converted page is never what gets saved.
  // Normalised here so what is sent always passes the contract (lib/article/valid.ts).
  const getArticle = (): Article => (article ??= normaliseArticle(deps.extractArticle(deps.doc, deps.url)));

  async function syncToggleState(t: PageToggleLike): Promise<void> {
    update({ script: t.state, nextDirection: t.direction });
  }

  return {
    get state() {
      return state;
    },
    subscribe(listener: (s: ControllerState) => void): () => void {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },

    /** Run the cheap check, then (on articles) the full extraction and the archive lookup. */
    async detect(): Promise<void> {
      // Before the converter loads, the label must already name what a click does (简 on a 繁 page).
      if (deps.judgeScript && !toggle)
        update({ nextDirection: deps.judgeScript(deps.doc) === 'hant' ? 'to-hans' : 'to-hant' });
      const check = deps.checkArticle(deps.doc, deps.url);
      if (!check.isArticle) {
        update({ detection: { kind: 'quiet', reasons: check.reasons } });
        return;
      }
      const extracted = getArticle();
      const { detection } = extracted;
      update({
        detection: detection.isArticle
          ? { kind: detection.isGovNews ? 'gov-news' : 'article', reasons: detection.reasons }
          : {
              kind: 'quiet',
              reasons: detection.reasons.filter(
                (r): r is DetectionReason => typeof r !== 'string' && r.about === 'article',
              ),
            },
      });
      // On an article the reader is likely to toggle: the dictionaries arrive by message from the
      // background (100–150 ms), so fetch them while the page is idle and the first click is instant,
      // but after any save in flight: the relay would hold the worker and this page's thread.
      if (detection.isArticle && deps.whenIdle)
        deps.whenIdle(() => {
          void savesSettled()
            .then(getToggle)
            .then((t) => t.prepare?.(state.nextDirection))
            .catch(() => undefined);
        });
      const body = fingerprintBody(extracted).slice(0, MAX_REPRINT_BODY);
      const [found, copies] = await Promise.all([
        deps.send({ type: 'lookup' }).catch(() => ({ saved: false })),
        deps.send({ type: 'reprints', body }).catch(() => ({ sites: [] as string[] })),
      ]);
      if (found.saved) update({ saveState: 'saved' });
      if (copies.sites.length) update({ savedFrom: copies.sites });
    },

    /** Apply stored preferences: the variant, and "always show this site in 简/繁". */
    async applyPrefs(): Promise<void> {
      if (deps.toolbarPrefs) update({ toolbarMode: await deps.toolbarPrefs.load() });
      const prefs = await deps.prefs.load();
      update({ variant: prefs.variant, alwaysForSite: prefs.site !== null });
      if (!prefs.site) return;
      const t = await getToggle();
      await t.setVariant(prefs.variant);
      const wanted = prefs.site === 'hant' ? 'to-hant' : 'to-hans';
      // Only convert when the page is not already in the wanted script.
      if (t.direction === wanted) await t.convert(wanted);
      await syncToggleState(t);
    },

    async toggle(): Promise<void> {
      const t = await getToggle();
      await t.setVariant(state.variant);
      await t.toggle();
      await syncToggleState(t);
      if (state.alwaysForSite) await deps.prefs.setSite(scriptShown(t));
    },

    /**
     * Save the page. A page that is not an article (the toolbar stayed quiet, or extraction found
     * no article) is saved marked as a page; with `ask`, only once `asPage` confirms it.
     */
    async save(options: { ask?: boolean; asPage?: boolean } = {}): Promise<SavePageReply> {
      let notArticle: boolean;
      let extracted: Article;
      try {
        extracted = getArticle();
        notArticle = state.detection.kind === 'quiet' || !extracted.detection.isArticle;
      } catch {
        // Extraction itself failed on this page.
        update({ saveState: 'error', saveError: 'invalid' });
        return { status: 'failed', code: 'invalid' };
      }
      if (notArticle && options.ask && !options.asPage) return { status: 'not-article' };
      update({ saveState: 'saving', saveError: undefined });
      try {
        // One message, or parts when the article is too large for one (lib/messaging/transfer.ts).
        const sent = sendSave(deps.send, extracted, notArticle);
        saving = Promise.allSettled([saving, sent]);
        const reply = await sent;
        if (reply.ok) {
          update({ saveState: 'saved' });
          return { status: 'saved', created: reply.created, asPage: notArticle };
        }
        update({ saveState: 'error', saveError: reply.code });
        return { status: 'failed', code: reply.code };
      } catch (error) {
        const code = error instanceof NoReplyError ? error.code : 'failed';
        update({ saveState: 'error', saveError: code });
        return { status: 'failed', code };
      }
    },

    /** The toolbar's save: a page that is not an article waits for the reader's confirmation. */
    async requestSave(): Promise<SavePageReply> {
      const reply = await this.save({ ask: true });
      // Hidden toolbar: nobody can be asked, so the page is saved marked as a page, as the shortcut did.
      if (reply.status === 'not-article' && state.toolbarMode === 'hidden')
        return this.save({ ask: true, asPage: true });
      if (reply.status === 'not-article') update({ saveState: 'confirm' });
      return reply;
    },

    confirmSave(): Promise<SavePageReply> {
      return this.save({ ask: true, asPage: true });
    },

    cancelSave(): void {
      update({ saveState: 'idle' });
    },

    /** Hide or collapse the toolbar on this site, or show it again; remembered per site. */
    async setToolbarMode(mode: ToolbarState['toolbarMode']): Promise<void> {
      update({ toolbarMode: mode });
      await deps.toolbarPrefs?.save(mode);
    },

    /** Ask the background which key is bound to the toggle, for the button's title. */
    async loadShortcut(): Promise<void> {
      const bound = await deps.send({ type: 'shortcuts' }).catch(() => undefined);
      if (bound) update({ shortcut: bound['toggle-script'] });
    },

    async setVariant(variant: Variant): Promise<void> {
      update({ variant });
      await deps.prefs.setVariant(variant);
      if (!toggle) return;
      const t = await toggle;
      await t.setVariant(variant);
      if (t.state === 'to-hant') {
        t.restore();
        await t.convert('to-hant');
      }
      await syncToggleState(t);
    },

    async setAlwaysForSite(always: boolean): Promise<void> {
      update({ alwaysForSite: always });
      if (!always) return deps.prefs.setSite(null);
      const t = await getToggle();
      await deps.prefs.setSite(scriptShown(t));
    },
  };
}

/** Which script the page shows now, for the per-site preference. */
function scriptShown(t: PageToggleLike): 'hans' | 'hant' {
  if (t.state === 'to-hant') return 'hant';
  if (t.state === 'to-hans') return 'hans';
  return t.direction === 'to-hant' ? 'hans' : 'hant';
}

export type PageController = ReturnType<typeof createPageController>;
