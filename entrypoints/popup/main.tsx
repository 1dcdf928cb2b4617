import browser from 'webextension-polyfill';
import { render } from 'preact';
import { openArchive, requestPersistence } from '../../lib/archive/index';
import { PopupApp } from './app';
import '../../assets/popup.css';

// Extension pages are modules run at load; WXT only imports entrypoint folders' main files in the page.
const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  const db = openArchive();
  void requestPersistence(navigator.storage);
  render(<PopupApp db={db} browser={browser} storage={localStorage} />, root);
}
