import type { Browser } from 'webextension-polyfill';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { OptionsView, type OptionsViewProps, type SiteChoice } from '../../components/options/options-view';
import type { Translate } from '../../components/shared/translate';
import { loadPrefs, savePrefs, setSitePreference, PREFS_KEY } from '../../lib/convert/prefs';
import { loadToolbarPrefs, setToolbarMode, TOOLBAR_PREFS_KEY } from '../../lib/page/site-prefs';
import type { Variant } from '../../lib/page/types';

/** Every site with a remembered choice, from both stores, sorted by host. */
async function readState(browser: Browser) {
  const [convert, toolbar, commands] = await Promise.all([
    loadPrefs(browser.storage.local),
    loadToolbarPrefs(browser.storage.local),
    browser.commands.getAll(),
  ]);
  const hosts = [...new Set([...Object.keys(convert.sites), ...Object.keys(toolbar.sites)])].sort();
  const sites: SiteChoice[] = hosts.map((host) => ({
    host,
    toolbar: toolbar.sites[host] ?? 'shown',
    script: convert.sites[host] ?? null,
  }));
  // Browsers list commands in different orders; the page shows the toggle first, then save.
  const order = ['toggle-script', 'save-page'];
  const shortcuts = commands
    .filter((c) => order.includes(c.name ?? ''))
    .sort((a, b) => order.indexOf(a.name ?? '') - order.indexOf(b.name ?? ''))
    .map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
  return { variant: convert.variant as Variant, sites, shortcuts };
}

/** The options page's glue: storage in, storage out, refreshed when a tab changes a choice. */
export function OptionsApp(props: { browser: Browser; t: Translate }) {
  const { browser, t } = props;
  const [state, setState] = useState<Awaited<ReturnType<typeof readState>> | undefined>();
  const refresh = useCallback(() => void readState(browser).then(setState), [browser]);

  useEffect(() => {
    refresh();
    const onChanged = (changes: Record<string, unknown>) => {
      if (PREFS_KEY in changes || TOOLBAR_PREFS_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [browser, refresh]);

  if (!state) return null;
  const area = browser.storage.local;
  const handlers: Omit<OptionsViewProps, 't' | 'variant' | 'sites' | 'shortcuts'> = {
    onVariant: (variant) => void loadPrefs(area).then((prefs) => savePrefs(area, { ...prefs, variant })),
    onSiteToolbar: (host, mode) => void setToolbarMode(area, host, mode),
    onSiteScript: (host, script) => void setSitePreference(area, host, script),
    onForget: (host) =>
      void Promise.all([setToolbarMode(area, host, 'shown'), setSitePreference(area, host, null)]),
    onOpenShortcuts: () => void openShortcutSettings(browser),
  };
  return <OptionsView t={t} {...state} {...handlers} />;
}

/** The browser's own page for extension shortcuts (Firefox has an API for it; Chrome a URL). */
async function openShortcutSettings(browser: Browser): Promise<void> {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
