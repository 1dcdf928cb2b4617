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
const SKIP_SUBTREE = new Set(['script', 'style', 'noscript', 'template', 'code', 'textarea', 'svg', 'math']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const BLANK = /^\s*$/;
// Enough text for detectScript to decide; reading more only costs time on huge pages.
const DETECT_SAMPLE = 20_000;

type Work = { kind: 'text'; node: Text } | { kind: 'attr'; element: Element; name: string };

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Create the toggle for a document; nothing is read or loaded until the first conversion. */
export function createPageToggle(options: PageToggleOptions): PageToggle {
  const { doc, getConverter, isOwnNode, onChange } = options;
  const langFor = options.langFor ?? ((d: Direction) => (d === 'to-hant' ? 'zh-Hant' : 'zh-Hans'));
  const sliceMs = options.sliceMs ?? 8;
  const view = doc.defaultView;
  if (!view) throw new Error('createPageToggle needs a document with a window');
  // The page's (or jsdom's) own constructors, never this realm's globals.
  const win = view as Window & { MutationObserver: typeof MutationObserver };
  const now = (): number => win.performance.now();

  let state: PageState = 'original';
  let direction: Direction | null = null;
  let epoch = 0;
  let convert: ConvertFn | null = null;
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
    for (let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (isSkippedElement(el)) return true;
    }
    const frame = node.ownerDocument?.defaultView?.frameElement;
    return frame ? isInsideSkipped(frame) : false;
  }

  function collect(root: Node, out: Work[]): void {
    if (root.nodeType === TEXT_NODE) {
      if (!BLANK.test((root as Text).data)) out.push({ kind: 'text', node: root as Text });
      return;
    }
    if (root.nodeType !== ELEMENT_NODE && root.nodeType !== 9 && root.nodeType !== 11) return;
    const ownerDoc = root.ownerDocument ?? (root as Document);
    const walker = ownerDoc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
      acceptNode: (node) => (node.nodeType === ELEMENT_NODE && isSkippedElement(node as Element) ? FILTER_REJECT : FILTER_ACCEPT),
    });
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === TEXT_NODE) {
        if (!BLANK.test((node as Text).data)) out.push({ kind: 'text', node: node as Text });
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (node === root && isSkippedElement(el)) return;
        for (const name of CONVERTED_ATTRIBUTES) if (el.hasAttribute(name)) out.push({ kind: 'attr', element: el, name });
        if (el.localName === 'iframe' || el.localName === 'frame') attachFrame(el);
      }
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
    const found: Work[] = [];
    collect(target.documentElement, found);
    queue.push(...found);
    if (enqueue) void drain();
  }

  function handleRecords(records: MutationRecord[]): void {
    if (state === 'original') return;
    let added = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.isConnected && !isInsideSkipped(node)) {
            collect(node, queue);
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
  function processChunk(items: Work[], fn: ConvertFn): void {
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
    if (writes.length === 0) return;
    // Records queued before our writes are the page's own; take them first, then drop those our writes cause.
    handleRecords(observer.takeRecords());
    for (const { item, original, converted } of writes) {
      if (item.kind === 'text') {
        item.node.data = converted;
        textOriginals.set(item.node, original);
        textWritten.set(item.node, converted);
        touchedTexts.add(item.node);
      } else {
        item.element.setAttribute(item.name, converted);
        mapFor(attrOriginals, item.element).set(item.name, original);
        mapFor(attrWritten, item.element).set(item.name, converted);
        touchedElements.add(item.element);
      }
    }
    observer.takeRecords();
  }

  function yieldToPage(): Promise<void> {
    const scheduler = (win as unknown as { scheduler?: Scheduler }).scheduler;
    if (scheduler?.yield) return scheduler.yield();
    return new Promise((resolve) => win.setTimeout(resolve, 0));
  }

  // One worker at a time; a restore empties the queue and a new conversion refills it, so the
  // worker simply runs while there is work and a converter.
  function drain(): Promise<void> {
    if (draining) return draining;
    const run = async (): Promise<void> => {
      while (queue.length > 0 && convert) {
        const deadline = now() + sliceMs;
        const fn = convert;
        let taken = 0;
        // Small batches with a clock check in between: only one huge text node can overrun a slice.
        while (taken < queue.length && now() < deadline) {
          const batch = queue.slice(taken, taken + 64);
          taken += batch.length;
          processChunk(batch, fn);
        }
        queue = queue.slice(taken);
        if (queue.length > 0) await yieldToPage();
      }
    };
    const running = run().finally(() => {
      if (draining === running) draining = null;
    });
    draining = running;
    return running;
  }

  // Text before the viewport comes last: binary search for the first item whose box reaches the screen.
  function orderVisibleFirst(items: Work[]): Work[] {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = items[mid] as Work;
      const el = item.kind === 'text' ? item.node.parentElement : item.element;
      const bottom = el && el.ownerDocument === doc ? el.getBoundingClientRect().bottom : Infinity;
      if (bottom < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? items : [...items.slice(lo), ...items.slice(0, lo)];
  }

  function setLang(target: Direction): void {
    const tag = langFor(target);
    const elements: Element[] = [doc.documentElement];
    for (const el of doc.querySelectorAll('[lang]')) {
      if (el !== doc.documentElement && /^zh\b/i.test(el.getAttribute('lang') ?? '') && !isInsideSkipped(el)) elements.push(el);
    }
    for (const el of elements) {
      if (!langOriginals.has(el)) langOriginals.set(el, el.getAttribute('lang'));
      el.setAttribute('lang', tag);
    }
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
    setState('original');
  }

  async function convertPage(target: Direction): Promise<void> {
    if (state === target) return;
    if (state !== 'original') restore();
    const myEpoch = ++epoch;
    const fn = await getConverter(target);
    if (epoch !== myEpoch) return;
    convert = fn;
    setState(target);
    setLang(target);
    const found: Work[] = [];
    observedDocs.add(doc);
    observer.observe(doc, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: CONVERTED_ATTRIBUTES,
    });
    collect(doc.documentElement, found);
    queue.push(...orderVisibleFirst(found));
    await drain();
  }

  return {
    get state() {
      return state;
    },
    get direction() {
      direction ??= detectScript((doc.body?.textContent ?? '').slice(0, DETECT_SAMPLE)) === 'hant' ? 'to-hans' : 'to-hant';
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
      convert = null;
    },
  };
}

function mapFor(maps: WeakMap<Element, Map<string, string>>, el: Element): Map<string, string> {
  let map = maps.get(el);
  if (!map) maps.set(el, (map = new Map()));
  return map;
}
