import type { DetectionReason } from '../../lib/article/record';
import { formatReason, pickReasons } from '../shared/format-reason';
import type { Translate } from '../shared/translate';

const LABELS = {
  'gov-news': 'toolbar_govNews',
  article: 'toolbar_article',
  page: 'toolbar_notArticle',
} as const;

/** The detection verdict as a badge; on hover or focus it says why, and what speaks against it. */
export function DetectionBadge(props: {
  t: Translate;
  verdict: 'gov-news' | 'article' | 'page';
  reasons: Array<DetectionReason | string>;
}) {
  const { t, verdict } = props;
  const picked = pickReasons(verdict, props.reasons);
  return (
    <span
      class={`bz-badge bz-${verdict}`}
      data-testid="bz-badge"
      data-verdict={verdict}
      tabIndex={0}
      aria-describedby="bz-reasons"
    >
      {t(LABELS[verdict])}
      <span class="bz-reasons" id="bz-reasons" role="tooltip" data-testid="bz-reasons">
        <strong>{t(picked.verdict)}</strong>
        {picked.lists.map((list) => (
          <div class="bz-reason-list" key={list.title}>
            <span class="bz-reason-title">{t(list.title)}</span>
            <ul>
              {list.reasons.map((reason, i) => (
                <li key={i}>{formatReason(t, reason)}</li>
              ))}
            </ul>
          </div>
        ))}
      </span>
    </span>
  );
}
