import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { listSearchRows, saveArticle, updateClipping, type Clipping } from '../../lib/archive/index';
import {
  CLIPPINGS_FORMAT,
  exportClippingsText,
  formatExportFileName,
  importClippingsText,
  parseClippingsFile,
  type ImportProblem,
} from '../../lib/export/index';
import { makeArticle, openTestArchive } from '../archive/helpers';
import { compileClippingsSchema } from './ajv';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = resolve(repoRoot, 'tests/fixtures/import');
const readFixture = (name: string) => readFileSync(resolve(fixtures, name), 'utf8');
const validate = compileClippingsSchema(repoRoot);

async function seededArchive() {
  const db = openTestArchive();
  const a = await saveArticle(db, makeArticle({ title: '水利工程建设推进会召开' }), 1_000);
  await saveArticle(
    db,
    makeArticle({ title: '職業教育改革座談會', script: 'hant', body: ['與會者討論產教融合。'] }),
    2_000,
  );
  await updateClipping(db, a.id, { tags: ['水利'], note: '待核对数字' }, 3_000);
  return db;
}

const MALFORMED: Array<[string, ImportProblem['code'], RegExp]> = [
  ['01-not-json.json', 'not-json', /not valid JSON/],
  ['02-truncated.json', 'truncated', /cut off/],
  ['03-wrong-format.json', 'wrong-format', /format is "evernote-export", expected "baozhai-clippings"/],
  ['04-future-version.json', 'future-version', /newer Baozhai \(format version 3/],
  ['05-missing-fields.json', 'bad-records', /1 of 2 clippings/],
  ['06-oversized-string.json', 'bad-records', /1 of 1/],
  ['07-duplicate-ids.json', 'duplicate-ids', /share an id/],
  ['08-hostile-strings.json', 'bad-records', /1 of 1/],
  ['09-javascript-image.json', 'bad-records', /1 of 1/],
  ['10-wrong-types.json', 'bad-records', /1 of 1/],
  ['11-not-an-object.json', 'not-object', /one JSON object/],
  ['12-no-clippings-list.json', 'no-clippings', /no "clippings" list/],
  ['13-bad-values.json', 'bad-records', /1 of 1/],
  ['14-unknown-field.json', 'bad-records', /1 of 1/],
  ['15-empty.json', 'empty', /empty/],
  ['16-bad-id.json', 'bad-records', /1 of 1/],
];

const DETAIL: Record<string, RegExp> = {
  '05-missing-fields.json': /clipping #2 \(id fixture-2\): title: missing/,
  '06-oversized-string.json': /title: too long \(2500 characters, at most 2000\)/,
  '07-duplicate-ids.json': /clipping #2 repeats id fixture-1 of clipping #1/,
  '08-hostile-strings.json': /NUL byte or a broken \(unpaired\) surrogate/,
  '09-javascript-image.json': /blocks\.0\.src: image src must be http\(s\)/,
  '10-wrong-types.json': /savedAt: Invalid type: Expected number/,
  '13-bad-values.json': /script: .*"latin"/,
  '14-unknown-field.json': /html: unknown field/,
  '16-bad-id.json': /id: id must be 1–100 letters/,
};

describe('import of malformed files', () => {
  it.each(MALFORMED)(
    '%s is refused with a specific message and changes nothing',
    async (name, code, message) => {
      const db = await seededArchive();
      const before = await exportClippingsText(db, { now: 0 });
      const result = await importClippingsText(db, readFixture(name));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.code).toBe(code);
      expect(result.problem.message).toMatch(message);
      const detail = DETAIL[name];
      if (detail) expect(result.problem.details.join('\n')).toMatch(detail);
      expect(await exportClippingsText(db, { now: 0 })).toBe(before);
    },
  );

  it('has at least twelve fixtures, and every record-level one is also refused by the JSON Schema', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(12);
    for (const [name, code] of MALFORMED) {
      // JSON Schema cannot say "ids unique across items" or "no unpaired surrogates"; the valibot
      // schema enforces both and the JSON Schema's descriptions state them.
      if (['not-json', 'truncated', 'empty', 'duplicate-ids'].includes(code) || name.includes('hostile'))
        continue;
      expect(validate(JSON.parse(readFixture(name))), name).toBe(false);
    }
  });
});

describe('export', () => {
  it('writes every field of every clipping, newest first, valid against the JSON Schema', async () => {
    const db = await seededArchive();
    const text = await exportClippingsText(db, { now: Date.UTC(2026, 10, 21, 8) });
    const file = JSON.parse(text) as {
      format: string;
      version: number;
      exportedAt: string;
      clippings: Clipping[];
    };
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.format).toBe(CLIPPINGS_FORMAT);
    expect(file.exportedAt).toBe('2026-11-21T08:00:00.000Z');
    const stored = await db.clippings.orderBy('savedAt').reverse().toArray();
    expect(file.clippings).toEqual(stored);
  });

  it('exports a larger archive newest first whatever the chunk size', async () => {
    const db = await seededArchive();
    for (let i = 0; i < 7; i++) await saveArticle(db, makeArticle({ title: `第${i}篇` }), 10_000 - i);
    const expected = (await db.clippings.orderBy('savedAt').reverse().toArray()).map((c) => c.id);
    for (const chunkSize of [1, 2, 3, 500]) {
      const file = JSON.parse(await exportClippingsText(db, { chunkSize })) as { clippings: Clipping[] };
      expect(file.clippings.map((c) => c.id)).toEqual(expected);
    }
    const some = [expected[3]!, expected[0]!];
    const picked = JSON.parse(await exportClippingsText(db, { ids: some, chunkSize: 1 })) as {
      clippings: Clipping[];
    };
    expect(picked.clippings.map((c) => c.id)).toEqual([expected[0], expected[3]]);
  });

  it('exports only the selection and reports progress chunk by chunk', async () => {
    const db = await seededArchive();
    const ids = await db.clippings.toCollection().primaryKeys();
    const progress: Array<[number, number]> = [];
    const text = await exportClippingsText(db, {
      ids: [ids[0]!],
      chunkSize: 1,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect((JSON.parse(text) as { clippings: Clipping[] }).clippings.map((c) => c.id)).toEqual([ids[0]]);
    expect(progress[0]).toEqual([0, 1]);
    expect(progress.at(-1)).toEqual([1, 1]);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);
  });

  it('names the file with the date', () => {
    expect(formatExportFileName(new Date(Date.UTC(2026, 10, 21, 12)))).toBe(
      'baozhai-clippings-2026-11-21.json',
    );
  });
});

describe('import of good files', () => {
  it('round-trips: an export imported into an empty archive gives the same clippings', async () => {
    const db = await seededArchive();
    const text = await exportClippingsText(db, { now: 0 });
    const fresh = openTestArchive();
    const result = await importClippingsText(fresh, text);
    expect(result.ok && result.report.added).toHaveLength(2);
    expect(await exportClippingsText(fresh, { now: 0 })).toBe(text);
    expect(await listSearchRows(fresh)).toEqual(await listSearchRows(db));
  });

  it('merges by id, canonical URL and content hash, and says why it skipped', async () => {
    const db = await seededArchive();
    const [newer, older] = await db.clippings.orderBy('savedAt').reverse().toArray();
    const file = JSON.parse(await exportClippingsText(db, { now: 0 })) as { clippings: Clipping[] };
    const sameUrlNewer = { ...older!, id: 'other-id', title: '改后的标题', updatedAt: older!.updatedAt + 10 };
    const brandNew = {
      ...newer!,
      id: 'brand-new',
      url: 'https://n.example/1',
      canonicalUrl: 'https://n.example/1',
      contentHash: 'abcdef0123456789',
    };
    const dupeOfNew = { ...brandNew, id: 'brand-new-2' };
    file.clippings = [
      newer!,
      sameUrlNewer,
      brandNew,
      dupeOfNew,
      { ...newer!, id: 'zzz', updatedAt: 0 + newer!.savedAt },
    ];
    const result = await importClippingsText(
      db,
      JSON.stringify({ ...file, format: CLIPPINGS_FORMAT, version: 1, exportedAt: '' }),
    );
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.report.added).toEqual(['brand-new']);
    expect(result.report.updated).toEqual([older!.id]);
    expect(result.report.skipped).toEqual([
      { id: newer!.id, reason: 'identical' },
      { id: 'brand-new-2', reason: 'duplicate-in-file' },
      { id: 'zzz', reason: 'duplicate-in-file' },
    ]);
    expect((await db.clippings.get(older!.id))?.title).toBe('改后的标题');
    expect(await db.clippings.count()).toBe(3);
    expect(parseClippingsFile(readFixture('valid-two.json')).ok).toBe(true);
  });

  it('skips a clipping when the stored copy is newer', async () => {
    const db = await seededArchive();
    const [first] = await db.clippings.orderBy('savedAt').reverse().toArray();
    const stale = { ...first!, note: '旧笔记', updatedAt: first!.savedAt };
    const text = JSON.stringify({ format: CLIPPINGS_FORMAT, version: 1, exportedAt: '', clippings: [stale] });
    const result = await importClippingsText(db, text);
    expect(result.ok && result.report.skipped).toEqual([{ id: first!.id, reason: 'stored-is-newer' }]);
    expect((await db.clippings.get(first!.id))?.note).toBe(first!.note);
  });
});

describe('format versions', () => {
  it('writes version 2 with people on every clipping, valid against the JSON Schema', async () => {
    const db = openTestArchive();
    const people = [{ name: '杜明远', roles: ['市委书记', '市长'], mentions: 2 }];
    await saveArticle(db, makeArticle({ people }), 1_000);
    const file = JSON.parse(await exportClippingsText(db, { now: 0 })) as {
      version: number;
      clippings: Clipping[];
    };
    expect(file.version).toBe(2);
    expect(validate(file)).toBe(true);
    expect(file.clippings[0]!.people).toEqual(people);
  });

  it('reads a version 1 file and reads the people of its clippings from their text', async () => {
    const v1 = JSON.parse(readFixture('valid-two.json')) as { clippings: Array<Record<string, unknown>> };
    expect(v1.clippings.every((c) => !('people' in c))).toBe(true);
    v1.clippings[0]!.blocks = [
      { type: 'p', text: '省委副书记、省长钟立平主持会议。钟立平指出，要压实责任。' },
    ];
    const parsed = parseClippingsFile(JSON.stringify(v1));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.clippings[0]!.people).toEqual([
      { name: '钟立平', roles: ['省委副书记', '省长'], mentions: 2 },
    ]);
    expect(parsed.clippings[1]!.people).toEqual([]);
  });
  it('keeps a publication date written in another form, read as saving reads a dateline', async () => {
    const db = await seededArchive();
    const file = JSON.parse(await exportClippingsText(db, { now: 0 })) as {
      clippings: Array<Record<string, unknown>>;
    };
    file.clippings[0]!.publishedAt = '2023-12-01';
    file.clippings[1]!.publishedAt = '二〇二三年';
    const parsed = parseClippingsFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.clippings.map((c) => c.publishedAt)).toEqual(['2023-12-01T00:00:00+08:00', '']);
  });
  it('reads a date in another form the same way on saving and on import, keeping a UTC offset', async () => {
    const forms = ['2023-12-01', '2023-12-01T06:43:00.000Z', '2023年12月1日 08:05', '二〇二三年'];
    const expected = ['2023-12-01T00:00:00+08:00', '2023-12-01T06:43:00Z', '2023-12-01T08:05:00+08:00', ''];
    const db = openTestArchive();
    const saved: string[] = [];
    for (const [i, publishedAt] of forms.entries()) {
      const { id } = await saveArticle(
        db,
        makeArticle({ url: `https://www.example.gov.cn/a/${i}.html`, title: `第${i}篇`, publishedAt }),
        1_000 + i,
      );
      saved.push((await db.clippings.get(id))!.publishedAt);
    }
    expect(saved).toEqual(expected);
    const file = JSON.parse(await exportClippingsText(db, { now: 0 })) as {
      clippings: Array<Record<string, unknown>>;
    };
    // The export as a file written by hand or by an older tool: each date back in its original form.
    for (const c of file.clippings) c.publishedAt = forms[Number(String(c.title).slice(1, 2))];
    const parsed = parseClippingsFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.clippings.map((c) => c.publishedAt).sort()).toEqual([...expected].sort());
  });
});

describe('import that runs out of storage', () => {
  it('rolls back everything, clippings included, when the packed search rows cannot be written', async () => {
    const db = await seededArchive();
    const before = await exportClippingsText(db, { now: 0 });
    const rowsBefore = await listSearchRows(db);
    const incoming = {
      ...makeArticle({ title: '放不下的新剪报' }),
      id: 'too-big',
      savedAt: 5_000,
      updatedAt: 5_000,
      tags: [],
      note: '',
    };
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'searchPacks')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const result = await importClippingsText(
      db,
      JSON.stringify({ format: CLIPPINGS_FORMAT, version: 1, exportedAt: '', clippings: [incoming] }),
    );
    vi.restoreAllMocks();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('storage');
    expect(!result.ok && result.problem.message).toMatch(/out of storage space.*nothing was changed/);
    expect(await exportClippingsText(db, { now: 0 })).toBe(before);
    expect(await listSearchRows(db)).toEqual(rowsBefore);
  });
});
