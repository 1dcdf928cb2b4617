// When the live toggle works: the viewport in the click's own task, the rest in slices, one task of
// ours after each frame. A rewritten text node costs little to write but its layout and paint fall in
// the next frame's own task, and on a page with a 10,000-item list that task costs tens of ms whatever
// changed. So each slice's size follows what the last frames' rendering cost: the pacer learns the
// frame's fixed cost and its cost per rewritten character, and sizes the next slice to keep both
// our task and the browser's under a long task (50 ms).

export interface SliceOptions {
  /** Longest task of ours, in ms; 50 ms makes a long task, so stay well below. */
  sliceMs: number;
  /** Characters rewritten in the first paced slice, before any frame has been measured. */
  sliceChars: number;
  /** Learns what frames cost on this page; shared between runs so later runs start well sized. */
  pacer?: Pacer;
}

/** Budget of one slice: time and characters left. */
export interface Budget {
  hasTime(): boolean;
  spend(chars: number): void;
}

/** Sizes slices from measured frames: `observe` a frame, read `chars` for the next slice. */
export interface Pacer {
  /** Characters to rewrite in the next slice. */
  readonly chars: number;
  /** The frame after a slice that rewrote `chars` characters took `renderMs` to render. */
  observe(chars: number, renderMs: number): void;
}

// A frame's rendering (style, layout, paint) aimed at: under a long task with room for a slower moment.
const RENDER_TARGET_MS = 30;
const MIN_CHARS = 500;
const MAX_CHARS = 1_000_000;
const SAMPLES = 8;

/**
 * Create a pacer that starts at `initialChars` characters a slice. A frame's rendering costs a fixed
 * part (the walk over the page's boxes, whatever changed) plus a part per rewritten character; the
 * pacer fits both over the recent frames and fills each frame up to the target. Where the fixed part
 * alone nears the target, every frame is long anyway: slices grow until their own part is half the
 * fixed one, so the page is done in few such frames rather than many.
 */
export function createPacer(initialChars: number): Pacer {
  const samples: Array<[chars: number, ms: number]> = [];
  let chars = initialChars;
  // The last fit stands while recent slices are all of one size (nothing new to learn from them).
  let model: { fixed: number; perChar: number } | null = null;
  function fit(): { fixed: number; perChar: number } | null {
    const n = samples.length;
    if (n < 3) return null;
    let mx = 0;
    let my = 0;
    for (const [x, y] of samples) {
      mx += x / n;
      my += y / n;
    }
    let sxx = 0;
    let sxy = 0;
    for (const [x, y] of samples) {
      sxx += (x - mx) * (x - mx);
      sxy += (x - mx) * (y - my);
    }
    // Slices of about the same size say nothing about the slope.
    if (sxx < (mx * 0.1) ** 2 * n) return null;
    const perChar = Math.max(sxy / sxx, 1e-6);
    return { fixed: Math.max(my - perChar * mx, 0), perChar };
  }
  return {
    get chars() {
      return chars;
    },
    observe(written, renderMs) {
      if (written <= 0 || !(renderMs >= 0)) return;
      samples.push([written, renderMs]);
      if (samples.length > SAMPLES) samples.shift();
      model = fit() ?? model;
      let next: number;
      if (!model) {
        // Until there is a fit: grow while frames are short, hold when they reach the target.
        next = written * Math.min(2, Math.max(0.5, RENDER_TARGET_MS / Math.max(renderMs, 1)));
        if (renderMs >= RENDER_TARGET_MS) next = written * 1.25; // also gives the fit different sizes
      } else if (model.fixed < RENDER_TARGET_MS * 0.75) {
        next = (RENDER_TARGET_MS - model.fixed) / model.perChar;
      } else {
        next = (model.fixed * 0.5) / model.perChar;
      }
      chars = Math.round(Math.min(MAX_CHARS, Math.max(MIN_CHARS, written / 2, Math.min(next, written * 2))));
    },
  };
}

type IdleWindow = Window & { MessageChannel?: typeof MessageChannel };

/**
 * Run `step` in slices until it returns true: one slice right after each rendered frame (on a timer
 * where frames do not come), sized by the pacer from what the earlier frames' rendering cost; the
 * first slice runs at once when `startNow`. `isLive` going false stops it between slices.
 */
export async function runInSlices(
  win: Window,
  options: SliceOptions,
  step: (budget: Budget) => boolean,
  isLive: () => boolean,
  startNow = false,
): Promise<void> {
  const pacer = options.pacer ?? createPacer(options.sliceChars);
  const now = (): number => win.performance.now();
  let written = 0;
  for (let first = true; ; first = false) {
    if (!(first && startNow)) {
      const renderMs = await waitForFrame(win as IdleWindow);
      if (renderMs !== null) pacer.observe(written, renderMs);
    }
    if (!isLive()) return;
    const limit = pacer.chars;
    const deadline = now() + options.sliceMs;
    let chars = 0;
    const done = step({
      hasTime: () => chars < limit && now() < deadline,
      spend: (n) => void (chars += n),
    });
    if (done) return;
    written = chars;
  }
}

/**
 * Wait until the next frame has been rendered; resolves with how long its rendering took (from its
 * animation-frame callbacks to the task after its style, layout and paint), or null where it could
 * not be measured.
 */
function waitForFrame(win: IdleWindow): Promise<number | null> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ms: number | null): void => {
      if (done) return;
      done = true;
      resolve(ms);
    };
    const Channel = win.MessageChannel;
    // Hidden tabs get no frames: a timer stands in.
    if (
      win.document.visibilityState === 'hidden' ||
      typeof win.requestAnimationFrame !== 'function' ||
      !Channel
    ) {
      win.setTimeout(() => finish(null), 0);
      return;
    }
    win.requestAnimationFrame(() => {
      const start = win.performance.now();
      // A message posted during the frame's callbacks is delivered after its style, layout and paint.
      const channel = new Channel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        finish(win.performance.now() - start);
      };
      channel.port2.postMessage(null);
    });
    // The tab may be hidden meanwhile, or the page may hold frames back.
    win.setTimeout(() => finish(null), 200);
  });
}

/** Work in the order the reader needs it: changes the page made first, then the walk's cursors in turn. */
export interface WorkOrder<C, W> {
  /** Items to do before any walking (what the page changed or added). */
  readonly urgent: W[];
  readonly cursors: C[];
  isEmpty(): boolean;
  clear(): void;
}

/** Create an empty work order. */
export function createWorkOrder<C, W>(): WorkOrder<C, W> {
  const order = {
    urgent: [] as W[],
    cursors: [] as C[],
    isEmpty: () => order.urgent.length === 0 && order.cursors.length === 0,
    clear() {
      order.urgent.length = 0;
      order.cursors.length = 0;
    },
  };
  return order;
}
