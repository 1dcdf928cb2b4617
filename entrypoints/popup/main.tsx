import browser from 'webextension-polyfill';
import { render } from 'preact';
import { openArchive, requestPersistence } from '../../lib/archive/index';
import { PopupApp } from './app';
import { createTranslate } from '../../components/shared/translate';
import { activateCurrentTab } from './activate';
import '../../assets/popup.css';

// Extension pages are modules run at load; WXT only imports entrypoint folders' main files in the page.
const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = createTranslate(browser.i18n)('actionTitle');
  const db = openArchive();
  void requestPersistence(navigator.storage);
  render(<PopupApp db={db} browser={browser} storage={localStorage} />, root);
  // After the first paint: the toolbar appears on the page behind the popup, even off the covered sites.
  void activateCurrentTab(browser);
}
