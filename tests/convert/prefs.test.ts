import { describe, expect, it } from 'vitest';
import {
  loadPrefs,
  PREFS_KEY,
  savePrefs,
  setSitePreference,
  siteTarget,
  type PrefsArea,
} from '../../lib/convert/prefs';

function createArea(initial: Record<string, unknown> = {}): PrefsArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('convert preferences', () => {
  it('defaults to Taiwan with phrases and no site preferences', async () => {
    expect(await loadPrefs(createArea())).toEqual({ variant: 'twp', sites: {} });
  });

  it('round-trips the variant and per-site choices', async () => {
    const area = createArea();
    await savePrefs(area, { variant: 'hk', sites: {} });
    await setSitePreference(area, 'www.People.com.cn', 'hant');
    await setSitePreference(area, 'www.gov.cn', 'hans');
    const prefs = await loadPrefs(area);
    expect(prefs.variant).toBe('hk');
    expect(siteTarget(prefs, 'www.people.com.cn')).toBe('hant');
    expect(siteTarget(prefs, 'WWW.GOV.CN')).toBe('hans');
    expect(siteTarget(prefs, 'example.com')).toBeUndefined();
    await setSitePreference(area, 'www.gov.cn', null);
    expect(siteTarget(await loadPrefs(area), 'www.gov.cn')).toBeUndefined();
  });

  it('falls back per field on malformed stored data instead of crashing', async () => {
    for (const bad of [null, 42, 'twp', [], { variant: 'xx', sites: [] }, { sites: 'nope' }]) {
      expect(await loadPrefs(createArea({ [PREFS_KEY]: bad }))).toEqual({ variant: 'twp', sites: {} });
    }
    const partly = await loadPrefs(
      createArea({
        [PREFS_KEY]: {
          variant: 'tw',
          sites: { 'a.cn': 'hant', 'b.cn': 'klingon', '<x>': 'hans', ['toString']: 'hans' },
        },
      }),
    );
    expect(partly.variant).toBe('tw');
    expect(partly.sites).toEqual({ 'a.cn': 'hant', tostring: 'hans' });
    expect(siteTarget(partly, 'constructor')).toBeUndefined();
  });

  it('survives a storage area that throws', async () => {
    const broken: PrefsArea = {
      get: () => Promise.reject(new Error('storage unavailable')),
      set: () => Promise.resolve(),
    };
    expect(await loadPrefs(broken)).toEqual({ variant: 'twp', sites: {} });
  });
});
