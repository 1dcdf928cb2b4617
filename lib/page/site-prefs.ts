import * as v from 'valibot';

/** How the toolbar shows on one site: hidden altogether, or collapsed to its small button. */
export type ToolbarMode = 'shown' | 'hidden' | 'collapsed';

/** Per-site toolbar choices, keyed by host name; sites not listed show the toolbar. */
export interface ToolbarPrefs {
  sites: Record<string, 'hidden' | 'collapsed'>;
}

/** The part of `browser.storage.local` the preferences need. */
export interface PrefsArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The storage key holding the toolbar's per-site choices. */
export const TOOLBAR_PREFS_KEY = 'toolbarPrefs';
/** A bound on stored sites, so a corrupted or hostile value cannot grow without limit. */
const MAX_SITES = 5_000;
const HostSchema = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/i));
const ModeSchema = v.picklist(['hidden', 'collapsed']);

/** Validate stored choices entry by entry; anything malformed is dropped, never an error. */
export function parseToolbarPrefs(stored: unknown): ToolbarPrefs {
  const sites: ToolbarPrefs['sites'] = {};
  const raw = (stored as { sites?: unknown } | null | undefined)?.sites;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [host, mode] of Object.entries(raw).slice(0, MAX_SITES)) {
      const h = v.safeParse(HostSchema, host);
      const m = v.safeParse(ModeSchema, mode);
      if (h.success && m.success) sites[h.output.toLowerCase()] = m.output;
    }
  }
  return { sites };
}

/** Read the toolbar's per-site choices; missing or malformed data gives none. */
export async function loadToolbarPrefs(area: PrefsArea): Promise<ToolbarPrefs> {
  try {
    return parseToolbarPrefs((await area.get(TOOLBAR_PREFS_KEY))[TOOLBAR_PREFS_KEY]);
  } catch {
    return { sites: {} };
  }
}

/** How the toolbar shows on a host. */
export function toolbarModeFor(prefs: ToolbarPrefs, host: string): ToolbarMode {
  const key = host.toLowerCase();
  return Object.hasOwn(prefs.sites, key) ? (prefs.sites[key] ?? 'shown') : 'shown';
}

/** Remember how the toolbar shows on a host ('shown' forgets the site). */
export async function setToolbarMode(
  area: PrefsArea,
  host: string,
  mode: ToolbarMode,
): Promise<ToolbarPrefs> {
  const prefs = await loadToolbarPrefs(area);
  const sites = { ...prefs.sites };
  if (mode === 'shown') delete sites[host.toLowerCase()];
  else sites[host.toLowerCase()] = mode;
  const next = parseToolbarPrefs({ sites });
  await area.set({ [TOOLBAR_PREFS_KEY]: next });
  return next;
}
