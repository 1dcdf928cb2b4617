import { listStoryCopies, type ArchiveDb, type Reprint } from '../../lib/archive/index';
import { timed } from './timed';
import { useLiveQuery } from './use-live-query';

/** Who looks the copies up, when not this page: the worker, asked by message (the reader's). */
export type AskCopies = (id: string) => Promise<Reprint[]>;

/**
 * Every saved copy of a clipping's story (this one included, the original first), followed live;
 * empty when it has none, undefined while reading or when no clipping is given.
 *
 * `ask` hands the lookup to the worker: its reads (20 packs, then the candidates' rows) then never
 * wait behind this page drawing, where each round of reads queued behind the article's first render.
 * The page still counts the packs in the same query, so that any change to them (a save, a delete,
 * from any page or the worker) asks again. `atOnce`: asked from the first render, not after the
 * first paint (see useLiveQuery).
 */
export function useStoryCopies(
  db: ArchiveDb,
  id: string | undefined,
  onError: (error: unknown) => void,
  options: { atOnce?: boolean; ask?: AskCopies } = {},
): Reprint[] | undefined {
  const { ask } = options;
  const answer = useLiveQuery(
    async () => {
      if (!id) return undefined;
      const lookup = ask
        ? async () => (await Promise.all([ask(id), db.minhashes.count()]))[0]
        : () => listStoryCopies(db, id);
      return { id, copies: await timed('bz-reprints', lookup) };
    },
    [db, id, ask],
    onError,
    options,
  );
  return answer?.id === id ? answer?.copies : undefined;
}
