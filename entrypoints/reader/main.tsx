import browser from 'webextension-polyfill';
import { openArchive } from '../../lib/archive/index';
import { ReaderApp } from './app';
import { mountExtensionPage } from '../../components/shared/mount-page';
import '../../assets/reader.css';

mountExtensionPage(browser.i18n, 'reader_pageTitle', () => {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  return <ReaderApp db={openArchive()} browser={browser} id={id} />;
});
