import * as v from 'valibot';

/** Target for traditional script (opencc-js names): Taiwan, Taiwan with phrases, Hong Kong, or plain OpenCC. */
/** Traditional-script target variants offered to the reader (opencc-js locale names). */
export type Variant = 'tw' | 'twp' | 'hk' | 't';

export interface ConvertPrefs {
  variant: Variant;
  /** "Always show this site in 简/繁", keyed by host name. */
  sites: Record<string, 'hans' | 'hant'>;
}

/** The part of `browser.storage.local` the preferences need. */
export interface PrefsArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The storage key holding the preferences. */
export const PREFS_KEY = 'convertPrefs';
/** A bound on stored sites, so a corrupted or hostile value cannot grow without limit. */
export const MAX_SITES = 5_000;

const DEFAULTS: ConvertPrefs = { variant: 'twp', sites: {} };
const VariantSchema = v.picklist(['tw', 'twp', 'hk', 't']);
const HostSchema = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/i));
const TargetSchema = v.picklist(['hans', 'hant']);

/** Validate stored preferences field by field: whatever is wrong falls back to its default. */
export function parsePrefs(stored: unknown): ConvertPrefs {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULTS, sites: {} };
  const record = stored as Record<string, unknown>;
  const variant = v.safeParse(VariantSchema, record.variant);
  const sites: Record<string, 'hans' | 'hant'> = {};
  if (typeof record.sites === 'object' && record.sites !== null && !Array.isArray(record.sites)) {
    for (const [host, target] of Object.entries(record.sites).slice(0, MAX_SITES)) {
      const h = v.safeParse(HostSchema, host);
      const t = v.safeParse(TargetSchema, target);
      if (h.success && t.success) sites[h.output.toLowerCase()] = t.output;
    }
  }
  return { variant: variant.success ? variant.output : DEFAULTS.variant, sites };
}

/** Read the preferences; missing or malformed data gives the defaults, never an error. */
export async function loadPrefs(area: PrefsArea): Promise<ConvertPrefs> {
  try {
    const stored = await area.get(PREFS_KEY);
    return parsePrefs(stored[PREFS_KEY]);
  } catch {
    return parsePrefs(undefined);
  }
}

/** Store the preferences (validated, so nothing malformed is ever written). */
export async function savePrefs(area: PrefsArea, prefs: ConvertPrefs): Promise<void> {
  await area.set({ [PREFS_KEY]: parsePrefs(prefs) });
}

/** Remember (or with null, forget) which script a site is always shown in. */
export async function setSitePreference(
  area: PrefsArea,
  host: string,
  target: 'hans' | 'hant' | null,
): Promise<ConvertPrefs> {
  const prefs = await loadPrefs(area);
  const key = host.toLowerCase();
  const sites = { ...prefs.sites };
  if (target === null) delete sites[key];
  else sites[key] = target;
  const next = { ...prefs, sites };
  await savePrefs(area, next);
  return parsePrefs(next);
}

/** The script a site should be shown in, or undefined when the reader has not chosen one. */
export function siteTarget(prefs: ConvertPrefs, host: string): 'hans' | 'hant' | undefined {
  return Object.hasOwn(prefs.sites, host.toLowerCase()) ? prefs.sites[host.toLowerCase()] : undefined;
}
