// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ArchivePopup, type ArchivePopupProps, type ListItem } from '../../components/popup/archive-popup';
import { parseTagInput } from '../../components/popup/clipping-row';
import { ReaderView } from '../../components/reader/reader-view';
import { splitMarked } from '../../components/shared/highlight';
import { keepHttpUrl } from '../../components/shared/safe-url';
import { formatListDate } from '../../components/shared/format-date';
import { makeArticle } from '../archive/helpers';
import { mount, t } from './mount';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

afterEach(() => {
  document.body.replaceChildren();
});

function popupProps(items: ListItem[], overrides: Partial<ArchivePopupProps> = {}): ArchivePopupProps {
  const noop = () => undefined;
  return {
    t,
    items,
    total: items.length,
    filtered: false,
    hasMore: false,
    query: '',
    resultsQuery: '',
    tags: ['住房'],
    tag: '',
    selected: new Set(),
    onQuery: noop,
    onTag: noop,
    onSelect: noop,
    onSelectAll: noop,
    onOpen: noop,
    onLoadMore: noop,
    onSaveMeta: noop,
    onDelete: noop,
    onUndo: noop,
    onExport: noop,
    onImport: noop,
    onDismiss: noop,
    format: 'json',
    savePage: { kind: 'idle' },
    onFormat: noop,
    onOpenArchive: noop,
    onSavePage: noop,
    onConfirmPage: noop,
    onCancelSave: noop,
    onCite: noop,
    ...overrides,
  };
}

const item = (id: string, over: Partial<ListItem> = {}): ListItem => ({
  id,
  title: { text: `标题${id}`, ranges: [] },
  siteName: '示例网',
  date: '2026-03-01',
  dateSaved: false,
  asPage: false,
  script: 'hans',
  tags: [],
  note: '',
  ...over,
});

describe('splitMarked', () => {
  it('splits text into plain and marked parts and ignores bad ranges', () => {
    expect(splitMarked({ text: '推动经济发展', ranges: [[2, 4]] })).toEqual([
      { text: '推动', mark: false },
      { text: '经济', mark: true },
      { text: '发展', mark: false },
    ]);
    expect(
      splitMarked({
        text: 'abc',
        ranges: [
          [1, 9],
          [2, 1],
        ],
      }),
    ).toEqual([{ text: 'abc', mark: false }]);
  });
});

describe('ArchivePopup', () => {
  it('renders rows with highlights as <mark> elements and page text as text only', () => {
    const root = mount(
      <ArchivePopup
        {...popupProps([
          item('a', {
            title: { text: HOSTILE, ranges: [[0, 4]] },
            snippet: { text: '……发展……', ranges: [[2, 4]] },
            script: 'hant',
          }),
          item('b', { tags: ['住房'], note: '<b>笔记</b>' }),
        ])}
      />,
    );
    const rows = root.querySelectorAll('[data-testid=bz-row]');
    expect(rows).toHaveLength(2);
    expect(root.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(rows[0]!.querySelector('.bz-row-title')!.textContent).toBe(HOSTILE);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['<img', '发展']);
    expect(rows[0]!.querySelector('[data-script]')!.getAttribute('data-script')).toBe('hant');
    // The page's text carries its own script's language, whatever the UI's: fonts follow `lang`.
    expect(rows[0]!.querySelector('.bz-row-title')!.getAttribute('lang')).toBe('zh-Hant');
    expect(rows[0]!.querySelector('.bz-snippet')!.getAttribute('lang')).toBe('zh-Hant');
    expect(rows[1]!.querySelector('.bz-row-title')!.getAttribute('lang')).toBe('zh-Hans');
    expect(rows[1]!.querySelector('.bz-note-preview')!.textContent).toBe('<b>笔记</b>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('calls back for query, open, delete, export of the selection and tag edits', () => {
    const onQuery = vi.fn();
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    const onExport = vi.fn();
    const onSaveMeta = vi.fn();
    const root = mount(
      <ArchivePopup
        {...popupProps([item('a'), item('b')], {
          onQuery,
          onOpen,
          onDelete,
          onExport,
          onSaveMeta,
          selected: new Set(['b']),
        })}
      />,
    );
    const search = root.querySelector<HTMLInputElement>('[data-testid=bz-search]')!;
    search.value = '發展';
    act(() => void search.dispatchEvent(new Event('input', { bubbles: true })));
    expect(onQuery).toHaveBeenCalledWith('發展');
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=bz-open]')!.click());
    expect(onOpen).toHaveBeenCalledWith('a');
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=bz-export-selected]')!.click());
    expect(onExport).toHaveBeenCalledWith(['b']);
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=bz-delete-selected]')!.click());
    expect(onDelete).toHaveBeenCalledWith(['b']);

    act(() => root.querySelector<HTMLButtonElement>('[data-testid=bz-edit-open]')!.click());
    const tags = root.querySelector<HTMLInputElement>('[data-testid=bz-tags-input]')!;
    tags.value = '住房，城建, 住房';
    act(() => void tags.dispatchEvent(new Event('input', { bubbles: true })));
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=bz-edit-save]')!.click());
    expect(onSaveMeta).toHaveBeenCalledWith('a', { tags: ['住房', '城建', '住房'], note: '' });
  });

  it('shows export progress, the undo offer and a refused import with its details', () => {
    const onUndo = vi.fn();
    let root = mount(
      <ArchivePopup {...popupProps([], { notice: { kind: 'exporting', done: 250, total: 1000 } })} />,
    );
    expect(root.querySelector('progress')!.getAttribute('value')).toBe('250');
    expect(root.textContent).toContain('archive_exporting(250,1000)');
    expect(root.querySelector('[data-testid=bz-empty]')!.textContent).toBe('archive_empty');
    root = mount(<ArchivePopup {...popupProps([], { onUndo, notice: { kind: 'deleted', count: 2 } })} />);
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=bz-undo]')!.click());
    expect(onUndo).toHaveBeenCalled();
    root = mount(
      <ArchivePopup
        {...popupProps([], {
          notice: { kind: 'import-failed', message: 'bad file', details: ['clipping #2: title: missing'] },
        })}
      />,
    );
    expect(root.querySelector('[role=alert]')!.textContent).toContain('clipping #2: title: missing');
  });
});

describe('ReaderView', () => {
  it('renders the clipping as text, keeps only http(s) figures and links', () => {
    const article = makeArticle({
      title: HOSTILE,
      canonicalUrl: 'javascript:alert(1)',
      url: 'javascript:alert(2)',
      blocks: [
        { type: 'p', text: '<a href="javascript:alert(3)">点我</a>' },
        { type: 'figure', src: 'javascript:alert(4)', caption: '坏图' },
        { type: 'figure', src: 'https://img.example.gov.cn/ok.jpg', caption: '好图' },
        { type: 'h', text: '小标题' },
      ],
    });
    const root = mount(
      <ReaderView
        t={t}
        article={article}
        savedAt={0}
        tags={['甲']}
        note="<i>注</i>"
        toggle="to-hant"
        converting={false}
        fontSize={18}
        onFontSize={() => undefined}
        onToggle={() => undefined}
        onCite={() => undefined}
      />,
    );
    expect(root.querySelector('h1')!.textContent).toBe(HOSTILE);
    expect(root.querySelectorAll('script, i')).toHaveLength(0);
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      'https://img.example.gov.cn/ok.jpg',
    ]);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.querySelector('[data-testid=bz-reader-body] p')!.textContent).toBe(
      '<a href="javascript:alert(3)">点我</a>',
    );
    expect(root.querySelector('[data-testid=bz-reader-toggle]')!.textContent).toBe('reader_toHant');
  });
});

describe('small helpers', () => {
  it('parses tags typed with either comma or 、', () => {
    expect(parseTagInput('住房, 城建，交通、 ,')).toEqual(['住房', '城建', '交通']);
  });
  it('keeps only http(s) URLs', () => {
    expect(keepHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(keepHttpUrl('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(keepHttpUrl(' javascript:alert(1)')).toBeUndefined();
    expect(keepHttpUrl('data:image/png;base64,xx')).toBeUndefined();
  });
  it('dates a row by its printed publication date, else by the clip date', () => {
    expect(formatListDate('2026-03-01T23:30:00+08:00', 0)).toBe('2026-03-01');
    expect(formatListDate('', Date.UTC(2026, 0, 2))).toBe('2026-01-02');
  });
});
