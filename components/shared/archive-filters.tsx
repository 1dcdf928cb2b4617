import type { Translate } from './translate';

export interface ArchiveFiltersProps {
  t: Translate;
  query: string;
  tags: readonly string[];
  tag: string;
  onQuery: (query: string) => void;
  onTag: (tag: string) => void;
  /** The people facet: everyone the archive names (folded keys), most often named first. */
  people?: ReadonlyArray<{ key: string; count: number }>;
  /** The person filtered by ('' for everyone). */
  person?: string;
  onPerson?: (key: string) => void;
}

/** Search box, tag filter and people facet, the same in the popup and the archive page. */
export function ArchiveFilters(props: ArchiveFiltersProps) {
  const { t } = props;
  return (
    <div class="bz-filters">
      <input
        type="search"
        class="bz-search"
        data-testid="bz-search"
        placeholder={t('archive_searchPlaceholder')}
        aria-label={t('archive_searchPlaceholder')}
        value={props.query}
        maxLength={200}
        onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <select
        class="bz-tag-filter"
        data-testid="bz-tag-filter"
        aria-label={t('archive_allTags')}
        value={props.tag}
        onChange={(e) => props.onTag((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('archive_allTags')}</option>
        {props.tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      {props.people && props.onPerson && (props.people.length > 0 || props.person) && (
        <select
          class="bz-person-filter"
          data-testid="bz-person-filter"
          aria-label={t('people_all')}
          value={props.person ?? ''}
          onChange={(e) => props.onPerson!((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('people_all')}</option>
          {props.people.map((p) => (
            <option key={p.key} value={p.key}>
              {t('people_option', [p.key, p.count])}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
