/**
 * The government-news score: a linear model over a few named signals of host, the site's own channel,
 * the reprint's source, headline and body. Each signal is measured on a 0–1 scale. Its weight (in
 * points) comes from a sign-constrained logistic fit on ../shared/corpus (scripts/fit-gov.ts),
 * rounded to quarter points; state media stays just under the threshold so that no domain decides
 * alone. Every reason shown is one signal with its contribution.
 */
import type { DetectionReason } from '../article/record.ts';
import type { HostClass } from './domains.ts';
import type { DocumentKind } from './page-kind.ts';
import { countLexicon, countStatuteArticles, readWireDateline } from './features.ts';
import { OFFICE } from './lexicon.ts';
import { makeReason } from './reasons.ts';
import { readTitleChannels } from './section.ts';
import { countHan } from '../text/counts.ts';

/** What the government-news scorer reads: plain data, so it can be measured and tuned without a DOM. */
export interface GovEvidence {
  /** The page's own address, when known. */
  url: string;
  host: string;
  hostClass: HostClass;
  /** The document's <title>, which often names the site's channel (时政, 政务). */
  pageTitle: string;
  /** The site's own channel labels: meta column, breadcrumb, <title> suffix (see section.ts). */
  section: string;
  /** The outlet the page names as its source ("新华社"), or ''. */
  source: string;
  epaper: boolean;
  /** Kicker, title and subtitle. */
  headline: string;
  /** Body paragraphs: the extractor's when it found a body, else the sample's main container. */
  paragraphs: string[];
  isArticle: boolean;
  /** A document or listing the article check recognised (procurement, penalty, product), or ''. */
  documentKind: DocumentKind | '';
  /** Why the page is or is not an article. */
  articleReasons: DetectionReason[];
}

export interface GovScore {
  total: number;
  /** One reason per signal that counts, strongest first. */
  reasons: DetectionReason[];
}

/** The measured signals, each in [0, 1] (or a 0/1 flag), and what to say about them. */
export interface GovSignals {
  values: Record<SignalName, number>;
  /** The values each signal's message shows ($1, $2 …): counts, host names, terms. */
  notes: Partial<Record<SignalName, Array<string | number>>>;
}

export type SignalName = keyof typeof WEIGHTS;

/**
 * Points per unit of each signal; positive signals say government news, negative ones say not. A zero
 * is a signal the fit found no use for once the others are counted (kept so its reason can be measured).
 */
export const WEIGHTS = {
  govHost: 2.75,
  stateMediaHost: 2.25,
  localMediaHost: 1.25,
  portalHost: 0,
  epaper: 0,
  politicsChannel: 4.75,
  otherChannel: -1,
  officialSource: 2,
  wireDateline: 0.5,
  ownOutlet: 0.25,
  officeDensity: 0,
  organDensity: 0.5,
  politicalDensity: 0.25,
  genericDensity: 3,
  partyWork: 2,
  organSubject: 2,
  officialAct: 2.5,
  officialDocument: 3.25,
  statistics: 4,
  headlineSpeaker: 4,
  headlineActor: 1,
  headlineOffice: 1.25,
  headlineNonPolitical: -1,
  nonPoliticalDensity: -1,
  nonPoliticalShare: -0.5,
  institutionSelf: -1.75,
  institutionSite: -1.75,
  foreignShare: -3,
  statute: -12,
  document: -12,
  notArticle: -4,
} as const;

/** The score at which a page counts as government news. */
export const GOV_POINTS = 2.5;

// An org speaking in a headline: "证监会：…", "交通运输部：…", "国务院联防联控机制：…".
const ORG_HEADLINE =
  /[\u3400-\u9fff]{1,10}(部|委|委员会|委員會|监会|監會|總局|总局|局|署|国务院|國務院|政府|人大|政协|政協|办公厅|辦公廳|办|辦|机制|機制)[：:]/;
// Party and state organs by name: national ones, ministries, and those of a province, city, county or street.
// National agencies by the short names the press uses: "证监会", "发改委", "央行".
const AGENCY = String.raw`(?:证监会|證監會|银保监会|銀保監會|银监会|銀監會|保监会|保監會|发改委|發改委|国资委|國資委|卫健委|衛健委|网信办|網信辦|国新办|國新辦|央行|人民银行|人民銀行|海关总署|海關總署|税务总局|稅務總局|市场监管总局|市場監管總局|金融监管总局|金融監管總局|最高人民法院|最高人民检察院|最高人民檢察院|最高法|最高检|最高檢|中央纪委|中央紀委|中纪委|中紀委)`;
const ORGAN = String.raw`(?:${AGENCY}|国务院|國務院|中共中央|党中央|黨中央|全国人大|全國人大|全国政协|全國政協|中央军委|中央軍委|(?:国家|國家|中央)[\u4e00-\u9fff]{1,8}?(?:部|委|局|署|办|辦|总局|總局)|[\u4e00-\u9fff]{1,5}?(?:部|署)(?=[\u4e00-\u9fff]{0,3}(?:召开|召開|印发|印發|发布|發佈|部署|表示|强调|強調|指出|近日|日前|[，、]))|[\u4e00-\u9fff]{0,6}?(?:省|市|县|縣|区|區|州|盟|旗|镇|鎮|乡|鄉|街道)(?:委|人民政府|政府|人大常委会|人大常委會|人大|政协|政協|纪委|紀委|监委|監委|党工委|黨工委|[\u4e00-\u9fff]{1,6}?(?:局|厅|廳|委员会|委員會|办公室|辦公室|委)))`;
// Titles of office followed by a two- or three-character name: "省委书记张三", "市长李四".
const TITLE = String.raw`(?:总书记|總書記|国家主席|國家主席|总理|總理|国务委员|國務委員|委员长|委員長|书记|書記|省长|省長|市长|市長|县长|縣長|区长|區長|部长|部長|厅长|廳長|局长|局長|主任|主席|常委|署长|署長|秘书长|秘書長)`;
const LEADER = String.raw`(?:习近平|習近平|李强|李強|李克强|李克強|赵乐际|趙樂際|王沪宁|王滬寧|蔡奇|丁薛祥|李希|韩正|韓正)`;
const ACT = String.raw`(?:主持召开|主持召開|召开|召開|主持|出席|印发|印發|部署|调研|調研|视察|視察|考察|会见|會見|签署|簽署|批示|强调|強調|指出|发布|發佈|听取|聽取|审议|審議|举行|舉行|召集|出台|公布|公佈|通报|通報|查处|查處|约谈|約談)`;
// A sentence opening with who acts, after an optional dateline: "新华社北京5月9日电 国务院…", "近日，市委…".
const OPENING = String.raw`^(?:[^，。]{0,24}?(?:电|電|讯|訊)[)）]?\s*|(?:\d{1,2}月\d{1,2}日|近日|日前|今年以来|昨天|今天|上午|下午)[^，。]{0,8}?[，,]?\s*)?`;
const ORGAN_SUBJECT = new RegExp(
  `${OPENING}(?:${ORGAN}|${LEADER}|[\\u4e00-\\u9fff]{0,10}${TITLE}[\\u4e00-\\u9fff]{2,3}[，、,])`,
);
const ORGAN_ANYWHERE = new RegExp(`${ORGAN}|${LEADER}|${TITLE}[\\u4e00-\\u9fff]{2,3}(?=[，、,])`, 'g');
// A headline opening with who acts: "李强在新疆调研时强调…", "国务院下午召集会议", "证监会查处…".
const HEADLINE_ACTOR = new RegExp(
  `^[\\s\\d【】\\[\\]「」“”]*(?:${ORGAN}|${LEADER}|[\\u4e00-\\u9fff]{0,10}${TITLE}[\\u4e00-\\u9fff]{2,3})`,
);
const OFFICIAL_ACT = new RegExp(
  `(?:${ORGAN}|${LEADER}|${TITLE}[\\u4e00-\\u9fff]{2,3})[^。！？]{0,30}?${ACT}`,
  'g',
);
// The work of party organs, in a ministry, a county or a hospital: study sessions of the 中心组, 主题教育,
// party lessons and meetings, discipline inspection, plenary sessions and congresses. Not the names of
// branches or slogans alone: a branch's skills contest under a slogan banner is not party work.
const PARTY_WORK =
  /理[论論]学[习習]中心[组組]|中心[组組](?:集体|集體)?学[习習]|主[题題]教育|主[题題][党黨]日|[党黨](?:委会|委會|委(?:扩大|擴大)?会议|委(?:擴大)?會議|组会|組會|课|課|(?:史|纪|紀)学习教育|(?:史|紀)學習教育|风廉政|風廉政|员大会|員大會|代会|代會)|民主生活[会會]|[组組]织生活[会會]|三[会會]一[课課]|[纪紀][检檢][监監]察|巡[视視][组組]|巡察|全[会會]精神|第一[议議][题題]|意[识識]形[态態]工作|政治理[论論]学[习習]/g;
// Official statistics: the bureau, its bulletins and the indicators only it publishes.
const STATISTICS =
  /统计局|統計局|统计公报|統計公報|居民消费价格|居民消費價格|工业生产者出厂价格|工業生產者出廠價格|固定资产投资|固定資產投資|社会消费品零售总额|社會消費品零售總額|规模以上工业|規模以上工業|国内生产总值|國內生產總值|进出口总值|進出口總值|一般公共预算|一般公共預算|城镇调查失业率|城鎮調查失業率/g;
// A headline reporting an indicator that only the statistics bureau publishes, with its movement.
const HEADLINE_STATISTIC =
  /(?:CPI|PPI|GDP|居民消费价格|居民消費價格|工业增加值|工業增加值|社会消费品零售总额|社會消費品零售總額|固定资产投资|固定資產投資|城镇调查失业率|城鎮調查失業率)[^，。！？]{0,8}?(?:同比|环比|環比|增长|增長|上涨|上漲|下降|回落|上升)/;
// An official document: its number ("国发〔2015〕40号") or the addressees of a State Council or ministry circular.
const OFFICIAL_DOCUMENT =
  /[\u4e00-\u9fff]{1,8}[〔［[]\s*(?:19|20)\d\d\s*[〕］\]]\s*\d{1,4}\s*[号號]|各省、自治区、直辖市|各省、自治區、直轄市/g;
// An institution speaking of itself ("我院", "我校", "本会"): the news of a hospital, school or society.
const INSTITUTION_SELF = /[我本](?:院|校|会|會|司|所|中心|协会|協會|学会|學會)(?=[\u4e00-\u9fff])/g;
// A site of a hospital, school, company or society, named by its host (.edu.cn) or its <title>'s site name.
const INSTITUTION_HOST = /\.(edu|ac)\.cn$|\.edu$/;
const INSTITUTION_NAME =
  /(医院|醫院|大学|大學|学院|學院|中学|中學|小学|小學|学校|學校|研究院|研究所|公司|集团|集團|协会|協會|学会|學會)(?:官网|官網|官方网站|官方網站|网站|網站|主页|主頁)?$/;
// Foreign states and their politics, against China's own: news abroad is not Chinese public affairs.
const FOREIGN =
  /美国|美國|美方|白宫|白宮|法国|法國|英国|英國|德国|德國|日本|俄罗斯|俄羅斯|以色列|欧盟|歐盟|印度|韩国|韓國|乌克兰|烏克蘭|伊朗|总统|總統|首相|议会|議會|国会|國會/g;
const FOREIGN_HEADLINE = new RegExp(FOREIGN.source);
// "全国" in a headline may be any country's ("法国全国大罢工"); these name China itself.
const CHINA_HEADLINE = /中国|中國|我国|我國|中方|国内|國內|中央|国务院|國務院|[省市县縣]委|[省市县縣]政府/;
// China's bilateral ties ("中法经贸合作", "中美合作") are its own foreign affairs, not news abroad.
const DOMESTIC =
  /中[美法英德俄欧歐韩韓印](?=[\u4e00-\u9fff])|中国|中國|我国|我國|中方|全国|全國|国内|國內|中央|国务院|國務院|省委|市委|县委|縣委|省政府|市政府|县政府|縣政府/g;
const POLITICS_PATH = /\/(politics|leaders|szyw|shizheng|zhengwu|szxw|gov|zwgk|zwdt|xwfb|gzdt)(\/|_|\.|$)/i;
const POLITICS_HOST = /^(politics|leaders|cpc|dangjian|gov|zw|sz)\./i;
const POLITICS_TITLE =
  /时政|時政|政务|政務|中南海|政能亮|领导人|領導人|高层|高層|人事任免|党建|黨建|政府网|政府網|人民政府/;
// The site's own channel words for politics and government.
const POLITICS_SECTION =
  /时政|時政|政务|政務|中南海|政能亮|领导人|領導人|高层|高層|人事|党建|黨建|政府|政协|政協|人大|纪检|紀檢|廉政|反腐|通知公告|新闻发布|新聞發佈/;
// Channels for markets, technology, sport, entertainment, daily life, culture and the world.
const OTHER_SECTION =
  /财经|財經|股票|证券|證券|基金|理财|理財|金融|科技|数码|數碼|体育|體育|娱乐|娛樂|汽车|汽車|房产|房產|家居|健康|生活|时尚|時尚|女性|旅游|旅遊|游戏|遊戲|教育|文化|读书|讀書|探索|科学|科學|国际|國際|社会|社會|商业|商業|商贸|產業|产业|人物|business|sports?|tech|entertainment|lifestyle|world/i;
// Outlets of the state and the party that reprints name as their source.
const OFFICIAL_SOURCE =
  /新华社|新華社|新华网|新華網|人民日报|人民日報|人民网|人民網|中国政府网|中國政府網|政府网|政府網|央视|央視|中央电视台|中央電視台|中国新闻网|中國新聞網|中新网|中新網|中新社|光明日报|光明日報|光明网|光明網|经济日报|經濟日報|求是|中国日报|中國日報|解放军报|解放軍報|法治日报|法治日報|法制日报|法制日報|国务院|國務院|[部委局署厅廳办辦](?:网站|網站|官网|官網)|学习强国|學習強國|国新办|國新辦|新闻办|新聞辦|半月谈|半月談/;

function saturate(value: number, full: number): number {
  return Math.min(1, Math.max(0, value / full));
}

function perMille(count: number, han: number): number {
  return (count / han) * 1000;
}

/** Split body text into sentences, each trimmed. */
function splitSentences(paragraphs: string[]): string[] {
  return paragraphs
    .flatMap((p) => p.split(/(?<=[。！？!?])|\n/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}

function readPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Measure every signal of the model on one page's evidence. */
export function measureGovSignals(e: GovEvidence): GovSignals {
  const notes: GovSignals['notes'] = {};
  const text = e.paragraphs.join('\n');
  const han = Math.max(countHan(text), 1);
  const lex = countLexicon(text);
  const head = countLexicon(e.headline);
  const sentences = splitSentences(e.paragraphs);
  // A long page has more chances: count per 20 sentences, at least one unit.
  const unit = Math.max(1, sentences.length / 20);

  let subjects = 0;
  for (const s of sentences) if (ORGAN_SUBJECT.test(s)) subjects++;
  const acts = text.match(OFFICIAL_ACT) ?? [];
  const organs = text.match(ORGAN_ANYWHERE)?.length ?? 0;
  const statistics = text.match(STATISTICS)?.length ?? 0;
  const documents = text.match(OFFICIAL_DOCUMENT)?.length ?? 0;
  // A headline in the institution's own voice ("我院…") settles it, so it counts double.
  const selfMentions =
    (text.match(INSTITUTION_SELF)?.length ?? 0) + 2 * (e.headline.match(INSTITUTION_SELF)?.length ?? 0);
  const section = [e.section, ...readTitleChannels(e.pageTitle)].join(' / ');
  const channel =
    POLITICS_PATH.exec(readPath(e.url))?.[1] ??
    POLITICS_HOST.exec(e.host)?.[1] ??
    POLITICS_TITLE.exec(e.pageTitle)?.[0] ??
    POLITICS_SECTION.exec(section)?.[0] ??
    '';
  const otherChannel = channel ? '' : (OTHER_SECTION.exec(section)?.[0] ?? '');
  // A named source adds most on a reprint: a state, party or local-paper host already counts itself,
  // and naming its own outlet there (ownOutlet) only says the report is its own, not a reprint.
  const reprint = e.hostClass !== 'gov' && e.hostClass !== 'state-media' && e.hostClass !== 'local-media';
  const officialSource = reprint ? (OFFICIAL_SOURCE.exec(e.source)?.[0] ?? '') : '';
  const headline = e.headline.trim();
  const headlineSpeaker = ORG_HEADLINE.test(headline);
  const headlineActor =
    !headlineSpeaker && (HEADLINE_ACTOR.test(headline) || OFFICE.some((t) => headline.startsWith(t)));
  const foreign = text.match(FOREIGN)?.length ?? 0;
  const domestic = text.match(DOMESTIC)?.length ?? 0;
  // Official statistics are government content too, against a release's market vocabulary.
  const topical = lex.office + lex.political + organs + statistics;
  const statute = countStatuteArticles(e.paragraphs);
  const party = text.match(PARTY_WORK) ?? [];
  const wire = readWireDateline(e.paragraphs);

  const values: Record<SignalName, number> = {
    govHost: e.hostClass === 'gov' ? 1 : 0,
    stateMediaHost: e.hostClass === 'state-media' ? 1 : 0,
    localMediaHost: e.hostClass === 'local-media' ? 1 : 0,
    portalHost: e.hostClass === 'portal' ? 1 : 0,
    epaper: e.epaper ? 1 : 0,
    politicsChannel: channel ? 1 : 0,
    otherChannel: otherChannel ? 1 : 0,
    officialSource: officialSource ? 1 : 0,
    ownOutlet: !reprint && OFFICIAL_SOURCE.test(e.source) ? 1 : 0,
    wireDateline: wire ? 1 : 0,
    officeDensity: saturate(perMille(lex.office, han), 12),
    organDensity: saturate(perMille(organs, han), 8),
    politicalDensity: saturate(perMille(lex.political, han), 8),
    genericDensity: saturate(perMille(lex.generic, han), 25),
    partyWork: saturate(party.length / unit, 3),
    organSubject: saturate(subjects / unit, 3),
    officialAct: saturate(acts.length / unit, 3),
    officialDocument: saturate(documents, 1),
    statistics: Math.min(
      1,
      saturate(perMille(statistics, han), 4) + (HEADLINE_STATISTIC.test(headline) ? 0.5 : 0),
    ),
    headlineSpeaker: headlineSpeaker ? 1 : 0,
    headlineActor: headlineActor ? 1 : 0,
    headlineOffice: saturate(head.office + head.political, 1),
    headlineNonPolitical: saturate(head.nonPolitical, 1),
    nonPoliticalDensity: saturate(perMille(lex.nonPolitical, han), 15),
    nonPoliticalShare: lex.nonPolitical / (lex.nonPolitical + topical + 2),
    institutionSelf: saturate(selfMentions, 2),
    institutionSite: INSTITUTION_HOST.test(e.host) || INSTITUTION_NAME.test(e.pageTitle.trim()) ? 1 : 0,
    // A headline about a foreign state alone ("法国大罢工…") says news abroad more plainly than the body.
    foreignShare: Math.min(
      1,
      foreign / (foreign + domestic + 3) +
        (FOREIGN_HEADLINE.test(headline) && !CHINA_HEADLINE.test(headline) ? 0.5 : 0),
    ),
    statute: statute >= 5 ? 1 : 0,
    document: e.documentKind ? 1 : 0,
    notArticle: e.isArticle ? 0 : 1,
  };

  notes.govHost = [e.host];
  notes.stateMediaHost = [e.host];
  notes.localMediaHost = [e.host];
  notes.portalHost = [e.host];
  notes.politicsChannel = [channel];
  notes.otherChannel = [otherChannel];
  notes.officialSource = [officialSource];
  notes.ownOutlet = [e.source];
  notes.wireDateline = [wire];
  notes.officeDensity = [lex.office, lex.terms.slice(0, 3).join('、')];
  notes.politicalDensity = [lex.political];
  notes.genericDensity = [lex.generic];
  notes.partyWork = [party.length, [...new Set(party)].slice(0, 3).join('、')];
  notes.organSubject = [subjects];
  notes.officialAct = [acts.length, [...new Set(acts.map((a) => a.slice(-2)))].slice(0, 3).join('、')];
  notes.organDensity = [organs];
  notes.statistics = [statistics];
  notes.headlineOffice = [head.terms.slice(0, 3).join('、')];
  notes.nonPoliticalDensity = [lex.nonPolitical];
  notes.nonPoliticalShare = [lex.nonPolitical, topical];
  notes.foreignShare = [foreign, domestic];
  notes.statute = [statute];
  notes.document = [e.documentKind];
  return { values, notes };
}

/** Score a page's government-news evidence; reasons list the largest contributions first. */
export function scoreGov(e: GovEvidence, weights: Record<SignalName, number> = WEIGHTS): GovScore {
  const { values, notes } = measureGovSignals(e);
  const parts: Array<{ points: number; reason: DetectionReason }> = [];
  let total = 0;
  for (const name of Object.keys(weights) as SignalName[]) {
    const points = weights[name] * values[name];
    total += points;
    // Small contributions would crowd the hover text without explaining the verdict.
    if (Math.abs(points) >= 0.25)
      parts.push({
        points,
        reason: makeReason('gov', points > 0 ? 'for' : 'against', name, ...(notes[name] ?? [])),
      });
  }
  parts.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { total, reasons: parts.map((p) => p.reason) };
}
