import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { checkArticle, detectPage, unwrapArchiveUrl } from '../../lib/detect/index.ts';
import { GOV_POINTS, measureGovSignals, scoreGov, type GovEvidence } from '../../lib/detect/gov.ts';
import { extractArticle } from '../../lib/clean/article.ts';
import type { DetectionReason } from '../../lib/article/record.ts';
import { REASON_KEYS } from '../../lib/detect/reasons.ts';

const URL_PLACEHOLDER = '';

const keysOf = (reasons: Array<DetectionReason | string>) =>
  reasons.map((r) => (typeof r === 'string' ? r : r.key));
const reasonOf = (reasons: Array<DetectionReason | string>, key: string) =>
  reasons.find((r): r is DetectionReason => typeof r !== 'string' && r.key === key);

function load(name: string): Document {
  const html = readFileSync(new URL(`../fixtures/detect/${name}.html`, import.meta.url), 'utf8');
  return new JSDOM(html, { url: 'https://localhost/' }).window.document;
}

function detect(name: string) {
  const doc = load(name);
  return {
    check: checkArticle(doc, URL_PLACEHOLDER),
    detection: detectPage(doc, URL_PLACEHOLDER, extractArticle(doc, URL_PLACEHOLDER)),
  };
}

describe('checkArticle and detectPage on invented pages', () => {
  it('a government article in simplified script is government news, with reasons', () => {
    const { check, detection } = detect('gov-article-hans');
    expect(check.isArticle).toBe(true);
    expect(detection.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(true);
    expect(detection.score).toBeGreaterThanOrEqual(0.5);
    expect(keysOf(detection.reasons)).toContain('officialAct');
    expect(
      reasonOf(detection.reasons, 'newsHost')?.subs[0] ?? reasonOf(detection.reasons, 'govHost')?.subs[0],
    ).toMatch(/gov\.cn$/);
  });

  it('the same article in traditional script is government news too', () => {
    const hans = detect('gov-article-hans').detection;
    const hant = detect('gov-article-hant').detection;
    expect(hant.isGovNews).toBe(true);
    expect(keysOf(hant.reasons)).toContain('officialAct');
    expect(Math.abs(hant.score - hans.score)).toBeLessThan(0.15);
  });

  it('government vocabulary alone carries the traditional article when the domain says nothing', () => {
    const doc = load('gov-article-hant');
    doc.querySelector('link[rel=canonical]')?.remove();
    const detection = detectPage(doc, '', extractArticle(doc, ''));
    expect(detection.isGovNews).toBe(true);
  });

  it('a sports report on a state-media domain is an article but not government news', () => {
    const { check, detection } = detect('sports-state-media');
    expect(check.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(false);
    expect(detection.score).toBeLessThan(0.5);
  });

  it('an index page is neither an article nor government news', () => {
    const { check, detection } = detect('index-page');
    expect(check.isArticle).toBe(false);
    expect(detection.isGovNews).toBe(false);
  });

  it('a forum thread is not an article', () => {
    const { check, detection } = detect('forum-thread');
    expect(check.isArticle).toBe(false);
    expect(keysOf(check.reasons)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(forum|firstPerson|nonNewsHost)$/)]),
    );
    expect(detection.isGovNews).toBe(false);
  });

  it('an encyclopedia entry on a government topic is not an article', () => {
    const { check, detection } = detect('encyclopedia');
    expect(check.isArticle).toBe(false);
    expect(detection.isGovNews).toBe(false);
  });

  it('the full text of a regulation is not a government news article', () => {
    const { detection } = detect('regulation');
    expect(detection.isGovNews).toBe(false);
    expect(keysOf(detection.reasons)).toContain('statute');
  });

  it('never changes the document it reads', () => {
    const doc = load('gov-article-hans');
    const before = doc.documentElement.outerHTML;
    checkArticle(doc, URL_PLACEHOLDER);
    detectPage(doc, URL_PLACEHOLDER, extractArticle(doc, URL_PLACEHOLDER));
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finance commentary on a state-media domain is not government news, though it names regulators', () => {
    const { check, detection } = detect('finance-commentary-state-media');
    expect(check.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(false);
    expect(keysOf(detection.reasons)).toContain('nonPoliticalDensity');
  });

  it('a statistics bureau data release reprinted on a commercial portal is government news', () => {
    const { detection } = detect('statistics-release');
    expect(detection.isGovNews).toBe(true);
    expect(keysOf(detection.reasons)).toContain('statistics');
    expect(keysOf(detection.reasons)).not.toContain('govHost');
    expect(keysOf(detection.reasons)).not.toContain('stateMediaHost');
  });

  it('a short official-meeting report on a state-media site is government news', () => {
    const { detection } = detect('short-meeting-state-media');
    expect(detection.isGovNews).toBe(true);
    expect(reasonOf(detection.reasons, 'officialAct')?.subs[1]).toMatch(/召开|主持/);
    expect(keysOf(detection.reasons)).toContain('headlineActor');
  });
});

describe('government-news signals', () => {
  const evidence = (paragraphs: string[], extra: Partial<GovEvidence> = {}): GovEvidence => ({
    url: 'https://example.org/news/1.html',
    host: 'example.org',
    hostClass: 'other',
    pageTitle: '',
    section: '',
    source: '',
    epaper: false,
    headline: '',
    paragraphs,
    isArticle: true,
    documentKind: '',
    articleReasons: [],
    ...extra,
  });

  it('credits bodies and titled officials that lead sentences, and the acts they perform', () => {
    const v = measureGovSignals(
      evidence([
        '5月9日，市政府召开常务会议，研究部署夏季防汛工作。',
        '市长陈立新主持会议并强调，要压实各级责任。',
      ]),
    ).values;
    expect(v.organSubject).toBeGreaterThan(0);
    expect(v.officialAct).toBeGreaterThan(0);
    const plain = measureGovSignals(evidence(['这部电影讲述了一个小镇青年的故事，上映后口碑不错。'])).values;
    expect(plain.organSubject).toBe(0);
    expect(plain.officialAct).toBe(0);
  });

  it('lets no domain decide alone: a state-media page needs some public-affairs content', () => {
    const bare = scoreGov(
      evidence(['今年春天，小镇的樱花比往年开得更早，吸引了不少游客前来赏花拍照。'], {
        hostClass: 'state-media',
        host: 'news.cn',
      }),
    );
    expect(bare.total).toBeLessThan(GOV_POINTS);
  });

  it('marks an institution reporting on itself and news abroad', () => {
    const self = measureGovSignals(
      evidence(['近日，我院党支部组织全体党员开展主题党日活动，我院党委书记出席。']),
    ).values;
    expect(self.institutionSelf).toBeGreaterThan(0);
    const abroad = measureGovSignals(
      evidence(['法国总统当天在议会发表讲话，美国和英国官员随后作出回应。']),
    ).values;
    expect(abroad.foreignShare).toBeGreaterThan(0.4);
  });

  it('knows national agencies by their short names in a headline and as a sentence subject', () => {
    const v = measureGovSignals(
      evidence(['证监会日前对三家机构作出行政处罚决定。'], { headline: '证监会查处三家违规机构' }),
    ).values;
    expect(v.headlineActor).toBe(1);
    expect(v.organSubject).toBeGreaterThan(0);
  });

  it('reads a headline reporting an official indicator as statistics, and statistics as government terms', () => {
    const prices = ['4月份物价总体平稳，其中食品价格有所下降，服务价格小幅上涨。'];
    expect(measureGovSignals(evidence(prices, { headline: '4月CPI同比上涨0.3%' })).values.statistics).toBe(
      0.5,
    );
    expect(measureGovSignals(evidence(prices, { headline: '五一假期酒店预订火爆' })).values.statistics).toBe(
      0,
    );
    const release = [
      '4月份，全国居民消费价格同比上涨0.3%，居民消费价格环比上涨0.1%，其中旅游和酒店价格回升。',
    ];
    expect(measureGovSignals(evidence(release)).values.nonPoliticalShare).toBeLessThan(0.3);
  });

  it('reads an official document number as government evidence', () => {
    const v = measureGovSignals(
      evidence([
        '国务院关于推进数字乡村建设的指导意见',
        '国发〔2024〕12号',
        '各省、自治区、直辖市人民政府，国务院各部委：',
      ]),
    ).values;
    expect(v.officialDocument).toBe(1);
  });

  it('unwraps a web-archive capture to the address it archived', () => {
    expect(
      unwrapArchiveUrl('https://web.archive.org/web/20120611024252/http://www.he.xinhuanet.com/news/a.htm'),
    ).toBe('http://www.he.xinhuanet.com/news/a.htm');
    expect(unwrapArchiveUrl('https://www.news.cn/politics/a.htm')).toBe('');
  });
});

describe("an institution's own site", () => {
  const evidence = (extra: Partial<GovEvidence>): GovEvidence => ({
    url: '',
    host: '',
    hostClass: 'unknown',
    pageTitle: '',
    section: '',
    source: '',
    epaper: false,
    headline: '',
    paragraphs: ['近日，党支部召开专题学习会，传达学习上级会议精神。'],
    isArticle: true,
    documentKind: '',
    articleReasons: [],
    ...extra,
  });

  it("is told by a university host or a title that ends with the institution's name", () => {
    expect(measureGovSignals(evidence({ host: 'news.xyzu.edu.cn' })).values.institutionSite).toBe(1);
    expect(
      measureGovSignals(evidence({ pageTitle: '党支部召开专题学习会 某某市第一人民医院' })).values
        .institutionSite,
    ).toBe(1);
    expect(
      measureGovSignals(evidence({ pageTitle: '市政府召开常务会议_某市人民政府' })).values.institutionSite,
    ).toBe(0);
  });
});

describe('news abroad and reprint sources', () => {
  const evidence = (extra: Partial<GovEvidence>): GovEvidence => ({
    url: '',
    host: 'news.example.com',
    hostClass: 'portal',
    pageTitle: '',
    section: '',
    source: '',
    epaper: false,
    headline: '',
    paragraphs: ['当地时间周二，多个城市的公共交通几乎停运，民众上街表达不满。'],
    isArticle: true,
    documentKind: '',
    articleReasons: [],
    ...extra,
  });

  it('reads a headline about a foreign state alone as news abroad, even when it says 全国', () => {
    expect(
      measureGovSignals(evidence({ headline: '法国全国大罢工影响交通' })).values.foreignShare,
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      measureGovSignals(evidence({ headline: '中方就美国关税举措表态' })).values.foreignShare,
    ).toBeLessThan(0.5);
  });

  it("counts China's bilateral ties as its own affairs, not news abroad", () => {
    const v = measureGovSignals(
      evidence({
        paragraphs: ['中法两国在航空、核能和农业领域的合作不断深化，法国企业看好中法经贸合作前景。'],
      }),
    ).values;
    expect(v.foreignShare).toBeLessThan(0.25);
  });

  it('credits a state-media source only on a page that reprints it', () => {
    expect(measureGovSignals(evidence({ source: '新华社' })).values.officialSource).toBe(1);
    expect(
      measureGovSignals(evidence({ source: '新华社', host: 'news.cn', hostClass: 'state-media' })).values
        .officialSource,
    ).toBe(0);
    expect(measureGovSignals(evidence({ source: '某某晚报' })).values.officialSource).toBe(0);
  });
});

describe('classes of pages unseen sources showed (issue 8)', () => {
  it('judges an article by its own headline and dateline when <title> is only the site name', () => {
    const { check } = detect('title-site-name');
    expect(check.isArticle).toBe(true);
    expect(keysOf(check.reasons)).toContain('headline');
  });

  it.each([
    ['procurement-notice', 'procurementNotice'],
    ['penalty-table', 'penaltyTable'],
    ['product-page', 'productPage'],
  ])('calls %s a document or listing, not an article nor government news', (name, key) => {
    const { check, detection } = detect(name);
    expect(check.isArticle).toBe(false);
    expect(reasonOf(check.reasons, key)?.stance).toBe('against');
    expect(detection.isGovNews).toBe(false);
  });

  it('takes a news agency brief on an unknown host for government news', () => {
    const { check, detection } = detect('wire-item-unknown-host');
    expect(check.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(true);
    expect(reasonOf(detection.reasons, 'wireDateline')?.subs[0]).toBe('新华社北京3月5日电');
  });

  it('takes a government meeting filed under an unfamiliar channel for government news', () => {
    expect(detect('provincial-portal-channel').detection.isGovNews).toBe(true);
  });

  it("takes a party study session on a university's own site for government news", () => {
    const { check, detection } = detect('party-study-university');
    expect(check.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(true);
    expect(keysOf(detection.reasons)).toContain('partyWork');
  });
});

describe('reasons', () => {
  it('every reason is a known message key with its values, and news that is not government news says why', () => {
    const { detection } = detect('sports-state-media');
    for (const r of detection.reasons) {
      expect(typeof r).not.toBe('string');
      const reason = r as DetectionReason;
      expect(Object.keys(REASON_KEYS)).toContain(reason.key);
      expect(reason.subs).toHaveLength(REASON_KEYS[reason.key as keyof typeof REASON_KEYS]);
    }
    expect(
      detection.reasons.some((r) => typeof r !== 'string' && r.about === 'gov' && r.stance === 'against'),
    ).toBe(true);
  });
});
