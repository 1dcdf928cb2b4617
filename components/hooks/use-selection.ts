import { useCallback, useState } from 'preact/hooks';

/** A set of selected clipping ids with the few ways the views change it. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const replace = useCallback((ids: Iterable<string>) => setSelected(new Set(ids)), []);
  /** Forget ids that are gone (deleted here or elsewhere). */
  const drop = useCallback(
    (ids: readonly string[]) =>
      setSelected((current) => {
        const gone = new Set(ids);
        return [...current].some((id) => gone.has(id))
          ? new Set([...current].filter((id) => !gone.has(id)))
          : current;
      }),
    [],
  );
  return { selected, toggle, replace, drop };
}
