// @vitest-environment jsdom
// Dexie's liveQuery runs a querier only where IndexedDB exists.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteClippings, listStoryCopies, saveArticle, type ArchiveDb } from '../../lib/archive/index';
import { useStoryCopies, type AskCopies } from '../../components/hooks/use-story-copies';
import { makeArticle, openTestArchive } from '../archive/helpers';
import { stubFrames, useTestRoot } from './mount';

const BODY = ['示例省召开全省防汛抗旱工作会议，总结去年工作，部署今年重点任务，压紧压实各级责任。'];

function Probe(props: { db: ArchiveDb; id: string; ask: AskCopies }) {
  const copies = useStoryCopies(
    props.db,
    props.id,
    (error) => {
      throw error;
    },
    { atOnce: true, ask: props.ask },
  );
  return <p>{copies === undefined ? 'reading' : copies.map((c) => c.siteName).join(' ')}</p>;
}

describe('useStoryCopies, asking the worker', () => {
  const testRoot = useTestRoot();
  let root: HTMLElement;
  let db: ArchiveDb;
  let asked: string[];
  // The worker's side: its own connection, outside the page's query (a message answered later).
  let worker: ArchiveDb;
  const ask: AskCopies = (id) => {
    asked.push(id);
    return new Promise((done, fail) => {
      setTimeout(() => listStoryCopies(worker, id).then(done, fail), 0);
    });
  };
  beforeEach(() => {
    stubFrames();
    root = testRoot();
    const indexedDB = new IDBFactory();
    db = openTestArchive({ indexedDB, name: 'copies' });
    worker = openTestArchive({ indexedDB, name: 'copies' });
    asked = [];
  });

  it('asks from the first render, before the first paint, and shows the answer', async () => {
    const { id } = await saveArticle(db, makeArticle({ body: BODY, siteName: '甲' }), 1);
    await saveArticle(db, makeArticle({ body: BODY, siteName: '乙' }), 2);
    // No frame is ever painted in this test.
    render(<Probe db={db} id={id} ask={ask} />, root);
    await vi.waitFor(() => expect(asked).toEqual([id]));
    await vi.waitFor(() => expect(root.textContent).toBe('甲 乙'));
  });

  it('asks again when a copy is saved or removed elsewhere', async () => {
    const { id } = await saveArticle(db, makeArticle({ body: BODY, siteName: '甲' }), 1);
    render(<Probe db={db} id={id} ask={ask} />, root);
    await vi.waitFor(() => expect(root.textContent).toBe(''));
    const other = await saveArticle(db, makeArticle({ body: BODY, siteName: '乙' }), 2);
    await vi.waitFor(() => expect(root.textContent).toBe('甲 乙'));
    await deleteClippings(db, [other.id]);
    await vi.waitFor(() => expect(root.textContent).toBe(''));
    expect(asked.length).toBeGreaterThanOrEqual(3);
  });
});
