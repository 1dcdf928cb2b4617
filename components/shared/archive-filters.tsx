import type { Translate } from './translate';

export interface ArchiveFiltersProps {
  t: Translate;
  query: string;
  tags: readonly string[];
  tag: string;
  onQuery: (query: string) => void;
  onTag: (tag: string) => void;
}

/** Search box and tag filter, the same in the popup and the archive page. */
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
    </div>
  );
}
