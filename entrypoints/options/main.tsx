import browser from 'webextension-polyfill';
import { OptionsApp } from './app';
import { mountExtensionPage } from '../../components/shared/mount-page';
import '../../assets/options.css';

mountExtensionPage(browser.i18n, 'options_title', (t) => <OptionsApp browser={browser} t={t} />);
