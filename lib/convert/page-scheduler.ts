// When the live toggle works: the viewport in the click's own task, the rest in slices during idle
// time, each slice small enough that its JavaScript and the layout of what it rewrote stay short.

export interface SliceOptions {
  /** Longest stretch of JavaScript per slice, in ms; 50 ms makes a long task, so stay well below. */
  sliceMs: number;
  /**
   * Most characters rewritten per slice: the browser lays out rewritten text after the slice, and
   * that layout, not the conversion, is what would otherwise grow into a long task.
   */
  sliceChars: number;
}

/** Budget of one slice: time and characters left. */
export interface Budget {
  hasTime(): boolean;
  spend(chars: number): void;
}

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
};

/**
 * Run `step` in slices until it returns true: each slice starts when the browser is idle (after it has
 * rendered what the last slice wrote), or on a timer where there is no requestIdleCallback; the first
 * slice runs at once when `startNow`. `isLive` going false stops it between slices.
 */
export async function runInSlices(
  win: Window,
  options: SliceOptions,
  step: (budget: Budget) => boolean,
  isLive: () => boolean,
  startNow = false,
): Promise<void> {
  const idle = win as IdleWindow;
  const now = (): number => win.performance.now();
  for (let first = true; ; first = false) {
    if (!(first && startNow)) await waitForIdle(win, idle);
    if (!isLive()) return;
    const deadline = now() + options.sliceMs;
    let chars = 0;
    const budget: Budget = {
      hasTime: () => chars < options.sliceChars && now() < deadline,
      spend: (n) => void (chars += n),
    };
    if (step(budget)) return;
  }
}

function waitForIdle(win: Window, idle: IdleWindow): Promise<void> {
  return new Promise((resolve) => {
    if (typeof idle.requestIdleCallback === 'function') {
      // The timeout keeps a busy page moving: idle time may never come on a page that animates.
      idle.requestIdleCallback(() => resolve(), { timeout: 100 });
      return;
    }
    // Hidden tabs get no frames: a timer stands in.
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    if (win.document.visibilityState !== 'hidden' && typeof win.requestAnimationFrame === 'function') {
      win.requestAnimationFrame(() => win.setTimeout(finish, 0));
      win.setTimeout(finish, 100);
    } else {
      win.setTimeout(finish, 0);
    }
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
