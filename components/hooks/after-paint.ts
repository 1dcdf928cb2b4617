/**
 * Run `then` once `ready`, after the next frame has painted (heavy reads started sooner compete with
 * the first paint); returns a cancel function for an effect's cleanup.
 */
export function afterPaint(ready: boolean, then: () => void): (() => void) | undefined {
  if (!ready) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
