// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveTable, tableWindow, type ArchiveTableProps } from '../../components/archive/archive-table';
import { ROW_HEIGHT } from '../../components/archive/row-height';
import { t } from './mount';

// Frames are painted only when a test says so.
let frames: FrameRequestCallback[] = [];
function paint(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback(performance.now());
}

// Bodies observed for their size; the layout is read only when an observer is there to read it.
let observed: Element[] = [];

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
  let root: HTMLElement;
  beforeEach(() => {
    frames = [];
    observed = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(el: Element) {
          observed.push(el);
        }
        disconnect() {}
      },
    );
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('draws rows for the whole window height before anything is measured, and reads them once', async () => {
    const ranges: Array<{ start: number; end: number }> = [];
    render(<ArchiveTable {...tableProps(10_000, (range) => ranges.push(range))} />, root);
    // First render: rows enough to fill the page, drawn without a ResizeObserver reading the layout.
    const expected = tableWindow(0, window.innerHeight);
    expect(expected.end).toBeGreaterThan(window.innerHeight / ROW_HEIGHT);
    expect(root.querySelectorAll('[data-testid=bz-table-row]')).toHaveLength(expected.end);
    expect(observed).toHaveLength(0);
    // After the first paint the body is observed, and the window read is the one drawn.
    paint();
    await vi.waitFor(() => expect(observed).toHaveLength(1));
    expect(ranges).toEqual([expected]);
  });
});
