import type { Variant } from '../../lib/page/types';
import type { ToolbarMode } from '../../lib/page/site-prefs';
import type { PlainKey, Translate } from '../shared/translate';
import { VARIANTS } from '../toolbar/toolbar';

/** One site with a remembered choice: how the toolbar shows there, and the script it is shown in. */
export interface SiteChoice {
  host: string;
  toolbar: ToolbarMode;
  script: 'hans' | 'hant' | null;
}

export interface OptionsViewProps {
  t: Translate;
  variant: Variant;
  sites: SiteChoice[];
  /** Each command's description and bound key ('' when none). */
  shortcuts: Array<{ name: string; description: string; shortcut: string }>;
  onVariant: (variant: Variant) => void;
  onSiteToolbar: (host: string, mode: ToolbarMode) => void;
  onSiteScript: (host: string, script: 'hans' | 'hant' | null) => void;
  onForget: (host: string) => void;
  onOpenShortcuts: () => void;
}

const TOOLBAR_MODES: Array<{ value: ToolbarMode; key: PlainKey }> = [
  { value: 'shown', key: 'options_toolbarShown' },
  { value: 'collapsed', key: 'options_toolbarCollapsed' },
  { value: 'hidden', key: 'options_toolbarHidden' },
];

const SCRIPTS: Array<{ value: '' | 'hans' | 'hant'; key: PlainKey }> = [
  { value: '', key: 'options_scriptNone' },
  { value: 'hans', key: 'options_scriptHans' },
  { value: 'hant', key: 'options_scriptHant' },
];

/** The options page: default traditional variant, per-site choices, keyboard shortcuts. */
export function OptionsView(props: OptionsViewProps) {
  const { t } = props;
  return (
    <main class="bz-options" data-testid="bz-options">
      <h1>{t('options_title')}</h1>

      <section>
        <h2>{t('options_variantHeading')}</h2>
        <p class="bz-help">{t('options_variantHelp')}</p>
        <div class="bz-variants" role="radiogroup" aria-label={t('options_variantHeading')}>
          {VARIANTS.map((v) => (
            <label key={v.value}>
              <input
                type="radio"
                name="variant"
                value={v.value}
                data-testid={`bz-variant-${v.value}`}
                checked={props.variant === v.value}
                onChange={() => props.onVariant(v.value)}
              />
              {t(v.key)}
            </label>
          ))}
        </div>
      </section>

      <section>
        <h2>{t('options_sitesHeading')}</h2>
        {props.sites.length === 0 ? (
          <p class="bz-help" data-testid="bz-no-sites">
            {t('options_noSites')}
          </p>
        ) : (
          <table class="bz-sites" data-testid="bz-sites">
            <thead>
              <tr>
                <th scope="col">{t('options_site')}</th>
                <th scope="col">{t('options_siteToolbar')}</th>
                <th scope="col">{t('options_siteScript')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.sites.map((site) => (
                <tr key={site.host} data-testid="bz-site" data-host={site.host}>
                  <th scope="row">{site.host}</th>
                  <td>
                    <select
                      data-testid="bz-site-toolbar"
                      aria-label={`${t('options_siteToolbar')} ${site.host}`}
                      value={site.toolbar}
                      onChange={(e) =>
                        props.onSiteToolbar(
                          site.host,
                          (e.currentTarget as HTMLSelectElement).value as ToolbarMode,
                        )
                      }
                    >
                      {TOOLBAR_MODES.map((m) => (
                        <option key={m.value} value={m.value}>
                          {t(m.key)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      data-testid="bz-site-script"
                      aria-label={`${t('options_siteScript')} ${site.host}`}
                      value={site.script ?? ''}
                      onChange={(e) => {
                        const value = (e.currentTarget as HTMLSelectElement).value;
                        props.onSiteScript(site.host, value === 'hans' || value === 'hant' ? value : null);
                      }}
                    >
                      {SCRIPTS.map((s) => (
                        <option key={s.value} value={s.value}>
                          {t(s.key)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      data-testid="bz-forget"
                      title={t('options_forgetTitle', [site.host])}
                      onClick={() => props.onForget(site.host)}
                    >
                      {t('options_forget')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t('options_shortcutsHeading')}</h2>
        <dl class="bz-shortcuts" data-testid="bz-shortcuts">
          {props.shortcuts.map((s) => (
            <div key={s.name}>
              <dt>{s.description}</dt>
              <dd>{s.shortcut ? <kbd>{s.shortcut}</kbd> : t('options_shortcutNone')}</dd>
            </div>
          ))}
        </dl>
        <button type="button" class="bz-link" data-testid="bz-open-shortcuts" onClick={props.onOpenShortcuts}>
          {t('options_shortcutsLink')}
        </button>
      </section>
    </main>
  );
}
