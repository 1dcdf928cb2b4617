import { describe, expect, it } from 'vitest';
import {
  loadToolbarPrefs,
  parseToolbarPrefs,
  setToolbarMode,
  toolbarModeFor,
  TOOLBAR_PREFS_KEY,
} from '../../lib/page/site-prefs';

function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (key: string) => ({ [key]: data[key] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

describe('toolbar per-site preferences', () => {
  it('remembers hidden and collapsed per host, case-insensitively, and forgets with shown', async () => {
    const area = memoryArea();
    await setToolbarMode(area, 'WWW.People.com.cn', 'collapsed');
    await setToolbarMode(area, 'www.gov.cn', 'hidden');
    let prefs = await loadToolbarPrefs(area);
    expect(toolbarModeFor(prefs, 'www.people.com.cn')).toBe('collapsed');
    expect(toolbarModeFor(prefs, 'www.gov.cn')).toBe('hidden');
    expect(toolbarModeFor(prefs, 'news.cn')).toBe('shown');
    await setToolbarMode(area, 'www.gov.cn', 'shown');
    prefs = await loadToolbarPrefs(area);
    expect(prefs.sites).toEqual({ 'www.people.com.cn': 'collapsed' });
  });

  it('drops malformed stored entries instead of failing', async () => {
    expect(parseToolbarPrefs({ sites: { 'ok.cn': 'hidden', 'bad host': 'hidden', 'x.cn': 'gone' } })).toEqual(
      {
        sites: { 'ok.cn': 'hidden' },
      },
    );
    expect(parseToolbarPrefs('nonsense')).toEqual({ sites: {} });
    expect(toolbarModeFor(parseToolbarPrefs({ sites: { __proto__: 'hidden' } }), '__proto__')).toBe('shown');
    const area = memoryArea({ [TOOLBAR_PREFS_KEY]: { sites: [1, 2] } });
    expect(await loadToolbarPrefs(area)).toEqual({ sites: {} });
  });
});
