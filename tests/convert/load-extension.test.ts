import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createConverterFactory } from '../../lib/convert/index';
import { createExtensionDictLoader, createRelayedDictLoader } from '../../lib/convert/load-extension';
import { ensureDictCache } from '../../lib/convert/load-node';

describe('createExtensionDictLoader', () => {
  it('fetches only the packaged tables the pair needs, each once', async () => {
    const dir = await ensureDictCache();
    const requested: string[] = [];
    const fakeFetch = (async (url: string) => {
      requested.push(url);
      const path = url.replace('chrome-extension://abc', '');
      try {
        // The Node cache keeps the packaged tables' text as UTF-16LE.
        return new Response((await readFile(join(dir, path))).toString('utf16le'));
      } catch {
        return new Response('missing', { status: 404 });
      }
    }) as unknown as typeof fetch;
    const factory = createConverterFactory(
      createExtensionDictLoader(fakeFetch, (p) => `chrome-extension://abc${p}`),
    );
    const [a, b] = await Promise.all([factory.get('tw', 'cn'), factory.get('tw', 'cn')]);
    expect(a).toBe(b);
    expect(a('軟體與資料庫')).toBe(OpenCC.Converter({ from: 'tw', to: 'cn' })('軟體與資料庫'));
    expect(requested.sort()).toEqual([
      'chrome-extension://abc/dicts/keys.TSPhrases.txt',
      'chrome-extension://abc/dicts/map.CJK_Compatibility_Ideographs.txt',
      'chrome-extension://abc/dicts/map.TSPhrases+TSCharacters.txt',
      'chrome-extension://abc/dicts/map.TWVariantsRevPhrases+TWVariantsRev.txt',
    ]);
  });

  it('rejects on a failed fetch and retries on the next request', async () => {
    let fail = true;
    const flaky = (async () =>
      fail ? new Response('gone', { status: 500 }) : new Response('x')) as unknown as typeof fetch;
    const load = createExtensionDictLoader(flaky, (p) => p);
    await expect(load('map.TWVariantsPhrases+TWVariants.txt')).rejects.toThrow(/HTTP 500/);
    fail = false;
    await expect(load('map.TWVariantsPhrases+TWVariants.txt')).resolves.toBe('x');
    await expect(load('../secrets')).rejects.toThrow(/bad dictionary name/);
  });
});

describe('createRelayedDictLoader', () => {
  it('asks for a table by name and accepts only a table as the reply', async () => {
    const asked: string[] = [];
    const load = createRelayedDictLoader(async (name) => {
      asked.push(name);
      if (name === 'broken.txt') return { ok: false, error: 'dictionary broken.txt: HTTP 404' };
      if (name === 'silent.txt') return undefined;
      return { ok: true, text: `text of ${name}` };
    });
    await expect(load('map.TSPhrases+TSCharacters.txt')).resolves.toBe(
      'text of map.TSPhrases+TSCharacters.txt',
    );
    await expect(load('broken.txt')).rejects.toThrow(/HTTP 404/);
    await expect(load('silent.txt')).rejects.toThrow(/no reply/);
    await expect(load('../manifest.json')).rejects.toThrow(/bad dictionary name/);
    expect(asked).toEqual(['map.TSPhrases+TSCharacters.txt', 'broken.txt', 'silent.txt']);
  });
});
