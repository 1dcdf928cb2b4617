import { liveQuery, type Subscription } from 'dexie';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The latest answer of a Dexie query, run again whenever what it read changes, in this page or in
 * any other page or worker of the extension (Dexie broadcasts commits between them). Undefined until
 * the first answer; keeps the previous answer while a query with new `deps` runs.
 *
 * The first query waits until the first frame has painted (reads started sooner compete with it);
 * after that, a query with new `deps` (a typed search, a scrolled window) starts as soon as they
 * change, before the next paint, not a frame later in an effect. Deps that change before the first
 * paint only move the first query to the newest ones: a querier for stale deps never runs.
 *
 * `atOnce`: the first query starts from the first render too, not after the first paint, for a page
 * whose first frame draws nothing worth waiting for (the reader, before its clipping is read).
 */
export function useLiveQuery<T>(
  querier: () => Promise<T>,
  deps: readonly unknown[],
  onError: (error: unknown) => void,
  options: { atOnce?: boolean } = {},
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const painted = useRef(options.atOnce === true);
  // A layout effect, not useEffect: Preact runs an effect still pending when the component renders
  // again (with the querier of that older render), and runs a new one only after the next paint.
  useLayoutEffect(() => {
    let subscription: Subscription | undefined;
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      subscription = liveQuery(querier).subscribe({
        next: (next) => setValue(() => next),
        error: onError,
      });
    };
    if (painted.current) start();
    else
      frame = requestAnimationFrame(() => {
        // From this frame on, new deps start their query at once (even before this one has).
        painted.current = true;
        timer = setTimeout(start, 0);
      });
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
    // The querier is rebuilt on every render; `deps` names what it depends on.
  }, deps);
  return value;
}
