// Runs inside the benchmarked page (bundled by toggle.bench.ts): a page toggle driven by a real click
// on a button of its own, and a probe that times what the reader sees.
import { createPageToggle } from '../../lib/convert/page-toggle';
import { createConverterFactory } from '../../lib/convert/factory';

interface Probe {
  click: number;
  firstChange: number;
  firstPaint: number;
  done: number;
  firstTarget: Node | null;
}

export interface ProbeResult {
  /** Click to the frame after the first rewritten text, ms. */
  firstPaintMs: number;
  /** Whether that first rewritten text was inside the viewport. */
  firstVisible: boolean;
  /** Click to the frame after the last write, ms. */
  doneMs: number;
  state: string;
}

let probe: Probe = { click: 0, firstChange: 0, firstPaint: 0, done: 0, firstTarget: null };

// After the next frame has been produced: what the reader sees includes everything written before.
const afterFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Build the converter from the given tables, then add the button that toggles the page. */
export async function prepare(dicts: Record<string, string>): Promise<void> {
  const factory = createConverterFactory(async (name) => {
    const text = dicts[name];
    if (text === undefined) throw new Error(`bench: table ${name} not passed in`);
    return text;
  });
  // Warm, as after the first click: dictionary loading is the loader's figure, not the toggle's.
  await factory.get('cn', 'twp');
  const button = document.createElement('button');
  button.id = 'bz-bench-toggle';
  button.textContent = 'toggle';
  button.style.cssText = 'position:fixed;right:0;bottom:0;z-index:2147483647;width:80px;height:40px';
  document.body.append(button);
  const toggle = createPageToggle({
    doc: document,
    getConverter: (direction) =>
      direction === 'to-hant' ? factory.get('cn', 'twp') : factory.get('tw', 'cn'),
    isOwnNode: (node) => node === button,
  });
  const observer = new MutationObserver((records) => {
    if (probe.firstChange || !probe.click) return;
    probe.firstChange = performance.now();
    probe.firstTarget = records[0]?.target ?? null;
    requestAnimationFrame(() => (probe.firstPaint = performance.now()));
  });
  observer.observe(document, { subtree: true, characterData: true });
  button.addEventListener('click', (event) => {
    probe = { click: event.timeStamp, firstChange: 0, firstPaint: 0, done: 0, firstTarget: null };
    performance.mark('bz-click');
    void Promise.resolve(toggle.toggle())
      .then(afterFrame)
      .then(() => {
        probe.done = performance.now();
        performance.mark('bz-done');
      });
  });
  Object.assign(globalThis, { bzToggleState: () => toggle.state });
}

/** Whether the last click's work is done. */
export function isDone(): boolean {
  return probe.done > 0;
}

/** Figures of the last click. */
export function readProbe(): ProbeResult {
  const parent = probe.firstTarget?.parentElement;
  const rect = parent?.getBoundingClientRect();
  const firstVisible =
    !!rect &&
    parent?.localName !== 'title' &&
    rect.bottom > 0 &&
    rect.top < innerHeight &&
    rect.right > 0 &&
    rect.left < innerWidth;
  return {
    firstPaintMs: probe.firstPaint - probe.click,
    firstVisible,
    doneMs: probe.done - probe.click,
    state: (globalThis as unknown as { bzToggleState: () => string }).bzToggleState(),
  };
}
