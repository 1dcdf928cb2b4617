// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import {
  ArchiveTable,
  tableWindow,
  type ArchiveTableProps,
  type TableWindow,
} from '../../components/archive/archive-table';
import { ArchivePage } from '../../components/archive/archive-page';
import { ROW_HEIGHT } from '../../components/archive/row-height';
import type { TableRow } from '../../components/archive/rows';
import { ArchiveTableRow } from '../../components/archive/table-row';
import { mount, stubFrames, t, useTestRoot } from './mount';

// Frames are painted only when a test says so.
let paint = () => undefined as void;

// Bodies observed for their size; the layout is read only when an observer is there to read it.
let observed: Element[] = [];
let resized: ResizeObserverCallback[] = [];

/** A table row as read from the archive, simplified unless said otherwise. */
function tableRow(id: string, fields: Partial<TableRow> = {}): TableRow {
  return {
    id,
    title: `标题${id}`,
    siteName: '示例网',
    date: '2026-03-01',
    saved: false,
    asPage: false,
    script: 'hans',
    tags: [],
    savedAt: 0,
    ...fields,
  };
}

function tableProps(count: number, onRange: ArchiveTableProps['onRange']): ArchiveTableProps {
  const noop = () => undefined;
  return {
    t,
    order: Array.from({ length: count }, (_, i) => `c${i}`),
    rows: new Map(),
    sort: { key: 'saved', descending: true },
    selected: new Set(),
    onSort: noop,
    onToggle: noop,
    onSelectAll: noop,
    onOpen: noop,
    onDelete: noop,
    onRange,
  };
}

describe('ArchiveTable first screen', () => {
  const testRoot = useTestRoot();
  let root: HTMLElement;
  beforeEach(() => {
    paint = stubFrames();
    observed = [];
    resized = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          resized.push(callback);
        }
        observe(el: Element) {
          observed.push(el);
        }
        disconnect() {}
      },
    );
    root = testRoot();
  });

  it('draws the rows the page shows before anything is measured, and reads them and the margin once', async () => {
    const ranges: TableWindow[] = [];
    render(<ArchiveTable {...tableProps(10_000, (range) => ranges.push(range))} />, root);
    // First render: the rows the page can show, drawn without a ResizeObserver reading the
    // layout; the margin below is read with them.
    const expected = tableWindow();
    const shown = Math.ceil(window.innerHeight / ROW_HEIGHT);
    expect(expected).toEqual({ start: 0, end: shown + 12, shown: { start: 0, end: shown } });
    expect(root.querySelectorAll('[data-testid=bz-table-row]')).toHaveLength(shown);
    expect(observed).toHaveLength(0);
    // After the first paint the body is observed, and the window read is the one drawn.
    paint();
    await vi.waitFor(() => expect(observed).toHaveLength(1));
    expect(ranges).toEqual([expected]);
  });

  it('keeps the first window read once the body is measured shorter than the page', async () => {
    const ranges: TableWindow[] = [];
    render(<ArchiveTable {...tableProps(10_000, (range) => ranges.push(range))} />, root);
    paint();
    await vi.waitFor(() => expect(observed).toHaveLength(1));
    // The body is 200 px shorter than the page: it shows fewer rows, inside the window read.
    const body = observed[0] as HTMLElement;
    Object.defineProperty(body, 'clientHeight', { value: window.innerHeight - 200 });
    act(() => resized.forEach((callback) => callback([], {} as ResizeObserver)));
    await vi.waitFor(() => expect(ranges).toHaveLength(2));
    const shown = Math.ceil((window.innerHeight - 200) / ROW_HEIGHT);
    // Same rows read (no second read of the newest rows); only the rows on screen moved.
    expect(ranges[1]).toEqual({ start: 0, end: tableWindow().end, shown: { start: 0, end: shown } });
  });
});

describe('ArchivePage first screen', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("shows the first row's details from the first render, before the table reports its active row", () => {
    const noop = () => undefined;
    const root = document.createElement('div');
    document.body.append(root);
    // No act(): what the first render alone puts on the page, before any effect has run.
    render(
      <ArchivePage
        {...tableProps(2, noop)}
        rows={new Map([tableRow('c0'), tableRow('c1')].map((r) => [r.id, r]))}
        filtered={false}
        total={2}
        query=""
        tags={[]}
        tag=""
        format="json"
        onQuery={noop}
        onTag={noop}
        onFormat={noop}
        onExport={noop}
        onImport={noop}
        onRetag={noop}
        onConfirmDelete={noop}
        onCancelDelete={noop}
        onUndo={noop}
        onDismiss={noop}
        onCite={noop}
        readerHref={(id) => `reader.html?id=${id}`}
      />,
      root,
    );
    const details = root.querySelector<HTMLElement>('[data-testid=bz-row-details]');
    expect(details?.dataset.id).toBe('c0');
    // Its copies are not read yet: their line is held open (no jump of the table when they come).
    expect(details?.querySelector('[data-testid=bz-also-reading]')).not.toBeNull();
    render(null, root);
  });
});

describe('ArchiveTableRow', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("gives a clipping's title and site its own script's language, not the UI's", () => {
    const noop = () => undefined;
    const row = tableRow('c0', { title: '經濟運行總體平穩', siteName: '示例新聞網', script: 'hant' });
    const root = mount(
      <ArchiveTableRow
        t={t}
        id="c0"
        index={0}
        row={row}
        selected={false}
        active={false}
        onToggle={noop}
        onActivate={noop}
        onOpen={noop}
      />,
    );
    expect(root.querySelector('[data-testid=bz-table-open]')!.getAttribute('lang')).toBe('zh-Hant');
    expect(root.querySelector('.bz-cell-site')!.getAttribute('lang')).toBe('zh-Hant');
  });
});
