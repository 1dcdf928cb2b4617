import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createConverterFactory } from '../../lib/convert/index';
import {
  createDictPartServer,
  createExtensionDictLoader,
  createRelayedDictLoader,
  DICT_PART_CHARS,
  splitDictText,
  type RelayedDict,
} from '../../lib/convert/load-extension';
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

describe('splitDictText', () => {
  it('cuts a table into parts that join back exactly, never inside a surrogate pair', () => {
    // 𠮷 is a surrogate pair: with parts of 4, the first cut would fall between its halves.
    const text = '一二三𠮷四五六七八九十𠀀';
    const parts = splitDictText(text, 4);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 4 && !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p))).toBe(true);
    expect(parts[0]).toBe('一二三');
    expect(splitDictText('', 4)).toEqual(['']);
  });

  it('relays the largest packaged table in parts that rebuild the same converter', async () => {
    const dir = await ensureDictCache();
    const read = async (name: string) => (await readFile(join(dir, 'dicts', name))).toString('utf16le');
    const name = 'map.STPhrases+STCharacters.txt';
    const whole = await read(name);
    const serve = createDictPartServer(read);
    const asked: number[] = [];
    const load = createRelayedDictLoader(async (n, part) => {
      asked.push(part);
      // Each part crosses a message as JSON, as runtime.sendMessage carries it.
      return JSON.parse(JSON.stringify({ ok: true, ...(await serve(n, part)) })) as RelayedDict;
    });
    expect(await load(name)).toBe(whole);
    expect(asked).toEqual(Array.from({ length: Math.ceil(whole.length / DICT_PART_CHARS) }, (_, i) => i));
    expect(asked.length).toBeGreaterThan(1);
    const factory = createConverterFactory(
      createRelayedDictLoader(async (n, part) => ({ ok: true, ...(await serve(n, part)) })),
    );
    const text = '发展经济，推进乡村振兴和数字化治理。';
    expect((await factory.get('cn', 'tw'))(text)).toBe(OpenCC.Converter({ from: 'cn', to: 'tw' })(text));
  });
});

describe('createDictPartServer', () => {
  it('reads each table once, says how many parts it has, and does not keep a failed read', async () => {
    const reads: string[] = [];
    let fail = true;
    const serve = createDictPartServer(async (name) => {
      reads.push(name);
      if (fail) throw new Error(`dictionary ${name}: HTTP 500`);
      return 'abcdefg';
    }, 3);
    await expect(serve('a.txt', 0)).rejects.toThrow(/HTTP 500/);
    fail = false;
    expect(await serve('a.txt', 0)).toEqual({ text: 'abc', parts: 3 });
    expect(await serve('a.txt', 2)).toEqual({ text: 'g', parts: 3 });
    await expect(serve('a.txt', 3)).rejects.toThrow(/no part 3 of 3/);
    expect(reads).toEqual(['a.txt', 'a.txt']);
  });
});

describe('createRelayedDictLoader', () => {
  it('asks for a table by name, part after part, and accepts only parts of a table as the reply', async () => {
    const asked: string[] = [];
    const load = createRelayedDictLoader(async (name, part) => {
      asked.push(`${name}#${part}`);
      if (name === 'broken.txt') return { ok: false, error: 'dictionary broken.txt: HTTP 404' };
      if (name === 'silent.txt') return undefined;
      // A reply that changes its count of parts midway is no table.
      if (name === 'shifty.txt') return { ok: true, text: 'x', parts: part + 2 };
      if (name === 'endless.txt') return { ok: true, text: 'x', parts: 1e9 };
      return { ok: true, text: `${part}:${name};`, parts: 3 };
    });
    await expect(load('map.TSPhrases+TSCharacters.txt')).resolves.toBe(
      '0:map.TSPhrases+TSCharacters.txt;1:map.TSPhrases+TSCharacters.txt;2:map.TSPhrases+TSCharacters.txt;',
    );
    await expect(load('broken.txt')).rejects.toThrow(/HTTP 404/);
    await expect(load('silent.txt')).rejects.toThrow(/no reply/);
    await expect(load('shifty.txt')).rejects.toThrow(/part 1 says 3 parts/);
    await expect(load('endless.txt')).rejects.toThrow(/part 0 says 1000000000 parts/);
    await expect(load('../manifest.json')).rejects.toThrow(/bad dictionary name/);
    expect(asked).toEqual([
      'map.TSPhrases+TSCharacters.txt#0',
      'map.TSPhrases+TSCharacters.txt#1',
      'map.TSPhrases+TSCharacters.txt#2',
      'broken.txt#0',
      'silent.txt#0',
      'shifty.txt#0',
      'shifty.txt#1',
      'endless.txt#0',
    ]);
  });
});
