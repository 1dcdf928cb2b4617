import browser from 'webextension-polyfill';
import { render } from 'preact';
import { openArchive } from '../../lib/archive/index';
import { ReaderApp } from './app';
import { createTranslate } from '../../components/shared/translate';
import '../../assets/reader.css';

const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = createTranslate(browser.i18n)('reader_pageTitle');
  const id = new URLSearchParams(location.search).get('id') ?? '';
  render(<ReaderApp db={openArchive()} browser={browser} id={id} />, root);
}
