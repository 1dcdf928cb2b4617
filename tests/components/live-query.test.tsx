// @vitest-environment jsdom
// Dexie's liveQuery runs a querier only where IndexedDB exists.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { stubFrames, useTestRoot } from './mount';

// Frames are painted only when a test says so: paint() runs the callbacks queued for the next frame.
let paint = () => undefined as void;

let calls: string[] = [];

function Probe(props: { dep: string }) {
  const { dep } = props;
  const answer = useLiveQuery(
    async () => {
      calls.push(dep);
      return `answer:${dep}`;
    },
    [dep],
    (error) => {
      throw error;
    },
  );
  return <p>{answer ?? 'none'}</p>;
}

/** Let the timers queued so far run (Dexie starts a subscribed query in a zero-delay timeout). */
const tick = () => new Promise<void>((done) => setTimeout(done, 0));

describe('useLiveQuery', () => {
  const testRoot = useTestRoot();
  let root: HTMLElement;
  beforeEach(() => {
    calls = [];
    paint = stubFrames();
    root = testRoot();
  });

  it('waits for the first paint, then queries with the newest deps only', async () => {
    render(<Probe dep="a" />, root);
    // Deps change before the first frame has painted: the query for 'a' must never run.
    render(<Probe dep="b" />, root);
    await tick();
    await tick();
    expect(calls).toEqual([]);
    paint();
    await vi.waitFor(() => expect(root.textContent).toBe('answer:b'));
    expect(calls).toEqual(['b']);
  });

  it('after the first paint, starts a query with new deps before the next frame', async () => {
    render(<Probe dep="a" />, root);
    paint();
    await vi.waitFor(() => expect(root.textContent).toBe('answer:a'));
    render(<Probe dep="c" />, root);
    // No frame is painted: the new query starts from the render itself.
    await tick();
    expect(calls).toEqual(['a', 'c']);
    // The previous answer stays until the new one comes.
    await vi.waitFor(() => expect(root.textContent).toBe('answer:c'));
  });

  it('stops querying once unmounted before the first paint', async () => {
    render(<Probe dep="a" />, root);
    render(null, root);
    paint();
    await tick();
    await tick();
    expect(calls).toEqual([]);
  });
});
