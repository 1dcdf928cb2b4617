import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import type { PageToggleLike, PrefsPort } from '../../lib/page/controller';
import type { Variant } from '../../lib/page/types';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createRelayedDictLoader } from '../../lib/convert/load-extension';
import { sendRequest } from '../../lib/messaging/contract';
import { createPageToggle, type Direction } from '../../lib/convert/page-toggle';
import { loadPrefs, savePrefs, setSitePreference, siteTarget } from '../../lib/convert/prefs';

/** Build the live-page toggle; the converter and its dictionaries load on first use only. */
export async function createToggle(
  doc: Document,
  isOwnNode: (node: Node) => boolean,
): Promise<PageToggleLike> {
  // Pages cannot fetch the tables (not web-accessible): the background reads and relays them.
  const loadDict = createRelayedDictLoader((name, part) =>
    sendRequest((message) => browser.runtime.sendMessage(message), { type: 'dict', name, part }),
  );
  const factory = createConverterFactory(loadDict);
  let variant: Variant = 'twp';
  const getConverter = (direction: Direction): Promise<ConvertFn> =>
    direction === 'to-hant' ? factory.get('cn', variant) : factory.get(variant === 'hk' ? 'hk' : 'tw', 'cn');
  // lang stays zh-Hant / zh-Hans: a regional tag (zh-TW) sends Chromium through a slower font fallback.
  const toggle = createPageToggle({ doc, getConverter, isOwnNode });
  return Object.assign(toggle, {
    setVariant: async (next: Variant) => {
      variant = next;
    },
    prepare: async (direction: Direction) => void (await getConverter(direction)),
  });
}

/** Preferences in browser.storage.local, seen from one site. */
export function createPrefsPort(area: Storage.StorageArea, host: string): PrefsPort {
  return {
    async load() {
      const prefs = await loadPrefs(area);
      return { variant: prefs.variant, site: siteTarget(prefs, host) ?? null };
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
