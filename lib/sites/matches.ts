/**
 * Chinese state-media, government and newspaper domains the content script runs on by default.
 * Any other page works on demand through the toolbar action (activeTab + scripting).
 */
export const NEWS_DOMAINS = [
  'people.com.cn', 'news.cn', 'xinhuanet.com', 'gov.cn', 'hebnews.cn', 'gmw.cn',
  'chinadaily.com.cn', 'cctv.com', 'cnr.cn', 'chinanews.com.cn', 'china.com.cn', 'youth.cn',
  'enorth.com.cn', 'ynet.com', 'qstheory.cn', 'ce.cn', 'cyol.com', 'dzwww.com', 'southcn.com',
  'bjnews.com.cn', 'thepaper.cn', 'ifeng.com', 'cpcnews.cn', 'chinacourt.org', 'workercn.cn',
  'legaldaily.com.cn', 'xinminweekly.com.cn', 'jschina.com.cn', 'zjol.com.cn', 'hubeidaily.net',
  'sxdaily.com.cn', 'nmgnews.com.cn', 'tibet.cn', 'yunnan.cn', 'gxnews.com.cn', 'hinews.cn',
  'cqnews.net', 'scol.com.cn', 'gog.cn', 'hljnews.cn', 'jlntv.cn', 'lnd.com.cn', 'fjsen.com',
  'jxnews.com.cn', 'ahnews.com.cn', 'hnr.cn', 'voc.com.cn', 'nxnews.net', 'qhnews.com',
  'gansudaily.com.cn', 'ts.cn', 'northnews.cn', 'sxrb.com', 'shxwcb.com', 'jfdaily.com',
  'ccdi.gov.cn', 'qstheory.com', 'banyuetan.org', 'dangjian.cn', 'rmzxb.com.cn', 'cnhubei.com',
] as const;

/** Match patterns for the domains above and all their subdomains. */
export const NEWS_MATCHES: string[] = NEWS_DOMAINS.flatMap((domain) => [
  `*://${domain}/*`,
  `*://*.${domain}/*`,
]);
