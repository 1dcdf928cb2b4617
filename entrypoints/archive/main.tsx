import browser from 'webextension-polyfill';
import { openArchive, requestPersistence } from '../../lib/archive/index';
import { ArchiveApp } from './app';
import { mountExtensionPage } from '../../components/shared/mount-page';
import '../../assets/archive.css';

// Extension pages are modules run at load; WXT only imports entrypoint folders' main files in the page.
mountExtensionPage(browser.i18n, 'archivePage_title', () => {
  void requestPersistence(navigator.storage);
  return <ArchiveApp db={openArchive()} browser={browser} storage={localStorage} />;
});
