/** The government-news score: weighted evidence from host, headline and body, each with its reason. */
import type { HostClass } from './domains.ts';
import { countLexicon, countStatuteArticles } from './features.ts';
import { countHan } from './text-stats.ts';

/** What the government-news scorer reads: plain data, so it can be measured and tuned without a DOM. */
export interface GovEvidence {
  host: string;
  hostClass: HostClass;
  epaper: boolean;
  /** Kicker, title and subtitle. */
  headline: string;
  /** Body paragraphs: the extractor's when it found a body, else the sample's main container. */
  paragraphs: string[];
  isArticle: boolean;
  /** Why the page is or is not an article, shown when it is not government news. */
  articleReasons: string[];
}

export interface GovScore {
  total: number;
  reasons: string[];
}

const ORG_HEADLINE = /[\u3400-\u9fff]{1,10}(部|委|委员会|委員會|监会|監會|總局|总局|局|署|国务院|國務院|政府|人大|政协|政協|办公厅|辦公廳|办|辦)[：:]/;

/** Score a page's government-news evidence; the caller compares the total to its threshold. */
export function scoreGov(e: GovEvidence): GovScore {
  const g: GovScore = { total: 0, reasons: [] };
  const add = (value: number, reason: string) => {
    g.total += value;
    if (reason) g.reasons.push(reason);
  };
  if (e.hostClass === 'gov') add(2.5, `domain ${e.host} (government site)`);
  else if (e.hostClass === 'state-media') add(1, `domain ${e.host} (state media)`);
  else if (e.hostClass === 'local-media') add(1, `domain ${e.host} (local party paper)`);
  if (e.epaper) add(0.5, 'e-paper URL');
  const mainText = e.paragraphs.join('\n');
  const mainHan = Math.max(countHan(mainText), 1);
  const lex = countLexicon(mainText);
  const density = ((lex.office * 2 + lex.policy) / mainHan) * 1000;
  if (density >= 10) add(1, `government lexicon: ${lex.terms.length} terms (${lex.terms.slice(0, 4).join(', ')}, …)`);
  if (density >= 25) add(1, '');
  if (density >= 45) add(0.5, '');
  if (lex.terms.length >= 8) add(0.5, '');
  const titleLex = countLexicon(e.headline);
  const titleWeight = titleLex.office * 2 + titleLex.policy;
  if (titleWeight >= 1) add(0.5, `headline names offices or policy (${titleLex.terms.slice(0, 3).join(', ')})`);
  if (titleWeight >= 2) add(0.5, '');
  const speaker = ORG_HEADLINE.test(e.headline);
  if (speaker) add(1.5, 'headline quotes a government body');
  if (titleLex.nonPolitical >= 1) add(-1, 'headline on markets, sport, entertainment or gadgets');
  const nonPolitical = (lex.nonPolitical / mainHan) * 1000;
  if (nonPolitical >= 8) add(speaker ? -0.5 : -1, `non-political topic: ${lex.nonPolitical} terms`);
  if (nonPolitical >= 16 && !speaker) add(-1, '');
  if (lex.nonPolitical > lex.office + lex.policy && !speaker) add(-1, '');
  const statute = countStatuteArticles(e.paragraphs);
  if (statute >= 5) add(-6, `full text of a law or regulation (${statute} articles)`);
  if (!e.isArticle) add(-1.5, 'not an article');
  return g;
}
