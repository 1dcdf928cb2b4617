/**
 * Which elements a reader cannot see. On a live page the browser's computed visibility decides; in
 * jsdom or linkedom (no layout) the markup does: the `hidden` attribute, aria-hidden, inline styles
 * and the page's own top-level `display:none` rules on plain class, id or tag selectors.
 */
import { elementsByTag, type TagIndex } from '../dom/tags.ts';
import type { HiddenTest } from './node-stats.ts';

export interface Visibility {
  /**
   * True for an element hidden by itself (its descendants need not be asked); `attributes` are its
   * attribute names when the caller has read them (see computeStats).
   */
  isHidden: HiddenTest;
  /** Computed from layout (a live page) rather than read from markup. */
  live: boolean;
}

const INLINE_NONE = /(?:^|;)\s*display\s*:\s*none/i;
const INLINE_INVISIBLE = /(?:^|;)\s*visibility\s*:\s*hidden/i;
const INLINE_OUT_OF_FLOW = /(?:^|;)\s*position\s*:\s*(?:absolute|fixed)/i;

type CheckVisibility = (options?: Record<string, boolean>) => boolean;

/** Build the hidden-element test for a document; `tags` is its tag index when the caller has one. */
export function createVisibility(doc: Document, tags: TagIndex | Document = doc): Visibility {
  const body = doc.body as (HTMLElement & { checkVisibility?: CheckVisibility }) | null;
  // Only a laid-out page has client rects; jsdom and linkedom have none.
  if (body && typeof body.checkVisibility === 'function' && body.getClientRects().length > 0) {
    const view = doc.defaultView;
    return {
      live: true,
      isHidden: (el) => {
        const check = (el as Element & { checkVisibility: CheckVisibility }).checkVisibility.bind(el);
        if (check({ visibilityProperty: true, checkVisibilityCSS: true })) return false;
        // No options: display:none and content-visibility only (checkVisibilityCSS names visibility too).
        if (!check()) return true;
        return isOutOfFlow(view?.getComputedStyle(el).position ?? '');
      },
    };
  }
  const rules = readHiddenSelectors(tags);
  return {
    live: false,
    isHidden: (el, attributes) => {
      // Most elements carry no attribute: only a rule on their tag can hide them.
      if (attributes ? !attributes.length : !el.hasAttributes())
        return rules.size > 0 && rules.has(el.tagName.toLowerCase());
      // Attributes the list does not name are not read (each read costs in jsdom).
      if (
        (lists(attributes, 'hidden') && el.hasAttribute('hidden')) ||
        (lists(attributes, 'aria-hidden') && el.getAttribute('aria-hidden') === 'true')
      )
        return true;
      const style = lists(attributes, 'style') ? el.getAttribute('style') : null;
      if (style && isInlineHidden(style)) return true;
      if (rules.size === 0) return false;
      if (el.id && rules.has(`#${el.id}`)) return true;
      const tag = el.tagName.toLowerCase();
      if (rules.has(tag)) return true;
      const names = el.getAttribute('class');
      if (!names) return false;
      for (const name of names.split(/\s+/)) {
        if (name && (rules.has(`.${name}`) || rules.has(`${tag}.${name}`))) return true;
      }
      return false;
    },
  };
}

// Whether an attribute may be present: named in the list read, or no list given. A function of the
// module, not a closure per call: tsx (the CLI, the benches) names every closure it creates, a
// property definition each (100,000 links: 60 ms).
function lists(attributes: readonly string[] | undefined, name: string): boolean {
  return !attributes || attributes.includes(name);
}

// visibility:hidden keeps its place in the flow when the page reveals it later (photos and bodies
// that fade in once loaded or scrolled to); only out of the flow (a closed menu, a popup) is it hidden.
function isOutOfFlow(position: string): boolean {
  return position === 'absolute' || position === 'fixed';
}

/** An inline style that hides its element: display:none, or visibility:hidden out of the flow. */
export function isInlineHidden(style: string): boolean {
  return INLINE_NONE.test(style) || (INLINE_INVISIBLE.test(style) && INLINE_OUT_OF_FLOW.test(style));
}

// Top-level rules only: inside @media (print, small screens) a rule hides nothing on this screen.
function readHiddenSelectors(tags: TagIndex | Document): Set<string> {
  const selectors = new Set<string>();
  for (const style of elementsByTag(tags, 'style')) {
    const css = stripComments(style.textContent ?? '');
    let depth = 0;
    let start = 0;
    let skipDepth = -1;
    let selector = '';
    for (let i = 0; i < css.length; i++) {
      const c = css[i];
      if (c === '{') {
        const head = css.slice(start, i).trim();
        if (depth === 0 && head.startsWith('@')) skipDepth = 0;
        if (skipDepth < 0 && depth === 0) selector = head;
        depth++;
        start = i + 1;
      } else if (c === '}') {
        const block = css.slice(start, i);
        depth = Math.max(0, depth - 1);
        if (
          skipDepth < 0 &&
          depth === 0 &&
          /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i.test(block)
        )
          for (const one of selector.split(',')) {
            const s = one.trim();
            if (/^(?:[a-z][a-z0-9]*)?(?:[.#][\w-]+)?$/i.test(s) && s && !/^(html|body)$/i.test(s))
              selectors.add(s);
          }
        if (depth === skipDepth) skipDepth = -1;
        start = i + 1;
      }
    }
  }
  return selectors;
}

function stripComments(css: string): string {
  let out = '';
  let from = 0;
  for (let open = css.indexOf('/*'); open >= 0; open = css.indexOf('/*', from)) {
    out += css.slice(from, open);
    const close = css.indexOf('*/', open + 2);
    if (close < 0) return out;
    from = close + 2;
  }
  return out + css.slice(from);
}
