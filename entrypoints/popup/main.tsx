import browser from 'webextension-polyfill';
import { openArchive, requestPersistence } from '../../lib/archive/index';
import { PopupApp } from './app';
import { mountExtensionPage } from '../../components/shared/mount-page';
import { activateCurrentTab } from './activate';
import '../../assets/popup.css';

// Extension pages are modules run at load; WXT only imports entrypoint folders' main files in the page.
const mounted = mountExtensionPage(browser.i18n, 'actionTitle', () => {
  void requestPersistence(navigator.storage);
  return <PopupApp db={openArchive()} browser={browser} storage={localStorage} />;
});
// After the first paint: the toolbar appears on the page behind the popup, even off the covered sites.
if (mounted) void activateCurrentTab(browser);
