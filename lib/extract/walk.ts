/** Turn the chosen body elements into raw blocks: paragraphs, subheadings and figures. */
import type { RawBlock } from '../article/raw-block.ts';
import { SKIP_TAGS, BLOCK_TAGS, countChars, treeOfStats, type NodeStats } from './node-stats.ts';
import { TEXT_KIND } from '../dom/tags.ts';
import { linkDensity } from './body.ts';
import { isInlineHidden } from './visibility.ts';

const NOISE_NAME =
  /(^|[-_\s])(share|sharebox|bdshare|bdsharebuttonbox|comment|comments|related|relate|recommend|breadcrumb|crumb|crumbs|position|location|login|rank|ranking|advert|ads|ad|banner|copyright|pager|pagination|page_?nav|prev|next|qrcode|ewm|erweima|reply|subscribe|toolbar|tools|footer|sidebar|hot|hotnews|keywords|tags|statement|disclaimer|print|fontsize|video|player|mplayer|audio|morestories|more-stories|recommend-list)([-_\s\d]|$)/i;
const CAPTION_NAME =
  /(caption|pic_?(text|txt|tit|title|info|desc|note)|img_?(text|txt|desc|title)|photo_?(text|desc|title)|picintro|pictext|tuzhu|imgtit)/i;
const ICON_SRC =
  /(icon|logo|share|qrcode|ewm|erweima|btn|button|arrow|blank|spacer|pixel|loading|avatar|weixin|weibo|wechat)/i;
// A notice's attachments are links, and body: "附件1：报名表.doc", or a link naming a document file.
const ATTACHMENT = /^附件\s*(?:\d{1,2}\s*)?[:：]|\.(?:docx?|xlsx?|pdf|wps|et|ofd|zip|rar)$/i;
const BOLD = new Set(['STRONG', 'B']);
const DISPLAY_BLOCK = /(?:^|;)\s*display\s*:\s*block/i;
// Twice the longest body seen on a real page (10,700 paragraphs); beyond it a page is generated text,
// and cleaning 100,000 paragraphs took seconds.
export const MAX_BODY_BLOCKS = 20_000;
const HEADING = /^H[2-6]$/;

interface Buffer {
  text: string;
  chars: number;
  boldChars: number;
  linkChars: number;
  heading: boolean;
  caption: boolean;
}

/** Walk body elements in order and emit raw blocks; never changes the document. `stats` as computeStats counted them. */
export function walkBlocks(
  roots: Element[],
  stats: Map<Element, NodeStats>,
  baseUrl: string,
  headline: Element | null = null,
): RawBlock[] {
  let out: RawBlock[] = [];
  let emitted = 0;
  let buf = emptyBuffer();
  const flush = (): void => {
    const text = buf.text.replace(/\s+/g, ' ').trim();
    if (text && buf.chars > 0) {
      const linkRatio = buf.linkChars / buf.chars;
      if (!(linkRatio >= 0.8 && buf.chars < 200) || ATTACHMENT.test(text)) {
        const bold = buf.boldChars >= buf.chars * 0.95 && buf.chars <= 40 && !/[。；]$/.test(text);
        out.push({ kind: buf.heading || bold ? 'h' : 'p', text, captionHint: buf.caption || undefined });
        emitted += buf.chars;
      }
    }
    buf = emptyBuffer();
  };

  // The children are read off the tree the statistics were counted from, not the DOM again: a map
  // computeStats did not count holds no element the walk would read.
  const tree = treeOfStats(stats);
  if (!tree) return [];
  const visit = (el: Element, bold: boolean, link: boolean, caption: boolean): void => {
    if (out.length >= MAX_BODY_BLOCKS) return;
    const s = stats.get(el);
    // Elements without statistics were left out as hidden (see computeStats).
    if (!s || SKIP_TAGS.has(s.tag)) return;
    const tag = s.tag;
    // Most elements carry no attribute: no style, alignment or hidden flag to read then.
    const bare = s.bare;
    if (!bare && isHidden(el, s)) return;
    // The headline printed inside the body container: the channel label above it is not body (the
    // headline's own lines are dropped in cleaning, its dateline read there).
    if (el === headline) {
      flush();
      // Only label-like lines go: a sentence before the headline is a lead, not a label.
      if (emitted < 200) out = out.filter((b) => b.kind === 'figure' || /[。！？]/.test(b.text));
    }
    if (tag === 'IMG') {
      const figure = toFigure(el, baseUrl);
      if (figure) {
        flush();
        out.push(figure);
      }
      return;
    }
    if (tag === 'BR') {
      flush();
      return;
    }
    if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER') return;
    if (isNoiseContainer(s)) return;
    const style = bare ? '' : (el.getAttribute('style') ?? '');
    // An inline element styled as a block breaks the paragraph as a <p> would (spacer spans between
    // paragraphs of one text box); no layout in jsdom, so the inline style is read.
    const block = BLOCK_TAGS.has(tag) || (style !== '' && DISPLAY_BLOCK.test(style));
    const isCaption =
      caption || tag === 'FIGCAPTION' || CAPTION_NAME.test(s.names) || isCentered(el, tag, bare);
    if (block) {
      flush();
      if (HEADING.test(tag)) buf.heading = true;
    }
    if (block || isCaption) buf.caption = buf.caption || isCaption;
    const isBold = bold || BOLD.has(tag) || /font-weight:\s*(bold|[6-9]00)/i.test(style);
    const isLink = link || tag === 'A';
    // Past the bound nothing more is kept (the blocks beyond it are cut): the rest of a container
    // of 100,000 paragraphs is not read.
    const { kind, text, next } = tree;
    for (let node = tree.firstNode[s.node]!; node >= 0 && out.length < MAX_BODY_BLOCKS; node = next[node]!) {
      const child = kind[node]!;
      if (child === TEXT_KIND) {
        const data = text[node]!;
        const n = countChars(data);
        buf.text += data;
        buf.chars += n;
        if (isBold) buf.boldChars += n;
        if (isLink) buf.linkChars += n;
      } else if (child >= 0) {
        visit(tree.elements[child]!, isBold, isLink, isCaption);
      }
    }
    if (block || tag === 'TD' || tag === 'TH') flush();
  };

  for (const root of roots) visit(root, false, false, false);
  flush();
  return out.slice(0, MAX_BODY_BLOCKS);
}

function emptyBuffer(): Buffer {
  return { text: '', chars: 0, boldChars: 0, linkChars: 0, heading: false, caption: false };
}

// A long text hidden by an inline style is usually revealed by the page's script (WeChat does so).
function isHidden(el: Element, s: NodeStats | undefined): boolean {
  if (el.hasAttribute('hidden')) return (s?.chars ?? 0) < 200;
  const style = el.getAttribute('style');
  return !!style && isInlineHidden(style) && (s?.chars ?? 0) < 200;
}

/** A class or id naming a photo caption ("caption", "pic_text", "tuzhu"). */
export function isCaptionName(names: string): boolean {
  return CAPTION_NAME.test(names);
}

function isCentered(el: Element, tag: string, bare: boolean): boolean {
  if (tag === 'CENTER') return true;
  if (bare || (tag !== 'P' && tag !== 'DIV' && tag !== 'SPAN')) return false;
  const align = el.getAttribute('align');
  if (align && align.toLowerCase() === 'center') return true;
  return /text-align\s*:\s*center/i.test(el.getAttribute('style') ?? '');
}

// Furniture inside the body: named like furniture and short, or a mostly-links list or box.
function isNoiseContainer(s: NodeStats): boolean {
  const tag = s.tag;
  if (tag === 'A' || tag === 'SPAN' || tag === 'STRONG' || tag === 'B' || tag === 'FONT') return false;
  const names = s.names;
  const chars = s.chars;
  // A caption is named for its medium too ("video-caption"): a caption name is never furniture.
  if (
    names.trim() &&
    NOISE_NAME.test(names) &&
    !CAPTION_NAME.test(names) &&
    (chars < 300 || linkDensity(s) > 0.3)
  )
    return true;
  const listLike =
    tag === 'UL' || tag === 'OL' || tag === 'DL' || tag === 'TABLE' || tag === 'DIV' || tag === 'SECTION';
  return listLike && chars >= 10 && linkDensity(s) > 0.6 && chars < 600;
}

function toFigure(img: Element, baseUrl: string): RawBlock | null {
  const raw =
    img.getAttribute('data-src') ?? img.getAttribute('data-original') ?? img.getAttribute('src') ?? '';
  if (!raw || ICON_SRC.test(raw)) return null;
  const width = Number(img.getAttribute('width') ?? '0');
  const height = Number(img.getAttribute('height') ?? '0');
  if ((width > 0 && width < 80) || (height > 0 && height < 60)) return null;
  let src: string;
  try {
    src = new URL(raw.trim(), baseUrl).href;
  } catch {
    return null;
  }
  if (!/^https?:\/\//i.test(src)) return null;
  const alt = (img.getAttribute('alt') ?? '').trim();
  return { kind: 'figure', text: alt, src };
}
