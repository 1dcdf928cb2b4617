import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

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
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (next) => setValue(() => next),
      error: onError,
    });
    return () => subscription.unsubscribe();
    // The querier is rebuilt on every render; `deps` names what it depends on.
  }, deps);
  return value;
}
