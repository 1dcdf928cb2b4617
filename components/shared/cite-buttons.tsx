import type { PlainKey, Translate } from './translate';

/** The citation styles copied from the reader and the popup. */
export type CiteStyle = 'gbt7714' | 'apa';

const STYLES: Array<{ style: CiteStyle; label: PlainKey; title: PlainKey }> = [
  { style: 'gbt7714', label: 'cite_gbt7714', title: 'cite_gbt7714Title' },
  { style: 'apa', label: 'cite_apa', title: 'cite_apaTitle' },
];

/**
 * "Copy citation: GB/T 7714 · APA", and once copied a confirmation in a live region, so screen
 * readers say it too; `copied` names the style just copied.
 */
export function CiteButtons(props: { t: Translate; copied?: CiteStyle; onCopy: (style: CiteStyle) => void }) {
  const { t, copied } = props;
  const copiedLabel = STYLES.find((s) => s.style === copied)?.label;
  return (
    <span class="bz-cite" role="group" aria-label={t('cite_label')}>
      <span class="bz-cite-label">{t('cite_label')}</span>
      {STYLES.map(({ style, label, title }) => (
        <button
          key={style}
          type="button"
          class={`bz-cite-btn${copied === style ? ' is-copied' : ''}`}
          data-testid={`bz-cite-${style}`}
          title={t(title)}
          onClick={() => props.onCopy(style)}
        >
          {t(label)}
        </button>
      ))}
      <span class="bz-cite-done" role="status" data-testid="bz-cite-copied">
        {copiedLabel ? `✓ ${t('cite_copied', [t(copiedLabel)])}` : ''}
      </span>
    </span>
  );
}
