// Live-page 简/繁 toggle. Three phases per chunk: collect nodes, convert their text (pure), write back only
// what changed. Originals live in WeakMaps, so toggling back restores the page exactly, never re-converts.
import type { ConvertFn } from './engine';
import { detectScript } from './script';

export type Direction = 'to-hant' | 'to-hans';
export type PageState = 'original' | Direction;

export interface PageToggleOptions {
  doc: Document;
  getConverter: (direction: Direction) => Promise<ConvertFn>;
  /** The extension's own UI (toolbar host): never converted. */
  isOwnNode?: (node: Node) => boolean;
  onChange?: (state: PageState) => void;
  /** BCP 47 tag written to `lang` for each direction; defaults zh-Hant / zh-Hans. */
  langFor?: (direction: Direction) => string;
  /** Longest stretch of work between yields, in ms; 50 ms makes a long task, so stay well below. */
  sliceMs?: number;
  /**
   * Most characters rewritten per slice: the browser lays out rewritten text before the next frame,
   * and that layout, not the conversion, is what would otherwise grow into a long task.
   */
  sliceChars?: number;
}

export interface PageToggle {
  readonly state: PageState;
  /** The direction the first toggle takes, judged from the page text. */
  readonly direction: Direction;
  toggle(): Promise<void>;
  convert(direction: Direction): Promise<void>;
  restore(): void;
  dispose(): void;
}

const CONVERTED_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
// Never converted, nor anything inside: code and markup the page runs on, and text the reader is editing.
const SKIP_SUBTREE = new Set(['script', 'style', 'noscript', 'template', 'code', 'textarea']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;
const BLANK = /^\s*$/;
// Enough text for detectScript to decide; reading more only costs time on huge pages.
const DETECT_SAMPLE = 20_000;

type Work = { kind: 'text'; node: Text } | { kind: 'attr'; element: Element; name: string };
/** A stretch of the document still to walk: from `node` on, inside `root`, up to `stop` if set. */
interface Range {
  node: Node | null;
  root: Node;
  stop: Node | null;
}

/** Create the toggle for a document; nothing is read or loaded until the first conversion. */
export function createPageToggle(options: PageToggleOptions): PageToggle {
  const { doc, getConverter, isOwnNode, onChange } = options;
  const langFor = options.langFor ?? ((d: Direction) => (d === 'to-hant' ? 'zh-Hant' : 'zh-Hans'));
  const sliceMs = options.sliceMs ?? 6;
  const sliceChars = options.sliceChars ?? 6_000;
  const view = doc.defaultView;
  if (!view) throw new Error('createPageToggle needs a document with a window');
  // The page's (or jsdom's) own constructors, never this realm's globals.
  const win = view as Window & { MutationObserver: typeof MutationObserver };
  const now = (): number => win.performance.now();

  let state: PageState = 'original';
  let direction: Direction | null = null;
  let epoch = 0;
  let convert: ConvertFn | null = null;
  let target: Direction | null = null;
  // What was there before we wrote, and what we wrote: a node whose value differs from what we wrote
  // was changed by the page since, and its new value is the new original.
  let textOriginals = new WeakMap<Text, string>();
  let textWritten = new WeakMap<Text, string>();
  let attrOriginals = new WeakMap<Element, Map<string, string>>();
  let attrWritten = new WeakMap<Element, Map<string, string>>();
  let touchedTexts = new Set<Text>();
  let touchedElements = new Set<Element>();
  let langOriginals = new Map<Element, string | null>();
  let queue: Work[] = [];
  let ranges: Range[] = [];
  let draining: Promise<void> | null = null;
  const frames = new Map<Element, () => void>();
  const observedDocs = new Set<Document>();
  const observer = new win.MutationObserver((records: MutationRecord[]) => handleRecords(records));

  const setState = (next: PageState): void => {
    if (state === next) return;
    state = next;
    onChange?.(next);
  };

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

  // Whether a node added later sits inside something we never convert.
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
    if (el.localName === 'iframe' || el.localName === 'frame') attachFrame(el);
    return true;
  }

  // Pull up to `limit` work items from a range, walking in document order; the walk is resumable, so
  // a huge page is collected slice by slice along with its conversion, never in one long task.
  function pull(range: Range, out: Work[], limit: number): void {
    if (range.node && !range.root.contains(range.node)) {
      // The page removed the node we were about to visit: walk the range again; done nodes are skipped.
      range.node = range.root.isConnected ? range.root : null;
      range.stop = null;
    }
    while (range.node && out.length < limit) {
      const node: Node = range.node;
      if (node === range.stop) {
        range.node = null;
        break;
      }
      let next: Node | null = visit(node, out) ? node.firstChild : null;
      for (let at: Node | null = node; !next && at && at !== range.root; at = at.parentNode)
        next = at.nextSibling;
      range.node = next;
    }
  }

  function readFrameDocument(frame: Element): Document | null {
    try {
      const frameDoc = (frame as HTMLIFrameElement).contentDocument;
      // A cross-origin frame gives null or throws; about:blank before load has no body worth walking.
      return frameDoc && frameDoc.documentElement ? frameDoc : null;
    } catch {
      return null;
    }
  }

  function attachFrame(frame: Element): void {
    if (!frames.has(frame)) {
      const onLoad = (): void => {
        if (state === 'original') return;
        const frameDoc = readFrameDocument(frame);
        if (frameDoc) observeDocument(frameDoc, true);
      };
      frame.addEventListener('load', onLoad);
      frames.set(frame, () => frame.removeEventListener('load', onLoad));
    }
    const frameDoc = readFrameDocument(frame);
    if (frameDoc) observeDocument(frameDoc, false);
  }

  function observeDocument(target: Document, enqueue: boolean): void {
    if (observedDocs.has(target)) return;
    observedDocs.add(target);
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: CONVERTED_ATTRIBUTES,
    });
    ranges.push({ node: target.documentElement, root: target.documentElement, stop: null });
    if (enqueue) void drain();
  }

  function handleRecords(records: MutationRecord[]): void {
    if (state === 'original') return;
    let added = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.isConnected && !isInsideSkipped(node)) {
            ranges.push({ node, root: node, stop: null });
            added = true;
          }
        }
      } else if (record.type === 'characterData') {
        const node = record.target as Text;
        if (textWritten.get(node) !== node.data && !isInsideSkipped(node)) {
          queue.push({ kind: 'text', node });
          added = true;
        }
      } else if (record.type === 'attributes' && record.attributeName) {
        const el = record.target as Element;
        const value = el.getAttribute(record.attributeName);
        if (attrWritten.get(el)?.get(record.attributeName) !== value && !isInsideSkipped(el)) {
          queue.push({ kind: 'attr', element: el, name: record.attributeName });
          added = true;
        }
      }
    }
    if (added) void drain();
  }

  // Phase two and three for one chunk: convert (pure), then write only the values that change.
  function processChunk(items: Work[], fn: ConvertFn): number {
    const writes: Array<{ item: Work; original: string; converted: string }> = [];
    for (const item of items) {
      if (item.kind === 'text') {
        const { node } = item;
        const current = node.data;
        if (textWritten.get(node) === current) continue;
        textOriginals.delete(node);
        textWritten.delete(node);
        const converted = fn(current);
        if (converted !== current) writes.push({ item, original: current, converted });
      } else {
        const { element, name } = item;
        const current = element.getAttribute(name);
        if (current === null || attrWritten.get(element)?.get(name) === current) continue;
        attrOriginals.get(element)?.delete(name);
        attrWritten.get(element)?.delete(name);
        const converted = fn(current);
        if (converted !== current) writes.push({ item, original: current, converted });
      }
    }
    if (writes.length === 0) return 0;
    let written = 0;
    // Records queued before our writes are the page's own; take them first, then drop those our writes cause.
    handleRecords(observer.takeRecords());
    for (const { item, original, converted } of writes) {
      written += converted.length;
      if (item.kind === 'text') {
        item.node.data = converted;
        textOriginals.set(item.node, original);
        textWritten.set(item.node, converted);
        touchedTexts.add(item.node);
        if (target && item.node.parentElement) setElementLang(item.node.parentElement, target);
      } else {
        item.element.setAttribute(item.name, converted);
        mapFor(attrOriginals, item.element).set(item.name, original);
        mapFor(attrWritten, item.element).set(item.name, converted);
        touchedElements.add(item.element);
      }
    }
    observer.takeRecords();
    return written;
  }

  // Yield until the page has rendered once, so each slice's rewritten text is laid out on its own
  // rather than piled up into one long layout. Hidden tabs get no frames: a timer stands in.
  function yieldToPage(): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        resolve();
      };
      if (doc.visibilityState !== 'hidden' && typeof win.requestAnimationFrame === 'function') {
        win.requestAnimationFrame(() => win.setTimeout(finish, 0));
        win.setTimeout(finish, 100);
      } else {
        win.setTimeout(finish, 0);
      }
    });
  }

  // One worker at a time; a restore empties the queue and a new conversion refills it, so the
  // worker simply runs while there is work and a converter.
  function drain(): Promise<void> {
    if (draining) return draining;
    const run = async (): Promise<void> => {
      while ((queue.length > 0 || ranges.length > 0) && convert) {
        const deadline = now() + sliceMs;
        const fn = convert;
        let written = 0;
        // Small batches with a clock check in between: only one huge text node can overrun a slice.
        while (now() < deadline && written < sliceChars) {
          let batch: Work[];
          if (queue.length > 0) {
            batch = queue;
            queue = [];
          } else if (ranges[0]) {
            batch = [];
            pull(ranges[0], batch, 32);
            if (!ranges[0].node) ranges.shift();
          } else {
            break;
          }
          written += processChunk(batch, fn);
        }
        if (queue.length > 0 || ranges.length > 0) await yieldToPage();
      }
      // Everything is converted: now the root (and any container declaring Chinese) can say so without
      // relaying out the whole page at once.
      if (target && convert && !langOriginals.has(doc.documentElement)) {
        setElementLang(doc.documentElement, target);
        for (const el of doc.querySelectorAll('[lang]')) {
          if (/^zh\b/i.test(el.getAttribute('lang') ?? '') && !isInsideSkipped(el))
            setElementLang(el, target);
        }
      }
    };
    const running = run().finally(() => {
      if (draining === running) draining = null;
    });
    draining = running;
    return running;
  }

  // Where the reader is looking: the element at the top of the viewport, unless it is ours or skipped.
  function findVisibleStart(): Node {
    const root = doc.documentElement;
    const width = win.innerWidth || 0;
    const height = win.innerHeight || 0;
    for (const [x, y] of [
      [width / 2, height * 0.1],
      [width * 0.3, height * 0.3],
      [width / 2, height / 2],
    ] as const) {
      const el = typeof doc.elementFromPoint === 'function' ? doc.elementFromPoint(x, y) : null;
      if (el && el !== root && el !== doc.body && root.contains(el) && !isInsideSkipped(el)) return el;
    }
    return root;
  }

  // A lang change re-selects fonts for everything beneath, so it goes element by element with the
  // text (each slice lays out only what it rewrote) and reaches the root only at the end.
  function setElementLang(el: Element, direction: Direction): void {
    if (langOriginals.has(el)) return;
    const tag = langFor(direction);
    const current = el.getAttribute('lang');
    langOriginals.set(el, current);
    if (current !== tag) el.setAttribute('lang', tag);
  }

  function resetTracking(): void {
    textOriginals = new WeakMap();
    textWritten = new WeakMap();
    attrOriginals = new WeakMap();
    attrWritten = new WeakMap();
    touchedTexts = new Set();
    touchedElements = new Set();
    langOriginals = new Map();
    queue = [];
    ranges = [];
  }

  function stopObserving(): void {
    observer.disconnect();
    observedDocs.clear();
  }

  function restore(): void {
    epoch++;
    // Page changes not yet delivered must not be mistaken for ours after the restore.
    observer.takeRecords();
    stopObserving();
    for (const node of touchedTexts) {
      const original = textOriginals.get(node);
      if (original !== undefined && textWritten.get(node) === node.data) node.data = original;
    }
    for (const el of touchedElements) {
      const originals = attrOriginals.get(el);
      const written = attrWritten.get(el);
      if (!originals || !written) continue;
      for (const [name, original] of originals) {
        if (written.get(name) === el.getAttribute(name)) el.setAttribute(name, original);
      }
    }
    for (const [el, lang] of langOriginals) {
      if (lang === null) el.removeAttribute('lang');
      else el.setAttribute('lang', lang);
    }
    resetTracking();
    convert = null;
    target = null;
    setState('original');
  }

  async function convertPage(wanted: Direction): Promise<void> {
    if (state === wanted) return;
    if (state !== 'original') restore();
    const myEpoch = ++epoch;
    const fn = await getConverter(wanted);
    if (epoch !== myEpoch) return;
    convert = fn;
    target = wanted;
    setState(wanted);
    observedDocs.add(doc);
    observer.observe(doc, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: CONVERTED_ATTRIBUTES,
    });
    // The visible part first, from the top of the viewport to the end, then the part before it.
    const root = doc.documentElement;
    const start = findVisibleStart();
    ranges.push({ node: start, root, stop: null });
    if (start !== root) ranges.push({ node: root, root, stop: start });
    await drain();
  }

  return {
    get state() {
      return state;
    },
    get direction() {
      direction ??=
        detectScript((doc.body?.textContent ?? '').slice(0, DETECT_SAMPLE)) === 'hant'
          ? 'to-hans'
          : 'to-hant';
      return direction;
    },
    toggle() {
      if (state !== 'original') {
        restore();
        return Promise.resolve();
      }
      return convertPage(this.direction);
    },
    convert: convertPage,
    restore,
    dispose() {
      epoch++;
      stopObserving();
      for (const off of frames.values()) off();
      frames.clear();
      queue = [];
      ranges = [];
      convert = null;
    },
  };
}

function mapFor(maps: WeakMap<Element, Map<string, string>>, el: Element): Map<string, string> {
  let map = maps.get(el);
  if (!map) maps.set(el, (map = new Map()));
  return map;
}
