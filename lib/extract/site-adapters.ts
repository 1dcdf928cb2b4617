/**
 * Site adapters keyed on the real markup of major sites: where the body, and sometimes the
 * headline and dateline, live. Checked against saved pages of each site; the generic density
 * scoring takes over when a selector finds nothing with text.
 */
export interface SiteAdapter {
  /** Host names this adapter covers, including their subdomains. */
  domains: string[];
  /** Body container selectors, tried in order. */
  body: string[];
  /** Selectors of the element printing the dateline, tried in order. */
  date?: string[];
  /** Selectors of the headline element. */
  title?: string[];
}

export const ADAPTERS: SiteAdapter[] = [
  {
    domains: ['people.com.cn', 'people.cn'],
    body: ['.rm_txt_con', '#rwb_zw', '.box_con', '.text_con .text_c', '#p_content', '.artDet'],
    date: ['.channel .col-1-1', '.col-1-1', '.box01 .fl', '.sou'],
    title: ['.rm_txt h1', '.col-1 h1', '.text_c h1', 'h1'],
  },
  {
    domains: ['news.cn', 'xinhuanet.com'],
    body: ['#detail', '.main-aticle', '#p-detail', '.article', '#content'],
    date: ['.header-time', '.h-time', '.time', '.info'],
    title: ['.head-line .title', '.h-title', 'h1'],
  },
  {
    domains: ['gov.cn'],
    body: ['#UCAP-CONTENT', '.pages_content', '.article-content', '#Zoom', '.TRS_Editor'],
    date: ['.pages-date', '.date'],
    title: ['.article h1', '#ti', 'h1'],
  },
  {
    domains: ['hebnews.cn'],
    body: ['.text', '#content', '.g_content', '.article'],
    date: ['.post_source', '.source', '.time'],
  },
  {
    domains: ['gmw.cn'],
    body: ['.u-mainText', '#contentMain', '#ArticleContent', '.contentWrapper'],
    date: ['.m-con-time', '#pubTime', '.m-con-source'],
    title: ['.u-title', 'h1'],
  },
  {
    domains: ['chinanews.com.cn', 'chinanews.com'],
    body: ['.left_zw', '.content_desc'],
    date: ['.left-time .left-t', '.left-t'],
    title: ['.content h1', 'h1'],
  },
  {
    domains: ['cctv.com'],
    body: ['.content_area', '#content_area', '.cnt_bd', '#text_area'],
    date: ['.info1', '.info', '.function .info'],
    title: ['.title_area h1', 'h1'],
  },
  {
    domains: ['china.com.cn'],
    body: ['#articleBody', '.artiContent', '.article_content', '#fontzoom'],
    date: ['#pubtime_baidu', '.pub_date', '.time'],
  },
  {
    domains: ['youth.cn'],
    body: ['.TRS_Editor', '.page_text', '#content'],
    date: ['#page_right', '.page_title', '.pwz'],
  },
  {
    domains: ['southcn.com'],
    body: ['#content', '.m-article', '.article-content'],
    date: ['#pubtime_baidu', '.pub_time', '.date'],
  },
  {
    domains: ['ifeng.com'],
    body: ['[class*="main_content"]', '[class*="text-"]', '#main_content'],
    date: ['[class*="timeBref"]', '[class*="time-"]'],
  },
  {
    domains: ['sina.com.cn'],
    body: ['#artibody', '#article', '.article'],
    date: ['.date-source .date', '#pub_date', '.time-source'],
  },
  {
    domains: ['sohu.com'],
    body: ['#mp-editor', 'article.article', '.article'],
    date: ['#news-time', '.time'],
  },
  {
    domains: ['163.com'],
    body: ['.post_body', '#endText', '.post_text'],
    date: ['.post_info', '.post_time_source'],
  },
  {
    domains: ['thepaper.cn'],
    body: ['[class*="cententWrap"]', '.news_txt', '.index_cententWrap'],
    date: ['.news_about p', '[class*="headerContent"] span'],
  },
  {
    domains: ['weixin.qq.com'],
    body: ['#js_content', '.rich_media_content'],
    date: ['#publish_time'],
    title: ['#activity-name', '.rich_media_title'],
  },
  {
    domains: ['toutiao.com'],
    body: ['.article-content article', '.article-content', 'article'],
    date: ['.article-meta span', '.article-sub span'],
  },
  {
    domains: ['caijing.com.cn'],
    body: ['#the_content', '.article-content', '.main_txt'],
    date: ['#pubtime_baidu', '.news_time', '.sub_lt'],
  },
  {
    domains: ['theorychina.org.cn'],
    body: ['.TRS_Editor', '#fontzoom', '.content'],
    date: ['.time', '.date'],
  },
  { domains: ['kepu.gov.cn'], body: ['.TRS_Editor', '#Zoom', '.content'], date: ['.time', '.date'] },
  {
    domains: ['1905.com'],
    body: ['.pic-content', '.content', '#content'],
    date: ['.article-info .time', '.info-time'],
  },
];

/** The adapter for a URL's host, or null when no site adapter covers it. */
export function findAdapter(url: string): SiteAdapter | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const adapter of ADAPTERS) {
    if (adapter.domains.some((d) => host === d || host.endsWith(`.${d}`))) return adapter;
  }
  return null;
}
