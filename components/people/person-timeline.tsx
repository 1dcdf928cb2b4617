import type { Appearance } from '../../lib/archive/people';
import { readListDate } from '../../lib/archive/list-date';
import type { Translate } from '../shared/translate';

/**
 * The person view: every saved appearance of one person in date order, drawn as a timeline: a
 * year marker where the year changes, then each clipping's date, the roles it gives (as printed),
 * its headline (opens the reader) and site.
 */
export function PersonTimeline(props: {
  t: Translate;
  /** The person's folded name (the facet's key). */
  person: string;
  /** Undefined while loading. */
  appearances?: readonly Appearance[];
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const { t, appearances } = props;
  // The names as printed, both scripts when the archive has both (王东峰 / 王東峰).
  const printed = [...new Set(appearances?.map((a) => a.name) ?? [props.person])];
  let lastYear = '';
  return (
    <section class="bz-person" data-testid="bz-person" aria-label={t('person_title', [printed.join(' / ')])}>
      <header class="bz-person-head">
        <h2>{printed.join(' / ')}</h2>
        {appearances && (
          <span class="bz-count" data-testid="bz-person-count">
            {t('person_appearances', [appearances.length], appearances.length)}
          </span>
        )}
        <button type="button" class="bz-link" data-testid="bz-person-close" onClick={props.onClose}>
          {t('person_close')}
        </button>
      </header>
      <ol class="bz-timeline">
        {appearances?.map((a) => {
          const { date, saved } = readListDate(a.publishedAt, a.savedAt);
          const year = date.slice(0, 4);
          const newYear = year !== lastYear;
          lastYear = year;
          return (
            <li key={a.id} class="bz-tl-item" data-testid="bz-person-item" data-id={a.id}>
              {newYear && <span class="bz-tl-year">{year}</span>}
              <span class="bz-tl-dot" aria-hidden="true" />
              <time class="bz-tl-date" dateTime={date}>
                {saved ? t('archive_savedOn', [date]) : date.slice(5)}
              </time>
              <div class="bz-tl-body">
                <div class="bz-tl-roles">
                  {a.roles.length ? (
                    a.roles.map((role) => (
                      <span class="bz-role" key={role}>
                        {role}
                      </span>
                    ))
                  ) : (
                    <span class="bz-role bz-role-none">{t('person_noRole')}</span>
                  )}
                </div>
                <button
                  type="button"
                  class="bz-tl-title"
                  data-testid="bz-person-open"
                  onClick={() => props.onOpen(a.id)}
                >
                  {a.title}
                </button>
                <span class="bz-tl-site">{a.siteName}</span>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
