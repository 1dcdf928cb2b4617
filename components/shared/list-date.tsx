import type { Translate } from './translate';

/** A clipping's date in a list: the publication date, or 保存于 and the save date when there is none. */
export function ListDate(props: { t: Translate; date: string; saved: boolean }) {
  return (
    <time dateTime={props.date} data-saved={props.saved ? 'true' : undefined}>
      {props.saved ? props.t('archive_savedOn', [props.date]) : props.date}
    </time>
  );
}

/** Marks a clipping saved as a page, not an article. */
export function PageBadge(props: { t: Translate }) {
  return (
    <span class="bz-page-mark" data-testid="bz-as-page" title={props.t('archive_asPageTitle')}>
      {props.t('archive_asPage')}
    </span>
  );
}
