import type { Browser } from 'webextension-polyfill';
import {
  parseSavePageReply,
  sendRequest,
  type SavePageReply,
  type TabCommand,
} from '../../lib/messaging/contract';

async function findCurrentTab(browser: Browser): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !/^https?:/.test(tab.url ?? 'http:')) return undefined;
  return tab.id;
}

/** Ask the background to run the content script in the tab; true when it runs there. */
async function activateTab(browser: Browser, tabId: number): Promise<boolean> {
  const post = (message: unknown) => browser.runtime.sendMessage(message);
  const reply = await sendRequest(post, { type: 'activate', tabId }).catch(() => null);
  return reply?.ok === true;
}

/**
 * Opening the popup is the user's gesture that grants activeTab: use it to run the content script
 * on the current tab when it is not one of the covered news sites.
 */
export async function activateCurrentTab(browser: Browser): Promise<void> {
  const tabId = await findCurrentTab(browser);
  if (tabId !== undefined) await activateTab(browser, tabId);
}

/** Save the current tab's page through its content script (injected first if needed); null when impossible. */
export async function saveCurrentTab(
  browser: Browser,
  options: { ask: boolean; asPage: boolean },
): Promise<SavePageReply | null> {
  const tabId = await findCurrentTab(browser);
  if (tabId === undefined || !(await activateTab(browser, tabId))) return null;
  const command: TabCommand = { type: 'save-page', ...options };
  // A script injected just now registers its listener a moment after it starts: try a few times.
  for (let attempt = 0; attempt < 20; attempt++) {
    const reply = await browser.tabs.sendMessage(tabId, command).catch(() => undefined);
    if (reply !== undefined) return parseSavePageReply(reply);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
