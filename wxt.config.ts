import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { NEWS_MATCHES } from './lib/sites/matches';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Converter dictionaries are preprocessed from opencc-js at build time and packaged as dicts/*.
    'build:publicAssets': async (_wxt, assets) => {
      const { buildDictAssets } = await import('./lib/convert/build/dict-assets');
      assets.push(...(await buildDictAssets()));
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'unlimitedStorage', 'downloads'],
    host_permissions: NEWS_MATCHES,
    action: { default_title: '__MSG_actionTitle__' },
    // Read by our own content script (converter dictionaries); pages learn nothing else from them.
    web_accessible_resources: [{ resources: ['dicts/*'], matches: ['<all_urls>'] }],
    commands: {
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_commandToggle__',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing leaves the browser: clippings stay in the local archive.
            gecko: {
              id: 'baozhai@baozhai.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
