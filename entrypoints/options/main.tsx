import browser from 'webextension-polyfill';
import { render } from 'preact';
import { OptionsApp } from './app';
import { createTranslate } from '../../components/shared/translate';
import '../../assets/options.css';

const root = document.getElementById('app');
if (root) {
  const t = createTranslate(browser.i18n);
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('options_title');
  render(<OptionsApp browser={browser} t={t} />, root);
}
