import { listStoryCopies, type ArchiveDb, type Reprint } from '../../lib/archive/index';
import { timed } from './timed';
import { useLiveQuery } from './use-live-query';

/**
 * Every saved copy of a clipping's story (this one included, the original first), followed live;
 * empty when it has none, undefined while reading or when no clipping is given.
 */
export function useStoryCopies(
  db: ArchiveDb,
  id: string | undefined,
  onError: (error: unknown) => void,
): Reprint[] | undefined {
  const answer = useLiveQuery(
    async () => (id ? { id, copies: await timed('bz-reprints', () => listStoryCopies(db, id)) } : undefined),
    [db, id],
    onError,
  );
  return answer?.id === id ? answer?.copies : undefined;
}
