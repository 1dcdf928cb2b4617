import { escapeUTF8 } from 'entities';
import type { Block } from '../article/record';
import { readListDate } from '../archive/list-date';
import type { Clipping } from '../archive/types';

/** The words of the HTML export, in the reader's language (the caller looks them up). */
export interface HtmlLabels {
  /** Document title and heading. */
  title: string;
  /** "12 clippings, exported 2026-03-15" or similar, already filled in. */
  summary: string;
  contents: string;
  source: string;
  authors: string;
  editors: string;
  tags: string;
  note: string;
  original: string;
  /** A save date shown where the page gave no publication date (保存于 …). */
  savedOn: (date: string) => string;
  /** Marks a clipping saved as a page, not an article. */
  page: string;
}

// Nothing in the file may load or run: styles are inline, images come only from http(s) and are
// fetched without a referrer, and the policy forbids everything else.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https:";

const CSS = `
:root{--ink:#1f1b16;--muted:#6b6258;--paper:#fffaf2;--line:#e6dccb;--red:#b3261e;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--ink:#ece6dc;--muted:#a89f93;--paper:#1b1916;--line:#3d3832;--red:#ff8a80}}
body{margin:0 auto;max-width:46em;padding:2em 1.2em;background:var(--paper);color:var(--ink);
font:17px/1.8 'Noto Serif CJK SC','Source Han Serif SC','Songti SC',serif}
h1{color:var(--red);letter-spacing:.1em}
nav ol{padding-left:1.4em}
article{border-top:1px solid var(--line);margin-top:2.5em;padding-top:1em}
.kicker,.subtitle,.meta,.people,.tags,figcaption,.credit{color:var(--muted);font-size:.9em}
.meta,.people{margin:.2em 0}
.note{border-left:3px solid var(--red);padding-left:.8em}
img{max-width:100%;height:auto}
a{color:inherit}
`.trim();

function escapeHtml(text: string): string {
  return escapeUTF8(text);
}

/** An http(s) URL as an attribute value, or undefined for any other scheme. */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : undefined;
}

function renderBlock(block: Block): string {
  if (block.type === 'p') return `<p>${escapeHtml(block.text)}</p>`;
  if (block.type === 'h') return `<h3>${escapeHtml(block.text)}</h3>`;
  const src = block.src ? safeHref(block.src) : undefined;
  const img = src
    ? `<img src="${src}" alt="${escapeHtml(block.caption ?? '')}" referrerpolicy="no-referrer" loading="lazy">`
    : '';
  const caption = block.caption ? `<figcaption>${escapeHtml(block.caption)}</figcaption>` : '';
  const credit = block.credit ? `<p class="credit">${escapeHtml(block.credit)}</p>` : '';
  return img || caption || credit ? `<figure>${img}${caption}${credit}</figure>` : '';
}

function anchorOf(clipping: Clipping): string {
  // Ids are letters, digits, - and _ (validated on import); anything else is dropped to be sure.
  return `c-${clipping.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

function renderClipping(clipping: Clipping, labels: HtmlLabels): string {
  const { date, saved } = readListDate(clipping.publishedAt, clipping.savedAt);
  const meta = [
    clipping.siteName,
    saved ? labels.savedOn(date) : date,
    clipping.source ? `${labels.source}: ${clipping.source}` : '',
    clipping.asPage ? labels.page : '',
  ].filter(Boolean);
  const people = [
    clipping.authors.length ? `${labels.authors}: ${clipping.authors.join('、')}` : '',
    clipping.editors.length ? `${labels.editors}: ${clipping.editors.join('、')}` : '',
  ].filter(Boolean);
  const href = safeHref(clipping.url);
  const parts = [
    `<article id="${anchorOf(clipping)}" lang="${clipping.script === 'hant' ? 'zh-Hant' : 'zh-Hans'}">`,
    clipping.kicker ? `<p class="kicker">${escapeHtml(clipping.kicker)}</p>` : '',
    `<h2>${escapeHtml(clipping.title)}</h2>`,
    clipping.subtitle ? `<p class="subtitle">${escapeHtml(clipping.subtitle)}</p>` : '',
    `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
    people.length ? `<p class="people">${escapeHtml(people.join(' · '))}</p>` : '',
    clipping.tags.length
      ? `<p class="tags">${escapeHtml(`${labels.tags}: ${clipping.tags.join('、')}`)}</p>`
      : '',
    clipping.note ? `<p class="note">${escapeHtml(`${labels.note}: ${clipping.note}`)}</p>` : '',
    ...clipping.blocks.map(renderBlock),
    href ? `<p class="meta"><a href="${href}" rel="noreferrer">${escapeHtml(labels.original)}</a></p>` : '',
    '</article>',
  ];
  return parts.filter(Boolean).join('\n') + '\n';
}

/**
 * The clippings as one standalone HTML file, in parts for a Blob: a contents list, then each
 * clipping. Every piece of text is escaped; no markup from a page, no script, inline CSS only.
 */
export function formatClippingsHtml(
  clippings: readonly Clipping[],
  labels: HtmlLabels,
  lang: string,
): string[] {
  const head = [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(labels.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(labels.title)}</h1><p class="meta">${escapeHtml(labels.summary)}</p></header>`,
    `<nav aria-label="${escapeHtml(labels.contents)}"><ol>`,
    ...clippings.map((c) => `<li><a href="#${anchorOf(c)}">${escapeHtml(c.title || c.id)}</a></li>`),
    '</ol></nav>',
    '',
  ].join('\n');
  return [head, ...clippings.map((c) => renderClipping(c, labels)), '</body>\n</html>\n'];
}
