// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { mountExtensionPage } from '../../components/shared/mount-page';
import type { MessageSource } from '../../components/shared/translate';

const messages: Record<string, string> = { reader_pageTitle: '阅读', options_title: '选项' };
const zhCN: MessageSource = { getMessage: (key) => messages[key] ?? '', getUILanguage: () => 'zh-CN' };

afterEach(() => {
  document.body.replaceChildren();
  document.title = '';
  document.documentElement.removeAttribute('lang');
});

describe('mountExtensionPage', () => {
  it('sets the UI language and the localised title, then renders the view with t()', () => {
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);
    const mounted = mountExtensionPage(zhCN, 'reader_pageTitle', (t) => <p>{t('options_title')}</p>);
    expect(mounted).toBe(true);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('阅读');
    expect(app.textContent).toBe('选项');
  });

  it('touches nothing and never builds the view on a document without #app', () => {
    let built = false;
    const mounted = mountExtensionPage(zhCN, 'reader_pageTitle', () => {
      built = true;
      return <p />;
    });
    expect(mounted).toBe(false);
    expect(built).toBe(false);
    expect(document.title).toBe('');
    expect(document.documentElement.hasAttribute('lang')).toBe(false);
  });
});
