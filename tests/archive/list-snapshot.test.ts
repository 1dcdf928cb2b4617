import { describe, expect, it } from 'vitest';
import {
  LIST_SNAPSHOT_KEY,
  clearListSnapshot,
  readListSnapshot,
  writeListSnapshot,
  type Clipping,
  type SnapshotStorage,
} from '../../lib/archive/index';
import { makeArticle } from './helpers';

function memoryStorage(): SnapshotStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function clipping(i: number, overrides: Partial<Clipping> = {}): Clipping {
  return {
    ...makeArticle({ title: `第${i}篇剪报` }),
    id: `id-${i}`,
    savedAt: 1_000 * i,
    updatedAt: 1_000 * i,
    tags: ['民生'],
    note: '备注',
    ...overrides,
  };
}

describe('list snapshot', () => {
  it('keeps the newest rows with only what the list shows, and reads them back', () => {
    const storage = memoryStorage();
    const newest = Array.from({ length: 40 }, (_, i) => clipping(40 - i));
    writeListSnapshot(storage, newest);
    const rows = readListSnapshot(storage)!;
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual({
      id: 'id-40',
      title: '第40篇剪报',
      siteName: '示例市人民政府',
      publishedAt: '2026-03-01T09:00:00+08:00',
      savedAt: 40_000,
      script: 'hans',
      tags: ['民生'],
      note: '备注',
    });
    expect(storage.data.get(LIST_SNAPSHOT_KEY)).not.toContain('blocks');
  });

  it('keeps the mark of a clipping saved as a page, so the first paint shows it', () => {
    const storage = memoryStorage();
    writeListSnapshot(storage, [clipping(2, { asPage: true }), clipping(1)]);
    const rows = readListSnapshot(storage)!;
    expect(rows.map((r) => r.asPage)).toEqual([true, undefined]);
    expect(rows[1]).not.toHaveProperty('asPage');
  });

  it('shortens long notes to a preview', () => {
    const storage = memoryStorage();
    writeListSnapshot(storage, [clipping(1, { note: '很长的备注'.repeat(500) })]);
    expect(readListSnapshot(storage)![0]!.note).toHaveLength(200);
  });

  it('ignores a malformed, stale-format or hostile snapshot instead of showing it', () => {
    const storage = memoryStorage();
    const good = JSON.parse(
      JSON.stringify({
        version: 1,
        rows: [
          {
            id: 'a',
            title: 't',
            siteName: 's',
            publishedAt: '',
            savedAt: 1,
            script: 'hans',
            tags: [],
            note: '',
          },
        ],
      }),
    ) as {
      version: number;
      rows: Array<Record<string, unknown>>;
    };
    const cases = [
      '{"version":1,"rows":[',
      'null',
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ version: 1, rows: [] }),
      JSON.stringify({ version: 1, rows: [{ ...good.rows[0], script: 'latin' }] }),
      JSON.stringify({ version: 1, rows: [{ ...good.rows[0], title: { toString: 1 } }] }),
      JSON.stringify({ version: 1, rows: [{ ...good.rows[0], extra: '<img src=x onerror=alert(1)>' }] }),
      JSON.stringify({ version: 1, rows: [{ ...good.rows[0], savedAt: -5 }] }),
    ];
    for (const text of cases) {
      storage.setItem(LIST_SNAPSHOT_KEY, text);
      expect(readListSnapshot(storage), text).toBeUndefined();
    }
    storage.setItem(LIST_SNAPSHOT_KEY, JSON.stringify(good));
    expect(readListSnapshot(storage)).toHaveLength(1);
  });

  it('clears on an empty archive and on request, and survives a storage that throws', () => {
    const storage = memoryStorage();
    writeListSnapshot(storage, [clipping(1)]);
    writeListSnapshot(storage, []);
    expect(readListSnapshot(storage)).toBeUndefined();
    writeListSnapshot(storage, [clipping(1)]);
    clearListSnapshot(storage);
    expect(readListSnapshot(storage)).toBeUndefined();
    const broken: SnapshotStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readListSnapshot(broken)).toBeUndefined();
    expect(() => writeListSnapshot(broken, [clipping(1)])).not.toThrow();
    expect(readListSnapshot(undefined)).toBeUndefined();
  });
});
