// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { FONT_SIZES, ReaderView, splitPublished } from '../../components/reader/reader-view';
import type { Block } from '../../lib/article/record';
import { makeArticle } from '../archive/helpers';
import { t } from './mount';

function mountReader(blocks: Block[], overrides: Record<string, unknown> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const onFontSize = vi.fn();
  act(() =>
    render(
      <ReaderView
        t={t}
        article={makeArticle({ blocks, publishedAt: '2026-03-15T10:00:00+08:00', ...overrides })}
        savedAt={0}
        tags={[]}
        note=""
        toggle="to-hant"
        converting={false}
        onToggle={() => undefined}
        fontSize={FONT_SIZES.initial}
        onFontSize={onFontSize}
        onCite={() => undefined}
      />,
      root,
    ),
  );
  return { root, onFontSize };
}

afterEach(() => document.body.replaceChildren());

describe('reader view', () => {
  it('says a caption once, also when the image fails to load', () => {
    const { root } = mountReader([
      { type: 'figure', src: 'https://img.example.gov.cn/a.jpg', caption: '会议现场', credit: '记者 摄' },
    ]);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('');
    act(() => void img.dispatchEvent(new Event('error')));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('figure')!.textContent).toBe('会议现场');
  });

  it('never shows a photo credit on its own', () => {
    const { root } = mountReader([
      { type: 'figure', src: 'javascript:alert(1)', credit: '记者 摄' },
      { type: 'figure', credit: '新华社记者 摄' },
      { type: 'p', text: '正文。' },
    ]);
    expect(root.querySelector('figure')).toBeNull();
    expect(root.textContent).not.toContain('摄');
    const { root: withImage } = mountReader([
      { type: 'figure', src: 'https://img.example.gov.cn/b.jpg', credit: '记者 摄' },
    ]);
    const img = withImage.querySelector('img')!;
    expect(withImage.querySelector('.bz-credit')?.textContent).toBe('记者 摄');
    act(() => void img.dispatchEvent(new Event('error')));
    expect(withImage.querySelector('figure')).toBeNull();
  });

  it('shows the publication time with its UTC offset', () => {
    const { root } = mountReader([{ type: 'p', text: '正文。' }]);
    expect(root.querySelector('[data-testid=bz-reader-time]')!.textContent).toBe(
      'reader_time(2026-03-15 10:00,+08:00)',
    );
    expect(splitPublished('2026-03-15')).toEqual({ when: '2026-03-15' });
    expect(splitPublished('2026-03-15T02:00:00Z')).toEqual({ when: '2026-03-15 02:00', offset: '+00:00' });
  });

  it('marks the text language from its script, not the UI', () => {
    expect(mountReader([], { script: 'hant' }).root.querySelector('article')!.lang).toBe('zh-Hant');
    expect(mountReader([], { script: 'hans' }).root.querySelector('article')!.lang).toBe('zh-Hans');
  });

  it('changes the text size in steps within bounds', () => {
    const { root, onFontSize } = mountReader([]);
    act(() => (root.querySelector('[data-testid=bz-font-larger]') as HTMLButtonElement).click());
    act(() => (root.querySelector('[data-testid=bz-font-smaller]') as HTMLButtonElement).click());
    expect(onFontSize.mock.calls).toEqual([[FONT_SIZES.initial + 2], [FONT_SIZES.initial - 2]]);
    expect((root.querySelector('article') as HTMLElement).style.getPropertyValue('--bz-font-size')).toBe(
      '18px',
    );
  });
});
