// When the live toggle works: the viewport in the click's own task, the rest in slices paced by the
// frames. A rewritten text node costs little to write but its layout and paint fall in the next frame.
// Traced per phase in Chromium on a page with a 10,741-item list (8,589 of its text nodes change; 2
// cores at load 4-7): a frame with any changed text in the list costs about 40-50 ms whatever was
// written: layout 15-25 ms (the list's walk over its items), compositing inputs 18-30 ms (a walk of
// the whole list) and paint about 10 ms, also when only text below the viewport changed; shaping,
// intersection observers and accessibility add under 5 ms. The viewport's own frame after the click
// is one of them. On top, each rewritten item costs 25-50 µs of layout, a third of it shaping (nearly
// as much for changed digits as for new CJK glyphs; measuring the new glyphs first, offscreen, did
// not make the frame faster), so the whole list laid out in one frame took 290-400 ms, whatever the
// order or form of the writes (top-down, bottom-up, replaceData). Writing the 8,589 nodes takes 30 ms
// of script (34 ms with an observer attached). Containment on the list (contain: layout paint, or a
// layer of its own) takes its compositing-inputs and paint walks out of frames that change text
// outside it (to 5-9 ms), not out of those that change text inside it. Our own script forces no
// layout. So each slice's size follows what the last frames cost: the pacer learns the frame's fixed
// cost and its cost per rewritten character, and sizes the next slice to keep frames short.

export interface SliceOptions {
  /** Longest stretch of JavaScript per slice, in ms; 50 ms makes a long task, so stay well below. */
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
  /** How much longer than usual the next slice may run: more than 1 where every frame is long anyway. */
  readonly stretch: number;
  /** The frame after a slice that rewrote `chars` characters came `frameMs` after the slice. */
  observe(chars: number, frameMs: number): void;
}

// From one slice to the next: up to a frame's wait for its turn (16.7 ms at 60 Hz) and rendering
// that stays below a long task's 50 ms.
const FRAME_TARGET_MS = 50;
const MIN_CHARS = 500;
const MAX_CHARS = 1_000_000;
const SAMPLES = 8;
// Where every frame is long whatever is written (a 10,741-item list: 45-60 ms on this machine), how
// much text a frame lays out, as a multiple of that fixed part, and how fast slices grow toward it.
// Side by side on that page, all its text in 1, 2, 3, 5, 10 and 20 frames took 516, 481, 552, 691,
// 1,369 and 1,379 ms, the longest frame 485, 226, 218, 137, 233 and 99 ms: a frame never came under
// 50 ms with text in it, so the fewest frames that keep it near four times the fixed part.
const LONG_FRAME_TEXT = 3;
const LONG_GROWTH = 4;

/**
 * Create a pacer that starts at `initialChars` characters a slice. A frame costs a fixed part (the
 * walk over the page's boxes, whatever changed) plus a part per rewritten character; the pacer fits
 * both over the recent frames. Where the fixed part leaves room, slices fill the frame up to the
 * target; where it alone misses the target, slices grow until their own part is half of it: the page
 * is then done in few long frames instead of many just as long.
 */
export function createPacer(initialChars: number): Pacer {
  const samples: Array<[chars: number, ms: number]> = [];
  let chars = initialChars;
  let stretch = 1;
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
    get stretch() {
      return stretch;
    },
    observe(written, frameMs) {
      if (written <= 0 || !(frameMs >= 0)) return;
      samples.push([written, frameMs]);
      if (samples.length > SAMPLES) samples.shift();
      model = fit() ?? model;
      let next: number;
      if (!model) {
        // Until there is a fit, long frames are taken for the page's fixed cost: grow either way,
        // faster past the target (few frames), which also gives the fit slices of different sizes.
        next = written * (frameMs < FRAME_TARGET_MS ? Math.min(2, FRAME_TARGET_MS / frameMs) : LONG_GROWTH);
      } else if (model.fixed < FRAME_TARGET_MS * 0.75) {
        next = (FRAME_TARGET_MS - model.fixed) / model.perChar;
      } else {
        // Every frame pays the fixed part, so fewer frames finish sooner: text for LONG_FRAME_TEXT
        // times the fixed part in each.
        next = (model.fixed * LONG_FRAME_TEXT) / model.perChar;
      }
      // Every frame is long anyway: the tasks writing a slice may run longer too (still under 50 ms).
      stretch = !model || model.fixed < FRAME_TARGET_MS * 0.75 ? 1 : 2.5;
      const long = model ? model.fixed >= FRAME_TARGET_MS * 0.75 : frameMs >= FRAME_TARGET_MS;
      const grow = long ? LONG_GROWTH : 2;
      chars = Math.round(
        Math.min(MAX_CHARS, Math.max(MIN_CHARS, written / 2, Math.min(next, written * grow))),
      );
    },
  };
}

type IdleWindow = Window & { MessageChannel?: typeof MessageChannel };

/**
 * Run `step` in slices until it returns true: each slice starts right after a frame has been
 * rendered (on a timer where frames do not come), sized by the pacer from what the frames after the
 * earlier slices cost; the first slice runs at once when `startNow`. `isLive` going false stops it
 * between slices.
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
      const frameMs = await waitForFrame(win as IdleWindow);
      if (frameMs !== null) pacer.observe(written, frameMs);
    }
    // What one frame should take: in tasks of at most `sliceMs` each (input is handled between them),
    // so a slow machine writes as much per frame as a fast one and only the tasks get more.
    const limit = pacer.chars;
    let chars = 0;
    for (let task = 0; ; task++) {
      if (task > 0) await yieldTask(win as IdleWindow);
      if (!isLive()) return;
      const deadline = now() + options.sliceMs * pacer.stretch;
      let spent = 0;
      const budget: Budget = {
        hasTime: () => chars + spent < limit && now() < deadline,
        spend: (n) => void (spent += n),
      };
      const done = step(budget);
      chars += spent;
      if (done) return;
      if (chars >= limit || task >= MAX_TASKS_PER_FRAME - 1) break;
    }
    written = chars;
  }
}

// A frame's writes spread over at most this many tasks: past it the next frame comes first anyway.
const MAX_TASKS_PER_FRAME = 4;

/** Let the browser run what is waiting (input, its own tasks) before the next task of ours. */
function yieldTask(win: IdleWindow): Promise<void> {
  const Channel = win.MessageChannel;
  if (!Channel) return new Promise((resolve) => win.setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Wait until the next frame has been rendered; resolves with how long that took (the wait for the
 * frame, its style, layout and paint, and whatever the browser could not start meanwhile because the
 * last frame was still being drawn), or null where it could not be measured.
 */
function waitForFrame(win: IdleWindow): Promise<number | null> {
  const start = win.performance.now();
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
