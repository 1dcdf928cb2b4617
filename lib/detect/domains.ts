/** What a page's host and path say: government, state media, local papers, e-paper editions, portals. */

/** Central state and party media. */
const STATE_MEDIA = [
  'people.com.cn',
  'xinhuanet.com',
  'news.cn',
  'gmw.cn',
  'cctv.com',
  'cntv.cn',
  'chinadaily.com.cn',
  'qstheory.cn',
  'qstheory.com',
  'ce.cn',
  'cnr.cn',
  'youth.cn',
  'cyol.com',
  'chinanews.com',
  'chinanews.com.cn',
  'china.com.cn',
  'cri.cn',
  'banyuetan.org',
  'cpcnews.cn',
  'dangjian.cn',
  'rmzxb.com.cn',
  'workercn.cn',
  'legaldaily.com.cn',
  'chinacourt.org',
  'jcrb.com',
  'ccdi.gov.cn',
  'theorychina.org.cn',
  'cssn.cn',
  'chinatimes.net.cn',
  'xinminweekly.com.cn',
  '81.cn',
  'chinamil.com.cn',
  'mod.gov.cn',
  'cnki.net',
  'kepuchina.cn',
  'farmer.com.cn',
  'cenews.com.cn',
  'chinajilin.com.cn',
  'jingjiribao.cn',
  'ccps.gov.cn',
];

/** Provincial and city party papers and news portals. */
const LOCAL_MEDIA = [
  'hebnews.cn',
  'hebei.com.cn',
  'enorth.com.cn',
  'tjyun.com',
  'ynet.com',
  'bjnews.com.cn',
  'beijing.gov.cn',
  'dzwww.com',
  'southcn.com',
  'nfnews.com',
  'jschina.com.cn',
  'xhby.net',
  'zjol.com.cn',
  'zj.gov.cn',
  'hubeidaily.net',
  'cnhubei.com',
  'cjn.cn',
  'sxdaily.com.cn',
  'sxrb.com',
  'shxwcb.com',
  'nmgnews.com.cn',
  'northnews.cn',
  'tibet.cn',
  'chinatibetnews.com',
  'yunnan.cn',
  'gxnews.com.cn',
  'hinews.cn',
  'cqnews.net',
  'scol.com.cn',
  'gog.cn',
  'hljnews.cn',
  'dbw.cn',
  'jlntv.cn',
  'chinajilin.com.cn',
  'lnd.com.cn',
  'fjsen.com',
  'jxnews.com.cn',
  'ahnews.com.cn',
  'hnr.cn',
  'dahe.cn',
  'voc.com.cn',
  'rednet.cn',
  'nxnews.net',
  'qhnews.com',
  'gansudaily.com.cn',
  'ts.cn',
  'xjdaily.com',
  'jfdaily.com',
  'shobserver.com',
  'eastday.com',
  'sznews.com',
  'gzdaily.com',
  'dayoo.com',
  'zsnews.cn',
  'tywbw.com',
  'xzxw.com',
  'cnwest.com',
  'sxgov.cn',
  'bynr.gov.cn',
  'hsw.cn',
  'qlwb.com.cn',
  'iqilu.com',
  'ycwb.com',
  'xmnn.cn',
  'hangzhou.com.cn',
  'nbtv.cn',
  'ccwb.cn',
];

/** Commercial portals whose news sections are news sites in their own right: covered by default. */
const NEWS_PORTALS = ['thepaper.cn', 'ifeng.com'];

/** Commercial portals that carry both reprinted government news and everything else. */
const PORTALS = [
  ...NEWS_PORTALS,
  '163.com',
  'sina.com.cn',
  'sina.cn',
  'sohu.com',
  'qq.com',
  'toutiao.com',
  'baidu.com',
  'hexun.com',
  'caijing.com.cn',
  'yicai.com',
  'guancha.cn',
  'huanqiu.com',
  'cls.cn',
  'stcn.com',
  'eastmoney.com',
  '360kuai.com',
  'weixin.qq.com',
  'bjd.com.cn',
  'yahoo.com',
  'udn.com',
];

/**
 * The sites the content script runs on without being asked (any other page works on demand through
 * the toolbar action): government sites, state and local media, and the news portals above. Entries
 * under another entry (beijing.gov.cn under gov.cn) are left out, since a match covers subdomains.
 */
export const COVERED_DOMAINS: readonly string[] = (() => {
  const all = ['gov.cn', ...STATE_MEDIA, ...LOCAL_MEDIA, ...NEWS_PORTALS];
  return all.filter((d, i) => all.indexOf(d) === i && !all.some((o) => o !== d && d.endsWith(`.${o}`)));
})();

export type HostClass = 'gov' | 'state-media' | 'local-media' | 'portal' | 'other' | 'unknown';

function matchesDomain(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Classify a host name (no "www."). */
export function classifyHost(host: string): HostClass {
  if (!host) return 'unknown';
  // Government sites: gov.cn and its subdomains, and the city/county portals under them.
  if (host === 'gov.cn' || host.endsWith('.gov.cn')) return 'gov';
  if (matchesDomain(host, STATE_MEDIA)) return 'state-media';
  if (matchesDomain(host, LOCAL_MEDIA)) return 'local-media';
  if (matchesDomain(host, PORTALS)) return 'portal';
  return 'other';
}

/**
 * Newspaper and news-site article paths: e-paper pages (/html/2022-02/26/content_…, /epaper/,
 * paper.people.com.cn), CMS content pages (/content_123.htm, /c1001-123.html, /c_1129981476.htm) and
 * date-stamped paths (/2024-05/13/, /20240515/).
 */
export function describeNewsPath(url: string): { epaper: boolean; contentPath: boolean; datedPath: boolean } {
  let path = '';
  let host = '';
  try {
    const parsed = new URL(url);
    path = parsed.pathname;
    host = parsed.hostname;
  } catch {
    return { epaper: false, contentPath: false, datedPath: false };
  }
  const epaper =
    /(^|\.)(paper|epaper|szb|dzb|e)\./i.test(host) ||
    /\/(epaper|szb|dzb|paper)\b/i.test(path) ||
    /\/html\/\d{4}-\d{2}\/\d{2}\/(content|node)_/i.test(path);
  const contentPath =
    /\/content_\d+\.s?html?$|\/c\d{3,5}-\d+\.html$|\/c_\d{6,}\.htm|\/t\d{8}_\d+\.s?html?$|\/art_\d+_\d+\.html$/i.test(
      path,
    );
  const datedPath =
    /\/(19|20)\d{2}[-/]?(0[1-9]|1[0-2])[-/]?([0-2]\d|3[01])?\//.test(path) || /\/(19|20)\d{6}\//.test(path);
  return { epaper, contentPath, datedPath };
}
