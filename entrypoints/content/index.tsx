import browser from 'webextension-polyfill';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NEWS_MATCHES } from '../../lib/sites/matches';
import { checkArticle } from '../../lib/detect/index';
import { extractArticle } from '../../lib/clean/article';
import { parseTabCommand, sendRequest, type Request, type RequestType } from '../../lib/messaging/contract';
import { createPageController, type PageController } from '../../lib/page/controller';
import { Toolbar } from '../../components/toolbar/toolbar';
import { createToggle, createPrefsPort } from './toggle';
import { detectScript } from '../../lib/text/script';
import { loadToolbarPrefs, setToolbarMode, toolbarModeFor } from '../../lib/page/site-prefs';
import { createTranslate } from '../../components/shared/translate';
// Inlined so the toolbar styles reach pages injected on demand too (no web-accessible CSS file).
import toolbarCss from '../../assets/toolbar.css?inline';

const HOST_TAG = 'baozhai-toolbar';

export default defineContentScript({
  matches: NEWS_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => mountToolbar(ctx),
});

async function mountToolbar(ctx: ContentScriptContext): Promise<void> {
  // Injected on demand into a page that already has us (action clicked twice): keep the first.
  if (document.querySelector(HOST_TAG)) return;
  const send = <T extends RequestType>(request: Extract<Request, { type: T }>) =>
    sendRequest((message) => browser.runtime.sendMessage(message), request);
  const isOwnNode = (node: Node) => node instanceof Element && node.tagName.toLowerCase() === HOST_TAG;

  const controller = createPageController({
    doc: document,
    url: location.href,
    send,
    checkArticle,
    extractArticle,
    createToggle: () => createToggle(document, isOwnNode),
    prefs: createPrefsPort(browser.storage.local, location.hostname),
    // A sample of the page text as loaded (detectScript samples long texts itself).
    judgeScript: (doc) => detectScript(doc.body?.textContent ?? ''),
    whenIdle: (work) => requestIdleCallback(work, { timeout: 2000 }),
    toolbarPrefs: {
      load: async () => toolbarModeFor(await loadToolbarPrefs(browser.storage.local), location.hostname),
      save: async (mode) => void (await setToolbarMode(browser.storage.local, location.hostname, mode)),
    },
  });

  const t = createTranslate(browser.i18n);
  const ui = await createShadowRootUi<() => void>(ctx, {
    name: HOST_TAG,
    // Closed: page script cannot reach the toolbar's buttons or read its state.
    mode: 'closed',
    css: toolbarCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container, shadow, host) => {
      host.setAttribute('translate', 'no');
      refuseUntrustedEvents(shadow);
      return controller.subscribe((state) =>
        render(
          <Toolbar
            t={t}
            {...state}
            onToggle={() => void controller.toggle()}
            onSave={() => void controller.requestSave()}
            onConfirmSave={() => void controller.confirmSave()}
            onCancelSave={() => controller.cancelSave()}
            onMode={(mode) => void controller.setToolbarMode(mode)}
            onVariant={(variant) => void controller.setVariant(variant)}
            onAlwaysForSite={(always) => void controller.setAlwaysForSite(always)}
          />,
          container,
        ),
      );
    },
    onRemove: (unsubscribe) => unsubscribe?.(),
  });
  ui.mount();

  listenForCommands(controller);
  void controller.loadShortcut();
  await controller.applyPrefs();
  await controller.detect();
}

// Every kind of event a control of the toolbar acts on.
const ACTING_EVENTS = ['click', 'change', 'input', 'keydown', 'keyup', 'submit', 'pointerdown', 'mousedown'];

/**
 * Only the reader acts: an event a script made (isTrusted false) is stopped at the shadow root,
 * before any control of the toolbar sees it.
 */
function refuseUntrustedEvents(shadow: ShadowRoot): void {
  for (const type of ACTING_EVENTS) {
    shadow.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) event.stopImmediatePropagation();
      },
      { capture: true },
    );
  }
}

/** Commands from the background: keyboard shortcuts and context-menu entries. */
function listenForCommands(controller: PageController): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const command = parseTabCommand(message);
    if (!command) return undefined;
    if (command.type === 'ping') return Promise.resolve(true);
    // The popup waits for the outcome of a save (it asks before keeping a page that is no article).
    // The shortcut and the menu send no `ask`: the toolbar itself asks before keeping a non-article.
    if (command.type === 'save-page')
      return command.ask === undefined ? controller.requestSave() : controller.save(command);
    if (command.type === 'toggle-script') void controller.toggle();
    return Promise.resolve(true);
  });
}
