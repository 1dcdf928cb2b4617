import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import type { PageToggleLike, PrefsPort } from '../../lib/page/controller';
import type { Variant } from '../../lib/page/types';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createExtensionDictLoader } from '../../lib/convert/load-extension';
import { createPageToggle } from '../../lib/convert/page-toggle';
import { detectScript } from '../../lib/convert/script';
import { loadPrefs, savePrefs, setSitePreference, siteTarget } from '../../lib/convert/prefs';

/** Build the live-page toggle; the converter and its dictionaries load on first use only. */
export async function createToggle(doc: Document, isOwnNode: (node: Node) => boolean): Promise<PageToggleLike> {
  const factory = createConverterFactory(createExtensionDictLoader(fetch.bind(globalThis), (p) => browser.runtime.getURL(p as '/')));
  let variant: Variant = 'twp';
  const getConverter = (direction: 'to-hant' | 'to-hans'): Promise<ConvertFn> =>
    direction === 'to-hant' ? factory.get('cn', variant) : factory.get(variant === 'hk' ? 'hk' : 'tw', 'cn');
  const toggle = createPageToggle({ doc, getConverter, isOwnNode });
  const sample = (doc.body?.textContent ?? '').slice(0, 20_000);
  const direction = detectScript(sample) === 'hant' ? 'to-hans' : 'to-hant';
  return {
    get state() {
      return toggle.state;
    },
    direction,
    toggle: () => toggle.toggle(),
    convert: (d) => toggle.convert(d),
    restore: () => toggle.restore(),
    setVariant: async (v) => {
      variant = v;
    },
  };
}

/** Preferences in browser.storage.local, seen from one site. */
export function createPrefsPort(area: Storage.StorageArea, host: string): PrefsPort {
  return {
    async load() {
      const prefs = await loadPrefs(area);
      return { variant: prefs.variant as Variant, site: siteTarget(prefs, host) ?? null };
    },
    async setVariant(variant) {
      const prefs = await loadPrefs(area);
      await savePrefs(area, { ...prefs, variant });
    },
    async setSite(script) {
      await setSitePreference(area, host, script);
    },
  };
}
