import browser from 'webextension-polyfill';
import { render } from 'preact';
import { openArchive, requestPersistence } from '../../lib/archive/index';
import { ArchiveApp } from './app';
import { createTranslate } from '../../components/shared/translate';
import '../../assets/archive.css';

// Extension pages are modules run at load; WXT only imports entrypoint folders' main files in the page.
const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = createTranslate(browser.i18n)('archivePage_title');
  const db = openArchive();
  void requestPersistence(navigator.storage);
  render(<ArchiveApp db={db} browser={browser} storage={localStorage} />, root);
}
