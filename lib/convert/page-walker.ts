// What the live toggle visits: text nodes and a few attributes, in document order, skipping code, form
// values, editable and opted-out text and the extension's own UI, and following same-origin frames.

/** Attributes whose text a reader sees (tooltips, image descriptions, placeholders, labels). */
export const CONVERTED_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
// Never converted, nor anything inside: code and markup the page runs on, and text the reader is editing.
const SKIP_SUBTREE = new Set(['script', 'style', 'noscript', 'template', 'code', 'textarea']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;
const BLANK = /^\s*$/;

/** One thing to convert: a text node, or one attribute of an element. */
export type Work = { kind: 'text'; node: Text } | { kind: 'attr'; element: Element; name: string };

/** The value a work item names as the page holds it now (null: the attribute is gone). */
export function readWorkValue(item: Work): string | null {
  return item.kind === 'text' ? item.node.data : item.element.getAttribute(item.name);
}

/** A stretch of a document still to walk: from `node` on, inside `root`, up to `stop` if set. */
export interface Cursor {
  node: Node | null;
  root: Node;
  stop: Node | null;
}

export interface PageWalker {
  /** Pull up to `limit` items from a cursor in document order; the walk resumes where it stopped. */
  pull(cursor: Cursor, out: Work[], limit: number): void;
  /** Whether a node sits inside something never converted (also across a frame boundary). */
  isInsideSkipped(node: Node): boolean;
}

/** Create a walker; `onFrame` hears of every frame element it passes. */
export function createPageWalker(options: {
  isOwnNode?: (node: Node) => boolean;
  onFrame?: (frame: Element) => void;
}): PageWalker {
  const { isOwnNode, onFrame } = options;

  function isSkippedElement(el: Element): boolean {
    const name = el.localName;
    if (SKIP_SUBTREE.has(name)) return true;
    if (name === 'option' && !el.hasAttribute('value')) return true; // its text is its submitted value
    if (el.getAttribute('translate') === 'no') return true;
    if (el.classList.contains('ignore-opencc')) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
    return isOwnNode?.(el) ?? false;
  }

  function isInsideSkipped(node: Node): boolean {
    for (
      let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
      el;
      el = el.parentElement
    ) {
      if (isSkippedElement(el)) return true;
    }
    const frame = node.ownerDocument?.defaultView?.frameElement;
    return frame ? isInsideSkipped(frame) : false;
  }

  // Visit one node: queue its text or attributes; false when its subtree is never converted.
  function visit(node: Node, out: Work[]): boolean {
    if (node.nodeType === TEXT_NODE) {
      if (!BLANK.test((node as Text).data)) out.push({ kind: 'text', node: node as Text });
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE)
      return node.nodeType === DOCUMENT_NODE || node.nodeType === FRAGMENT_NODE;
    const el = node as Element;
    if (isSkippedElement(el)) return false;
    for (const name of CONVERTED_ATTRIBUTES)
      if (el.hasAttribute(name)) out.push({ kind: 'attr', element: el, name });
    if (el.localName === 'iframe' || el.localName === 'frame') onFrame?.(el);
    return true;
  }

  function pull(cursor: Cursor, out: Work[], limit: number): void {
    if (cursor.node && !cursor.root.contains(cursor.node)) {
      // The page removed the node we were about to visit: walk the range again; done nodes are skipped.
      cursor.node = cursor.root.isConnected ? cursor.root : null;
      cursor.stop = null;
    }
    while (cursor.node && out.length < limit) {
      const node: Node = cursor.node;
      if (node === cursor.stop) {
        cursor.node = null;
        break;
      }
      let next: Node | null = visit(node, out) ? node.firstChild : null;
      for (let at: Node | null = node; !next && at && at !== cursor.root; at = at.parentNode)
        next = at.nextSibling;
      cursor.node = next;
    }
  }

  return { pull, isInsideSkipped };
}

/** A same-origin frame's document, or null (cross-origin, or about:blank before it loads). */
export function readFrameDocument(frame: Element): Document | null {
  try {
    const frameDoc = (frame as HTMLIFrameElement).contentDocument;
    return frameDoc && frameDoc.documentElement ? frameDoc : null;
  } catch {
    return null;
  }
}
