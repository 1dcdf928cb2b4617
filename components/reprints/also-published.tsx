import { readListDate } from '../../lib/archive/list-date';
import { hostOf } from '../../lib/detect/page-url';
import { keepHttpUrl } from '../shared/safe-url';
import type { Translate } from '../shared/translate';

/** One copy of a story in the archive: this clipping or another site's. */
export interface StoryCopy {
  id: string;
  url: string;
  siteName: string;
  publishedAt: string;
  savedAt: number;
}

/**
 * "Also published by": every saved copy of the story, the earliest first and marked as the original,
 * this clipping among them; each names its site and date, and links to its reader page and its
 * original address. `copies` come sorted by publication (lib/archive/reprints.ts).
 */
export function AlsoPublished(props: {
  t: Translate;
  /** The clipping being shown. */
  currentId: string;
  copies: readonly StoryCopy[];
  /** The reader page of a clipping (a relative link inside the extension). */
  readerHref: (id: string) => string;
}) {
  const { t, copies } = props;
  if (copies.length < 2) return null;
  return (
    <section class="bz-also" data-testid="bz-also-published" aria-label={t('reprints_title')}>
      <h3>{t('reprints_title')}</h3>
      <ol>
        {copies.map((copy, i) => {
          const { date: day, saved } = readListDate(copy.publishedAt, copy.savedAt);
          const url = keepHttpUrl(copy.url);
          const current = copy.id === props.currentId;
          return (
            <li
              key={copy.id}
              data-testid="bz-also-item"
              data-id={copy.id}
              class={current ? 'is-current' : undefined}
            >
              <span class="bz-also-dot" aria-hidden="true" />
              {current ? (
                <span class="bz-also-site">{copy.siteName || hostOf(copy.url)}</span>
              ) : (
                <a class="bz-also-site" href={props.readerHref(copy.id)}>
                  {copy.siteName || hostOf(copy.url)}
                </a>
              )}
              <span class="bz-also-date">{saved ? t('archive_savedOn', [day]) : day}</span>
              {i === 0 && <span class="bz-also-badge bz-also-original">{t('reprints_original')}</span>}
              {current && <span class="bz-also-badge">{t('reprints_thisCopy')}</span>}
              {url && (
                <a
                  class="bz-also-link"
                  href={url}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={t('reprints_openSite', [hostOf(url)])}
                >
                  {hostOf(url)} ↗
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
