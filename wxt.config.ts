import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { NEWS_MATCHES } from './lib/sites/matches';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // WXT takes the action title from the popup's <title>; the localised one belongs to the manifest.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
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
    // No web_accessible_resources: a page that can fetch one of our files knows the reader has
    // the extension. Content scripts get the converter dictionaries from the background.
    // Alt+Shift+<letter> is valid in Chrome and Firefox on every platform (Option+Shift on macOS);
    // T is Chrome's own "focus toolbar" and never binds. J (简/繁) and K beside it bind in both
    // browsers; the parity e2e flows check commands.getAll() in Chromium and Firefox.
    commands: {
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandToggle__',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+K' },
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
