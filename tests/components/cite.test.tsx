// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ArchivePopup } from '../../components/popup/archive-popup';
import { COPIED_FOR, formatCitation, useCopyCitation } from '../../components/hooks/use-copy-citation';
import { ExportControls } from '../../components/shared/export-controls';
import { makeArticle } from '../archive/helpers';
import { mount, t } from './mount';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const clipping = {
  ...makeArticle({
    title: '省委常委会召开会议',
    source: '河北日报',
    authors: ['周文'],
    url: 'https://hebei.hebnews.cn/2026-03/15/content_1.htm',
    canonicalUrl: '',
    publishedAt: '2026-03-15T07:30:00+08:00',
  }),
  id: 'c1',
  savedAt: Date.UTC(2026, 2, 16, 2),
};

describe('citation copy', () => {
  it('formats GB/T 7714 with the clipping date as the access date, and APA', () => {
    expect(formatCitation('gbt7714', clipping)).toBe(
      '周文. 省委常委会召开会议[N/OL]. 河北日报, 2026-03-15[2026-03-16]. https://hebei.hebnews.cn/2026-03/15/content_1.htm.',
    );
    expect(formatCitation('apa', clipping)).toBe(
      '周文. (2026, March 15). 省委常委会召开会议. 河北日报. https://hebei.hebnews.cn/2026-03/15/content_1.htm',
    );
  });

  it('copies the row’s citation and confirms it on that row only, for a while', async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const errors: unknown[] = [];
    function Harness() {
      const cite = useCopyCitation({
        t,
        read: async (id) => (id === 'c1' ? clipping : undefined),
        write: async (text) => void written.push(text),
        onError: (e) => errors.push(e),
      });
      const items = ['c1', 'c2'].map((id) => ({
        id,
        title: { text: id, ranges: [] },
        siteName: '河北新闻网',
        date: '2026-03-15',
        script: 'hans' as const,
        tags: [],
        note: '',
      }));
      return (
        <ArchivePopup
          {...({} as Parameters<typeof ArchivePopup>[0])}
          t={t}
          items={items}
          filtered={false}
          hasMore={false}
          query=""
          resultsQuery=""
          tags={[]}
          tag=""
          selected={new Set()}
          format="json"
          savePage={{ kind: 'idle' }}
          copied={cite.copied}
          onCite={cite.copy}
        />
      );
    }
    const root = mount(<Harness />);
    const rows = root.querySelectorAll('[data-testid=bz-row]');
    await act(async () => {
      rows[0]!.querySelector<HTMLButtonElement>('[data-testid=bz-cite-gbt7714]')!.click();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(written).toEqual([formatCitation('gbt7714', clipping)]);
    const status = (i: number) => rows[i]!.querySelector('[data-testid=bz-cite-copied]')!.textContent;
    expect(status(0)).toBe('✓ cite_copied(cite_gbt7714)');
    expect(status(1)).toBe('');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(COPIED_FOR + 1);
    });
    expect(status(0)).toBe('');
    expect(errors).toEqual([]);
  });

  it('says so, localised, when the clipboard refuses', async () => {
    const errors: unknown[] = [];
    let copy: (id: string, style: 'apa') => void = () => undefined;
    function Harness() {
      copy = useCopyCitation({
        t,
        read: async () => clipping,
        write: () => Promise.reject(new Error('Document is not focused.')),
        onError: (e) => errors.push(e),
      }).copy;
      return null;
    }
    mount(<Harness />);
    await act(async () => {
      copy('c1', 'apa');
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(errors.map((e) => (e as Error).message)).toEqual(['cite_failed(Document is not focused.)']);
  });
});

describe('export controls', () => {
  const base = {
    t,
    format: 'json' as const,
    busy: false,
    onFormat: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
  };
  it('offers CSL-JSON and RIS, and exports the matches when a filter is set', () => {
    const root = mount(<ExportControls {...base} selectedCount={0} matchingCount={3} />);
    expect([...root.querySelectorAll('option')].map((o) => o.value)).toEqual([
      'json',
      'markdown',
      'html',
      'csl-json',
      'ris',
    ]);
    expect(root.querySelector('[data-testid=bz-export-matching]')!.textContent).toBe(
      'archive_exportMatching(3)',
    );
  });
  it('exports the selection before the matches, and nothing when nothing matches', () => {
    let root = mount(<ExportControls {...base} selectedCount={2} matchingCount={3} />);
    expect(root.querySelector('[data-testid=bz-export-selected]')).not.toBeNull();
    root = mount(<ExportControls {...base} selectedCount={0} matchingCount={0} />);
    expect(root.querySelector<HTMLButtonElement>('[data-testid=bz-export-matching]')!.disabled).toBe(true);
  });
});
