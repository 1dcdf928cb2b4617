import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Translate } from '../../components/shared/translate';

/** A stand-in for the i18n helper that shows the key and its substitutions: key(a,b). */
export const t = ((key: string, subs?: Array<string | number>) =>
  subs?.length ? `${key}(${subs.join(',')})` : key) as Translate;

/** Render a component into a fresh element of the test document. */
export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

/**
 * Frames are painted only when a test says so: requestAnimationFrame is stubbed for the current
 * test (restored by vi.unstubAllGlobals), and the returned paint() runs the callbacks queued for
 * the next frame.
 */
export function stubFrames(): () => void {
  let frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  return () => {
    const due = [...frames.values()];
    frames = new Map();
    for (const callback of due) callback(performance.now());
  };
}

/**
 * An element of the test document for each test of the calling suite; after each test it is
 * unmounted and removed, and globals stubbed during the test are restored.
 */
export function useTestRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (root) render(null, root);
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });
  return () => root!;
}
