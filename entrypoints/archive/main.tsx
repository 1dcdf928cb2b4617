import browser from 'webextension-polyfill';
import { openArchive, requestPersistence } from '../../lib/archive/index';
import { ArchiveApp } from './app';
import { mountExtensionPage } from '../../components/shared/mount-page';
import '../../assets/archive.css';

// Extension pages are modules run at load; WXT only imports entrypoint folders' main files in the page.
mountExtensionPage(browser.i18n, 'archivePage_title', () => {
  void requestPersistence(navigator.storage);
  const db = openArchive();
  // Opening the database is no read: it goes on while the snapshot paints, and the first reads
  // after that paint find it open. A failure is reported by those reads.
  db.open().catch(() => undefined);
  return <ArchiveApp db={db} browser={browser} storage={localStorage} />;
});
