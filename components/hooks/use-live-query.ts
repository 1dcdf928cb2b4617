import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The latest answer of a Dexie query, run again whenever what it read changes, in this page or in
 * any other page or worker of the extension (Dexie broadcasts commits between them). Undefined until
 * the first answer; keeps the previous answer while a query with new `deps` runs.
 */
export function useLiveQuery<T>(
  querier: () => Promise<T>,
  deps: readonly unknown[],
  onError: (error: unknown) => void,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const current = useRef<Subscription | undefined>(undefined);
  const subscribe = () => {
    current.current?.unsubscribe();
    current.current = liveQuery(querier).subscribe({
      next: (next) => setValue(() => next),
      error: onError,
    });
    return current.current;
  };
  // A query with new deps (a search typed, a window scrolled to) starts before the next paint, not a
  // frame later; the first one waits for the first paint, so the page's first rows come first.
  useLayoutEffect(() => {
    if (!current.current) return;
    const subscription = subscribe();
    return () => subscription.unsubscribe();
    // The querier is rebuilt on every render; `deps` names what it depends on.
  }, deps);
  useEffect(() => {
    if (!current.current) subscribe();
    return () => current.current?.unsubscribe();
  }, []);
  return value;
}
