import { describe, expect, it } from 'vitest';
import { removeRawTextElements } from '../../lib/text/markup';

describe('removeRawTextElements', () => {
  it('removes the named raw-text elements, whatever their case and attributes', () => {
    expect(
      removeRawTextElements('a<script type="x">1<p></script >b<STYLE>p{}</Style>c<scripts>d', [
        'script',
        'style',
      ]),
    ).toBe('abc<scripts>d');
    expect(removeRawTextElements('a<style>x</style>b<script>y</script>c', ['style'])).toBe(
      'ab<script>y</script>c',
    );
  });

  it('drops an unclosed element to the end, as a browser does, in linear time', () => {
    expect(removeRawTextElements('a<style>p{}<p>b', ['style'])).toBe('a');
    const hostile = '<style'.repeat(200_000);
    const start = performance.now();
    expect(removeRawTextElements(hostile, ['style'])).toBe('');
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
