// Live-page 简/繁 toggle, composed of a walker (what to visit), a record (originals, for an exact
// restore) and a scheduler (when). Three phases: collect nodes, convert their text (pure), write back
// only what changed. The viewport goes through all three in the click's own task; for the rest the
// whole walk and conversion come first and the writes after, in as few frames as the pacer allows.
import { convertMany, type ConvertFn } from './engine';
import { createPageRecord, type PageRecord } from './page-record';
import { createPacer, createWorkOrder, runInSlices, type Budget } from './page-scheduler';
import {
  CONVERTED_ATTRIBUTES,
  createPageWalker,
  readFrameDocument,
  readWorkValue,
  type Cursor,
  type Work,
} from './page-walker';
import { detectScript } from '../text/script';

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
  /** Longest task of ours, in ms; 50 ms makes a long task, so stay well below. */
  sliceMs?: number;
  /**
   * Characters rewritten in the first idle slice; later slices are sized from what the frames after
   * them cost (the layout of rewritten text, not the conversion, is what grows into long tasks).
   */
  sliceChars?: number;
}

export interface PageToggle {
  readonly state: PageState;
  /** The direction the first toggle takes, judged from the page text. */
  readonly direction: Direction;
  toggle(): Promise<void>;
  convert(direction: Direction): Promise<void>;
  /** Put the originals back: the viewport at once, the rest in idle slices; resolves when all are. */
  restore(): Promise<void>;
  dispose(): void;
}

// Enough text for detectScript to decide; reading more only costs time on huge pages.
const DETECT_SAMPLE = 20_000;
// The first, synchronous slice: the viewport's text, within this much time and this many items.
const VISIBLE_MS = 6;
const VISIBLE_MAX_ITEMS = 800;
// A lang change re-selects fonts and re-lays out every line beneath: on a 170,000-character page it
// took seconds in one task. Past this much rewritten text the page keeps its lang.
const LANG_MAX_CHARS = 50_000;
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: CONVERTED_ATTRIBUTES,
};

/** Create the toggle for a document; nothing is read or loaded until the first conversion. */
export function createPageToggle(options: PageToggleOptions): PageToggle {
  const { doc, getConverter, isOwnNode, onChange } = options;
  const langFor = options.langFor ?? ((d: Direction) => (d === 'to-hant' ? 'zh-Hant' : 'zh-Hans'));
  const sliceChars = options.sliceChars ?? 4_000;
  // One pacer for the page: what its frames cost is learnt once, for converting and restoring.
  const slices = { sliceMs: options.sliceMs ?? 16, sliceChars, pacer: createPacer(sliceChars) };
  const view = doc.defaultView;
  if (!view) throw new Error('createPageToggle needs a document with a window');
  // The page's (or jsdom's) own constructors, never this realm's globals.
  const win = view as Window & { MutationObserver: typeof MutationObserver };
  const now = (): number => win.performance.now();

  let state: PageState = 'original';
  let direction: Direction | null = null;
  // Bumped by every restore and dispose: work started before it stops at its next slice.
  let epoch = 0;
  let convert: ConvertFn | null = null;
  let target: Direction | null = null;
  let record: PageRecord = createPageRecord();
  let writtenChars = 0;
  const order = createWorkOrder<Cursor, Work>();
  let draining: Promise<void> | null = null;
  let restoring: Promise<void> | null = null;
  const frames = new Map<Element, () => void>();
  const observedDocs = new Set<Document>();
  const observer = new win.MutationObserver((records: MutationRecord[]) => handleRecords(records));
  const walker = createPageWalker({ isOwnNode, onFrame: attachFrame });

  const setState = (next: PageState): void => {
    if (state === next) return;
    state = next;
    onChange?.(next);
  };

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
    observer.observe(target, OBSERVE);
    order.cursors.push({ node: target.documentElement, root: target.documentElement, stop: null });
    if (enqueue) void drain();
  }

  // The page's own changes: converted in the next slice. Our writes are told apart by their value, so
  // they never come back as work, and a page that keeps reverting a node is left alone (page-record).
  function handleRecords(records: MutationRecord[]): void {
    if (state === 'original' || !convert) return;
    let added = false;
    for (const r of records) {
      if (r.type === 'childList') {
        for (const node of r.addedNodes) {
          if (node.isConnected && !walker.isInsideSkipped(node)) {
            order.cursors.push({ node, root: node, stop: null });
            added = true;
          }
        }
      } else if (r.type === 'characterData') {
        const item: Work = { kind: 'text', node: r.target as Text };
        if (!record.isOurs(item) && !walker.isInsideSkipped(item.node)) {
          order.urgent.push(item);
          added = true;
        }
      } else if (r.type === 'attributes' && r.attributeName) {
        const item: Work = { kind: 'attr', element: r.target as Element, name: r.attributeName };
        if (!record.isOurs(item) && !walker.isInsideSkipped(item.element)) {
          order.urgent.push(item);
          added = true;
        }
      }
    }
    if (added) void drain();
  }

  // Converted values not yet written, in document order: the walk converts the whole page first and
  // only then writes, so the frames while converting have nothing to lay out, and the writes come in
  // few frames (each frame after a write lays out the whole of a long list, however little changed).
  const ready: Array<{ item: Work; original: string; value: string }> = [];
  let readyAt = 0;

  // Phase two for one chunk: convert (pure, in one call); only what changes is kept for writing.
  function convertItems(items: Work[], fn: ConvertFn): void {
    const pending: Work[] = [];
    const originals: string[] = [];
    for (const item of items) {
      const current = record.readPending(item);
      if (current === null) continue;
      pending.push(item);
      originals.push(current);
    }
    if (pending.length === 0) return;
    const converted = convertMany(fn, originals);
    pending.forEach((item, i) => {
      const original = originals[i] as string;
      const value = converted[i] as string;
      if (value !== original) ready.push({ item, original, value });
    });
  }

  // Phase three: write converted values while the budget lasts. A value the page changed since it was
  // read is not written: the page's change is queued by the observer and converted again.
  function writeReady(budget: Budget): void {
    // Records queued before our writes are the page's own; take them first, then drop those ours cause.
    handleRecords(observer.takeRecords());
    let written = 0;
    while (readyAt < ready.length && budget.hasTime()) {
      let chars = 0;
      for (let n = 0; n < 64 && readyAt < ready.length; n++) {
        const { item, original, value } = ready[readyAt++] as (typeof ready)[number];
        if (readWorkValue(item) !== original) continue;
        record.write(item, original, value);
        chars += value.length;
      }
      budget.spend(chars);
      written += chars;
    }
    observer.takeRecords();
    writtenChars += written;
    if (readyAt >= ready.length) clearReady();
  }

  function clearReady(): void {
    ready.length = 0;
    readyAt = 0;
  }

  // The visible part: converted and written at once.
  function processItems(items: Work[], fn: ConvertFn): void {
    convertItems(items, fn);
    writeReady({ hasTime: () => true, spend: () => undefined });
  }

  // One slice of work: what the page changed first, then the cursors in order, then the writes.
  function workSome(budget: Budget, fn: ConvertFn): boolean {
    while (budget.hasTime()) {
      if (order.urgent.length > 0) {
        convertItems(order.urgent.splice(0, 256), fn);
      } else if (order.cursors[0]) {
        const batch: Work[] = [];
        walker.pull(order.cursors[0], batch, 64);
        if (!order.cursors[0].node) order.cursors.shift();
        convertItems(batch, fn);
      } else if (readyAt < ready.length) {
        writeReady(budget);
      } else {
        break;
      }
    }
    return order.isEmpty() && readyAt >= ready.length;
  }

  // One worker at a time; it runs while there is work and a converter of the current epoch.
  function drain(startNow = true): Promise<void> {
    if (draining) return draining;
    const myEpoch = epoch;
    const running = runInSlices(
      win,
      slices,
      (budget) => (convert ? workSome(budget, convert) : true),
      () => epoch === myEpoch && convert !== null,
      startNow,
    )
      .then(() => {
        // Everything is converted: now the root (and containers declaring Chinese) can say so.
        if (epoch !== myEpoch || !target || !convert || record.hasLang(doc.documentElement)) return;
        if (writtenChars > LANG_MAX_CHARS) return;
        record.setLang(doc.documentElement, langFor(target));
        for (const el of doc.querySelectorAll('[lang]')) {
          if (/^zh\b/i.test(el.getAttribute('lang') ?? '') && !walker.isInsideSkipped(el))
            record.setLang(el, langFor(target));
        }
      })
      .finally(() => {
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
      if (el && el !== root && el !== doc.body && root.contains(el) && !walker.isInsideSkipped(el)) return el;
    }
    return root;
  }

  // The viewport's items, from its top down to the first item below it. Read before anything is
  // written, so measuring costs no layout.
  function collectVisible(cursor: Cursor): Work[] {
    const out: Work[] = [];
    const bottom = win.innerHeight || 0;
    const deadline = now() + VISIBLE_MS;
    while (cursor.node && out.length < VISIBLE_MAX_ITEMS && now() < deadline) {
      walker.pull(cursor, out, out.length + 16);
      const last = out[out.length - 1];
      const el = last ? (last.kind === 'text' ? last.node.parentElement : last.element) : null;
      if (el && typeof el.getBoundingClientRect === 'function' && el.getBoundingClientRect().top > bottom)
        break;
    }
    return out;
  }

  function stopObserving(): void {
    observer.disconnect();
    observedDocs.clear();
  }

  function restore(): Promise<void> {
    if (state === 'original') return restoring ?? Promise.resolve();
    epoch++;
    // Page changes not yet delivered must not be mistaken for ours after the restore.
    observer.takeRecords();
    stopObserving();
    order.clear();
    clearReady();
    convert = null;
    target = null;
    const done = record;
    record = createPageRecord();
    writtenChars = 0;
    setState('original');
    const budget = (ms: number): Budget => {
      const deadline = now() + ms;
      let chars = 0;
      return {
        hasTime: () => chars < slices.sliceChars && now() < deadline,
        spend: (n) => void (chars += n),
      };
    };
    // The viewport was written first, so it comes back first, in the click's own task.
    if (done.restoreSome(budget(VISIBLE_MS))) return Promise.resolve();
    const running = runInSlices(
      win,
      slices,
      (b) => done.restoreSome(b),
      () => true,
    ).finally(() => {
      if (restoring === running) restoring = null;
    });
    restoring = running;
    return running;
  }

  async function convertPage(wanted: Direction): Promise<void> {
    if (state === wanted) return;
    if (state !== 'original') void restore();
    const myEpoch = ++epoch;
    if (restoring) await restoring;
    const fn = await getConverter(wanted);
    if (epoch !== myEpoch) return;
    convert = fn;
    target = wanted;
    setState(wanted);
    observedDocs.add(doc);
    observer.observe(doc, OBSERVE);
    // The visible part first, in this task, then from there to the end, then the part before it.
    const root = doc.documentElement;
    const start = findVisibleStart();
    const cursor: Cursor = { node: start, root, stop: null };
    processItems(collectVisible(cursor), fn);
    if (cursor.node) order.cursors.push(cursor);
    if (start !== root) order.cursors.push({ node: root, root, stop: start });
    // The rest waits until the browser has shown the viewport's new text.
    await drain(false);
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
      if (state !== 'original') return restore();
      return convertPage(this.direction);
    },
    convert: convertPage,
    restore,
    dispose() {
      epoch++;
      stopObserving();
      for (const off of frames.values()) off();
      frames.clear();
      order.clear();
      clearReady();
      convert = null;
    },
  };
}
