/** The page's own address: given, or from canonical, og:url, base href or its own links. */
import { findTag, type TagIndex } from '../dom/tags.ts';

/** Host name of a URL without a leading "www.", or '' when it does not parse or is a placeholder. */
export function hostOf(url: string): string {
  try {
    const { hostname, protocol } = new URL(url);
    if (!/^https?:$/.test(protocol) || hostname === 'localhost' || !hostname.includes('.')) return '';
    return hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
}

// rel is a list of tokens ("canonical", "Canonical alternate"); og:url is a property (or a name).
const CANONICAL_REL = /(^|\s)canonical(\s|$)/i;
const OG_URL = /^og:url$/i;

/**
 * The canonical URL the page names: <link rel=canonical>, else og:url, resolved against `url`;
 * '' when it names no http(s) URL. `doc` may be the page's tag index (see TagIndex). Only a claim: a page can name any address, so it never
 * decides which page a clipping is (the tab's own URL does, lib/background/start.ts).
 */
export function findCanonicalUrl(doc: Document | TagIndex, url: string): string {
  const claims = [
    findTag(doc, 'link', (el) => CANONICAL_REL.test(el.getAttribute('rel') ?? ''))?.getAttribute('href'),
    findTag(doc, 'meta', (el) =>
      OG_URL.test(el.getAttribute('property') ?? el.getAttribute('name') ?? ''),
    )?.getAttribute('content'),
  ];
  for (const claim of claims) {
    const resolved = resolveHttpUrl(claim, url);
    if (resolved) return resolved;
  }
  return '';
}

/** `link` made absolute against `base`, when that gives an http(s) URL; else ''. */
function resolveHttpUrl(link: string | null | undefined, base: string): string {
  const trimmed = link?.trim();
  if (!trimmed) return '';
  try {
    const resolved = new URL(trimmed, base || undefined).href;
    return /^https?:/i.test(resolved) ? resolved : '';
  } catch {
    return '';
  }
}

/** The best known URL of a page: the given one, else its canonical claim or base href. */
export function resolvePageUrl(doc: Document | null, url: string): string {
  if (hostOf(url)) return url;
  if (!doc) return url;
  const candidates = [
    findCanonicalUrl(doc, url),
    resolveHttpUrl(findTag(doc, 'base', (el) => el.hasAttribute('href'))?.getAttribute('href'), url),
  ];
  return candidates.find((candidate) => hostOf(candidate)) ?? url;
}

/**
 * The page's own host when no URL says it: the host that most of its first links point to.
 * Saved pages keep absolute links to their own site's channels, so the commonest host is usually home.
 */
export function guessHostFromLinks(doc: Document, sample = 200): string {
  const counts = new Map<string, number>();
  const anchors = doc.getElementsByTagName('a');
  const n = Math.min(anchors.length, sample);
  for (let i = 0; i < n; i++) {
    const href = anchors[i]!.getAttribute('href');
    if (!href || !/^https?:\/\//i.test(href)) continue;
    const host = registrableHost(hostOf(href));
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [host, count] of counts) {
    if (count > bestCount) {
      best = host;
      bestCount = count;
    }
  }
  // A handful of links can be share buttons or ads; only trust a clear majority.
  return bestCount >= 5 ? best : '';
}

const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac']);

/** Reduce a host to its registrable domain: news.sina.com.cn → sina.com.cn, a.b.gov.cn → b.gov.cn. */
export function registrableHost(host: string): string {
  const parts = host.split('.');
  if (parts.length <= 2) return host;
  const tld = parts[parts.length - 1]!;
  const second = parts[parts.length - 2]!;
  const keep = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return parts.slice(-keep).join('.');
}
