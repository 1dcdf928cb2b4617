// @vitest-environment jsdom
// Dexie's liveQuery runs a querier only where IndexedDB exists.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableWindow } from '../../components/archive/archive-table';
import { NEWEST_FIRST } from '../../components/archive/rows';
import { useArchiveTable } from '../../components/hooks/use-archive-table';
import { saveArticle, type ArchiveDb } from '../../lib/archive/index';
import { makeArticle, openTestArchive } from '../archive/helpers';
import { stubFrames, useTestRoot } from './mount';

// Frames are painted only when a test says so (the first reads wait for the first paint).
let paint = () => undefined as void;

function Probe(props: { db: ArchiveDb; range: TableWindow }) {
  const table = useArchiveTable({
    db: props.db,
    query: '',
    tag: '',
    sort: NEWEST_FIRST,
    search: { version: 0 },
    range: props.range,
    onError: (error) => {
      throw error;
    },
  });
  const ids = table.order.slice(props.range.start, props.range.end);
  return (
    <p data-ready={String(table.listed && table.windowReady)}>
      {ids.map((id) => table.rows.get(id)?.title ?? '…').join('|')}
    </p>
  );
}

describe('useArchiveTable: the rows on screen', () => {
  const testRoot = useTestRoot();
  let root: HTMLElement;
  let db: ArchiveDb;
  beforeEach(async () => {
    paint = stubFrames();
    db = openTestArchive();
    for (let i = 1; i <= 8; i++) await saveArticle(db, makeArticle({ title: `第${i}篇` }), 1_000 * i);
    root = testRoot();
  });
  afterEach(() => {
    db.close();
  });

  const ready = () => root.querySelector('p')!.dataset.ready;

  it('stay read while the window grows below them, and are not read until they are', async () => {
    render(<Probe db={db} range={{ start: 0, end: 3, shown: { start: 0, end: 2 } }} />, root);
    expect(ready()).toBe('false');
    paint();
    await vi.waitFor(() => expect(ready()).toBe('true'));
    expect(root.textContent).toBe('第8篇|第7篇|第6篇');
    // The window grows by rows below the fold (the order came, the body was measured): the rows
    // on screen were read, so the page is still read while the new rows are.
    render(<Probe db={db} range={{ start: 0, end: 5, shown: { start: 0, end: 2 } }} />, root);
    expect(ready()).toBe('true');
    expect(root.textContent).toBe('第8篇|第7篇|第6篇|…|…');
    await vi.waitFor(() => expect(root.textContent).toBe('第8篇|第7篇|第6篇|第5篇|第4篇'));
    // Scrolled to rows never read: not read until their rows come.
    render(<Probe db={db} range={{ start: 5, end: 8, shown: { start: 6, end: 8 } }} />, root);
    expect(ready()).toBe('false');
    await vi.waitFor(() => expect(ready()).toBe('true'));
    expect(root.textContent).toBe('第3篇|第2篇|第1篇');
  });
});
