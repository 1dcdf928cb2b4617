/** The reasons detection can give, by message key, and the number of values each message takes. */
import type { DetectionReason } from '../article/record.ts';

/** Every reason key with its count of substitutions; messages are public/_locales/*\/messages.json "reason_<key>". */
export const REASON_KEYS = {
  // Is it an article?
  body: 1,
  noBody: 0,
  noParagraphs: 0,
  headline: 0,
  dateline: 0,
  sourceLine: 0,
  reporterLine: 0,
  editorLine: 0,
  articleMeta: 0,
  newsHost: 1,
  portal: 1,
  articleUrl: 0,
  newsWording: 0,
  firstPerson: 0,
  forum: 1,
  nonNewsHost: 1,
  nonArticleTitle: 0,
  chapterTitle: 0,
  indexPage: 1,
  wireOpening: 1,
  procurementNotice: 1,
  penaltyTable: 1,
  productPage: 1,
  // Is it government news?
  govHost: 1,
  stateMediaHost: 1,
  localMediaHost: 1,
  portalHost: 1,
  epaper: 0,
  politicsChannel: 1,
  otherChannel: 1,
  officialSource: 1,
  ownOutlet: 1,
  wireDateline: 1,
  officeDensity: 2,
  organDensity: 1,
  politicalDensity: 1,
  genericDensity: 1,
  partyWork: 2,
  organSubject: 1,
  officialAct: 2,
  officialDocument: 0,
  statistics: 1,
  headlineSpeaker: 0,
  headlineActor: 0,
  headlineOffice: 1,
  headlineNonPolitical: 0,
  nonPoliticalDensity: 1,
  nonPoliticalShare: 2,
  institutionSelf: 0,
  institutionSite: 0,
  foreignShare: 2,
  statute: 1,
  document: 1,
  notArticle: 0,
  noGovSignals: 0,
} as const;

export type ReasonKey = keyof typeof REASON_KEYS;

/** Build a reason; values are turned into strings. */
export function makeReason(
  about: DetectionReason['about'],
  stance: DetectionReason['stance'],
  key: ReasonKey,
  ...subs: Array<string | number>
): DetectionReason {
  return { about, stance, key, subs: subs.map(String) };
}
