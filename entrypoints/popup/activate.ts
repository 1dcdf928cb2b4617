import browser from 'webextension-polyfill';

/**
 * Opening the popup is the user's gesture that grants activeTab: use it to run the content script
 * on the current tab when it is not one of the covered news sites.
 */
export async function activateCurrentTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !/^https?:/.test(tab.url ?? 'http:')) return;
  await browser.runtime.sendMessage({ type: 'activate', tabId: tab.id }).catch(() => undefined);
}
