import { useState } from 'preact/hooks';
import { SAVE_ERROR_KEYS } from '../shared/save-error';
import type { ToolbarState, Variant } from '../../lib/page/types';
import type { PlainKey, Translate } from '../shared/translate';
import { DetectionBadge } from './detection-badge';

export interface ToolbarProps extends ToolbarState {
  t: Translate;
  onToggle: () => void;
  onSave: () => void;
  onConfirmSave: () => void;
  onCancelSave: () => void;
  onVariant: (variant: Variant) => void;
  onAlwaysForSite: (always: boolean) => void;
  /** Collapse, expand or hide the toolbar on this site (remembered per site). */
  onMode: (mode: ToolbarState['toolbarMode']) => void;
}

/** The traditional variants in the order offered, with their labels (shared with the options page). */
export const VARIANTS: Array<{ value: Variant; key: PlainKey }> = [
  { value: 'twp', key: 'toolbar_variantTwp' },
  { value: 'tw', key: 'toolbar_variantTw' },
  { value: 'hk', key: 'toolbar_variantHk' },
  { value: 't', key: 'toolbar_variantT' },
];

/** The in-page toolbar: detection badge, 简/繁 toggle, save, and a small settings panel. */
export function Toolbar(props: ToolbarProps) {
  const { t, detection } = props;
  const [settings, setSettings] = useState(false);

  if (props.toolbarMode === 'hidden') return null;
  if (props.toolbarMode === 'collapsed') {
    return (
      <div class="bz-dock">
        <button
          class="bz-fab"
          data-testid="bz-expand"
          title={t('toolbar_expand')}
          onClick={() => props.onMode('shown')}
        >
          {t('toolbar_brand')}
        </button>
      </div>
    );
  }

  const saveError = t('toolbar_saveFailed', [t(SAVE_ERROR_KEYS[props.saveError ?? 'failed'])]);
  const toggleLabel =
    props.script === 'original'
      ? t(props.nextDirection === 'to-hant' ? 'toolbar_toHant' : 'toolbar_toHans')
      : t('toolbar_restore');

  return (
    <div class="bz-dock">
      <div
        class="bz-bar"
        data-testid="bz-toolbar"
        data-detection={detection.kind}
        role="toolbar"
        aria-label={t('toolbar_brand')}
      >
        <span class="bz-brand">{t('toolbar_brand')}</span>
        {detection.kind === 'article' || detection.kind === 'gov-news' ? (
          <DetectionBadge t={t} verdict={detection.kind} reasons={detection.reasons} />
        ) : detection.kind === 'quiet' && detection.reasons?.length ? (
          <DetectionBadge t={t} verdict="page" reasons={detection.reasons} />
        ) : null}
        <button
          class="bz-btn"
          data-testid="bz-toggle"
          data-state={props.script}
          title={
            props.shortcut ? t('toolbar_toggleShortcut', [props.shortcut]) : t('toolbar_toggleNoShortcut')
          }
          aria-pressed={props.script !== 'original'}
          onClick={props.onToggle}
        >
          {toggleLabel}
        </button>
        <button
          class={`bz-btn bz-save${props.saveState === 'saved' ? ' is-saved' : ''}`}
          data-testid="bz-save"
          data-state={props.saveState}
          title={props.saveState === 'error' ? saveError : undefined}
          disabled={props.saveState === 'saving'}
          onClick={props.onSave}
        >
          <Stack shown={props.saveState === 'saved' ? 0 : 1} hidden labels={['★', '☆']} />{' '}
          <Stack
            shown={props.saveState === 'saved' ? 0 : props.saveState === 'saving' ? 1 : 2}
            labels={[t('toolbar_saved'), t('toolbar_saving'), t('toolbar_save')]}
          />
        </button>
        <button
          class="bz-icon"
          data-testid="bz-settings"
          title={t('toolbar_settings')}
          aria-expanded={settings}
          onClick={() => setSettings(!settings)}
        >
          ⚙
        </button>
        <button
          class="bz-icon"
          data-testid="bz-collapse"
          title={t('toolbar_collapse')}
          aria-label={t('toolbar_collapse')}
          onClick={() => props.onMode('collapsed')}
        >
          ×
        </button>
        {props.saveState === 'confirm' && (
          <div
            class="bz-confirm"
            role="alertdialog"
            data-testid="bz-confirm"
            aria-label={t('toolbar_confirmPage')}
          >
            <p>{t('toolbar_confirmPage')}</p>
            <div class="bz-confirm-actions">
              <button class="bz-btn bz-primary" data-testid="bz-confirm-yes" onClick={props.onConfirmSave}>
                {t('toolbar_confirmYes')}
              </button>
              <button class="bz-btn" data-testid="bz-confirm-no" onClick={props.onCancelSave}>
                {t('toolbar_confirmNo')}
              </button>
            </div>
          </div>
        )}
        {props.saveState === 'error' && (
          <div class="bz-error" role="alert">
            {saveError}
          </div>
        )}
        {props.savedFrom?.length &&
        !settings &&
        props.saveState !== 'confirm' &&
        props.saveState !== 'error' ? (
          <SavedFrom t={t} sites={props.savedFrom} />
        ) : null}
        {settings && (
          <div class="bz-panel" data-testid="bz-panel">
            <label>
              {t('toolbar_variant')}
              <select
                value={props.variant}
                onChange={(e) => props.onVariant((e.currentTarget as HTMLSelectElement).value as Variant)}
              >
                {VARIANTS.map((v) => (
                  <option value={v.value} key={v.value}>
                    {t(v.key)}
                  </option>
                ))}
              </select>
            </label>
            <label class="bz-check">
              <input
                type="checkbox"
                checked={props.alwaysForSite}
                onChange={(e) => props.onAlwaysForSite((e.currentTarget as HTMLInputElement).checked)}
              />
              {t('toolbar_alwaysSite')}
            </label>
            <button class="bz-btn" data-testid="bz-hide-site" onClick={() => props.onMode('hidden')}>
              {t('toolbar_hideSite')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * "Already saved from hebnews.cn": a note above the bar that takes no pointer events, so the page
 * cannot find it by hit-testing (elementFromPoint) any more than it can read it in the closed root.
 */
function SavedFrom({ t, sites }: { t: Translate; sites: string[] }) {
  return (
    <p class="bz-saved-from" role="status" data-testid="bz-saved-from">
      {t('toolbar_savedFrom', [sites.join('、')], sites.length)}
    </p>
  );
}

/**
 * Labels laid over each other, one visible: the button keeps one size whatever it says, so a page
 * measuring the toolbar (elementFromPoint) cannot tell whether it is in the archive.
 */
function Stack({ labels, shown, hidden }: { labels: string[]; shown: number; hidden?: boolean }) {
  return (
    <span class="bz-stack" aria-hidden={hidden ? 'true' : undefined}>
      {labels.map((label, i) => (
        <span
          key={i}
          class={i === shown ? 'is-shown' : undefined}
          aria-hidden={i === shown ? undefined : 'true'}
        >
          {label}
        </span>
      ))}
    </span>
  );
}
