import type { Translate } from './translate';

/** "1,234 clippings", or "12 matches" under a filter; empty while counting. */
export function ArchiveCount(props: { t: Translate; count?: number; filtered: boolean }) {
  const { t, count } = props;
  return (
    <span class="bz-count" data-testid="bz-count">
      {count !== undefined && t(props.filtered ? 'archive_matches' : 'archive_count', [count], count)}
    </span>
  );
}
