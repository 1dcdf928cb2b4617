import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { GetManualChunk, ManualChunkMeta } from 'rollup';
import { NEWS_MATCHES } from './lib/sites/matches';

/**
 * Chunks for the build of the extension pages and the background: a page loads its entry, one
 * `pages` chunk (every module only pages use) and one `common` chunk (the modules the background
 * uses too), instead of the eight small chunks Rollup splits them into by default; each one is a
 * request the page waits for before its first render. The background's own modules stay in
 * background.js, so the worker loads no page code. Stylesheets keep Vite's per-page files.
 */
function pageChunks(pagePaths: ReadonlySet<string>): GetManualChunk {
  const PAGE = 1;
  const WORKER = 2;
  let reach: Map<string, number> | undefined;
  const entryMask = (id: string): number =>
    [...pagePaths].some((path) => id === path || id.startsWith(`${path}?`)) ? PAGE : WORKER;
  // Which entries reach each module by static imports (a module only imported dynamically stays lazy).
  const reachFromEntries = ({ getModuleIds, getModuleInfo }: ManualChunkMeta): Map<string, number> => {
    const masks = new Map<string, number>();
    for (const id of getModuleIds()) {
      if (!getModuleInfo(id)?.isEntry) continue;
      const mask = entryMask(id);
      const stack = [id];
      while (stack.length > 0) {
        const next = stack.pop()!;
        const seen = masks.get(next) ?? 0;
        if ((seen & mask) === mask) continue;
        masks.set(next, seen | mask);
        stack.push(...(getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return masks;
  };
  return (id, meta) => {
    if (/\.(css|less|sass|scss)(\?|$)/.test(id)) return undefined;
    // A page's own script (main.tsx) mounts the page: it stays in that page's entry chunk.
    const info = meta.getModuleInfo(id);
    const importers = info?.importers ?? [];
    if (info?.isEntry || (importers.length === 1 && pagePaths.has(importers[0]!))) return undefined;
    reach ??= reachFromEntries(meta);
    const mask = reach.get(id) ?? 0;
    if (mask === PAGE) return 'pages';
    if (mask === (PAGE | WORKER)) return 'common';
    return undefined;
  };
}

// See README "Permissions" for why each one is needed.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Only the build of HTML pages (and the module background) splits chunks; content scripts are
    // single IIFE files.
    'vite:build:extendConfig': (entrypoints, config) => {
      const pages = entrypoints.filter((entry) => entry.inputPath.endsWith('.html'));
      const output = config.build?.rollupOptions?.output;
      if (config.build?.lib || pages.length === 0 || !output || Array.isArray(output)) return;
      output.manualChunks = pageChunks(new Set(pages.map((entry) => entry.inputPath)));
    },
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
