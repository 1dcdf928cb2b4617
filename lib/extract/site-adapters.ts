/**
 * Site adapters keyed on the real markup of major sites: where the body, and sometimes the
 * headline and dateline, live. Checked against saved pages of each site; the generic density
 * scoring takes over when a selector finds nothing with text.
 */
import { descendants, type TagIndex } from '../dom/tags.ts';

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

// One compound selector: a tag, an id, classes and class substrings ([class*="x"]).
interface Compound {
  tag: string;
  id: string;
  classes: string[];
  classParts: string[];
}

const COMPOUND_PART = /([#.]?)([\w-]+)|\[class\*="([\w-]+)"\]/y;

// The adapters' selectors use only descendant combinators and simple compounds; matching them in
// one walk over the page is linear, where jsdom's selector engine walks the page per query.
function parseSelector(selector: string): Compound[] | null {
  const out: Compound[] = [];
  for (const word of selector.trim().split(/ +/)) {
    const compound: Compound = { tag: '', id: '', classes: [], classParts: [] };
    COMPOUND_PART.lastIndex = 0;
    while (COMPOUND_PART.lastIndex < word.length) {
      const m = COMPOUND_PART.exec(word);
      if (!m) return null;
      if (m[3]) compound.classParts.push(m[3]);
      else if (m[1] === '#') compound.id = m[2]!;
      else if (m[1] === '.') compound.classes.push(m[2]!);
      else compound.tag = m[2]!.toUpperCase();
    }
    out.push(compound);
  }
  return out.length ? out : null;
}

function matchesCompound(el: Element, c: Compound): boolean {
  if (c.tag && el.tagName.toUpperCase() !== c.tag) return false;
  if (c.id && el.id !== c.id) return false;
  if (!c.classes.length && !c.classParts.length) return true;
  const names = el.getAttribute('class') ?? '';
  const list = names.split(/\s+/);
  return c.classes.every((n) => list.includes(n)) && c.classParts.every((n) => names.includes(n));
}

function matchesChain(el: Element, chain: Compound[]): boolean {
  if (!matchesCompound(el, chain[chain.length - 1]!)) return false;
  let i = chain.length - 2;
  for (let node = el.parentElement; node && i >= 0; node = node.parentElement)
    if (matchesCompound(node, chain[i]!)) i--;
  return i < 0;
}

/** What an element's tag, class and id read, when a walk has read them already (see computeStats). */
export interface KnownNames {
  tag: string;
  cls: string;
  id: string;
}

/**
 * Elements under `root` matching each selector, in document order, from one walk of the tree (or its
 * tag index). `known` holds the tag, class and id already read of some elements: they are not read again.
 */
export function matchSelectors(
  root: Element,
  selectors: string[],
  index?: TagIndex,
  known?: ReadonlyMap<Element, KnownNames>,
): Map<string, Element[]> {
  const found = new Map<string, Element[]>(selectors.map((s) => [s, []]));
  const chains: [string, Compound[]][] = [];
  for (const selector of selectors) {
    const chain = parseSelector(selector);
    if (chain) chains.push([selector, chain]);
    else found.set(selector, Array.from(root.querySelectorAll(selector)));
  }
  if (!chains.length) return found;
  // Most elements carry no id, class or tag a selector names: test those cheaply first.
  const lasts = chains.map(([, chain]) => chain[chain.length - 1]!);
  const anyClass = lasts.some((c) => c.classParts.length > 0);
  const ids = new Set(lasts.map((c) => c.id).filter(Boolean));
  const tags = new Set(lasts.map((c) => (c.id || c.classes.length ? '' : c.tag)).filter(Boolean));
  const classes = new Set(lasts.flatMap((c) => c.classes));
  for (const el of descendants(root, index)) {
    const seen = known?.get(el);
    const names = seen ? seen.cls : el.getAttribute('class');
    const id = seen ? seen.id : el.id;
    const candidate =
      tags.has(seen ? seen.tag : el.tagName.toUpperCase()) ||
      (!!id && ids.has(id)) ||
      (!!names && (anyClass || names.split(/\s+/).some((n) => classes.has(n))));
    if (!candidate) continue;
    for (const [selector, chain] of chains) if (matchesChain(el, chain)) found.get(selector)!.push(el);
  }
  return found;
}
