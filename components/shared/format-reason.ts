import type { DetectionReason } from '../../lib/article/record';
import type { PlainKey, Translate } from './translate';

/** A detection reason in the reader's language; a clipping's old English sentence is shown as it is. */
export function formatReason(t: Translate, reason: DetectionReason | string): string {
  if (typeof reason === 'string') return reason;
  // A stored record's key is data: it may name a message this version lacks (t then returns the key).
  const key = `reason_${reason.key}` as PlainKey;
  const text = t(key, reason.subs);
  // A reason from a newer version has no message here: show its key and values rather than nothing.
  return text && text !== key ? text : [reason.key, ...reason.subs].join(' ');
}

export interface ReasonLists {
  /** Message key of the verdict line. */
  verdict: PlainKey;
  /** Message key and reasons of the first list (why the verdict), then of the second (what speaks against it). */
  lists: Array<{ title: PlainKey; reasons: Array<DetectionReason | string> }>;
}

const MAX_FOR = 3;
const MAX_AGAINST = 2;

/**
 * What the tooltip says for a verdict: government news (why, and what speaks against it), news that is
 * not government news (why not, and the signs that were there), or a page that is no article (why not).
 */
export function pickReasons(
  verdict: 'gov-news' | 'article' | 'page',
  reasons: Array<DetectionReason | string>,
): ReasonLists {
  const of = (about: DetectionReason['about'], stance: DetectionReason['stance']) =>
    reasons.filter(
      (r): r is DetectionReason => typeof r !== 'string' && r.about === about && r.stance === stance,
    );
  const legacy = reasons.filter((r) => typeof r === 'string');
  const lists: ReasonLists['lists'] =
    verdict === 'gov-news'
      ? [
          { title: 'toolbar_reasonsFor', reasons: [...of('gov', 'for').slice(0, MAX_FOR), ...legacy] },
          { title: 'toolbar_reasonsAgainst', reasons: of('gov', 'against').slice(0, MAX_AGAINST) },
        ]
      : verdict === 'article'
        ? [
            { title: 'toolbar_whyNotGov', reasons: [...of('gov', 'against').slice(0, MAX_FOR), ...legacy] },
            { title: 'toolbar_govSigns', reasons: of('gov', 'for').slice(0, MAX_AGAINST) },
          ]
        : [
            {
              title: 'toolbar_whyNotArticle',
              reasons: [...of('article', 'against').slice(0, MAX_FOR), ...legacy],
            },
            { title: 'toolbar_articleSigns', reasons: of('article', 'for').slice(0, MAX_AGAINST) },
          ];
  const verdictKey: PlainKey =
    verdict === 'gov-news'
      ? 'toolbar_verdictGov'
      : verdict === 'article'
        ? 'toolbar_verdictArticle'
        : 'toolbar_verdictPage';
  return { verdict: verdictKey, lists: lists.filter((l) => l.reasons.length > 0) };
}
