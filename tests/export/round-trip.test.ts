import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../lib/article/record';
import { normaliseArticle, normaliseTag, isValidTag } from '../../lib/article/valid';
import { saveArticle, updateClipping, type ArchiveDb, type Clipping } from '../../lib/archive/index';
import { exportClippingsText, importClippingsText, parseClippingsFile } from '../../lib/export/index';
import { parseRequest } from '../../lib/messaging/contract';
import { makeArticle, openTestArchive } from '../archive/helpers';

/** Every clipping of an archive, by id. */
async function allClippings(db: ArchiveDb): Promise<Clipping[]> {
  return (await db.clippings.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

/** Export, import into an empty archive, and return both archives' clippings. */
async function roundTrip(db: ArchiveDb): Promise<{ before: Clipping[]; after: Clipping[]; ok: boolean }> {
  const text = await exportClippingsText(db, { now: 0 });
  const fresh = openTestArchive();
  const result = await importClippingsText(fresh, text);
  if (!result.ok) throw new Error(`${result.problem.message} ${result.problem.details.join(' | ')}`);
  return { before: await allClippings(db), after: await allClippings(fresh), ok: result.ok };
}

// The review's cases: page text and tags the archive took but import refused.
const HOSTILE_TEXT: Array<[string, string, string]> = [
  // [what, page text, as stored]
  ['U+FFFF', '正文\uFFFF结束', '正文结束'],
  ['U+FFFE', '\uFFFE正文', '正文'],
  ['a lone high surrogate', '正文\uD83D', '正文'],
  ['a lone low surrogate', '\uDE00正文', '正文'],
  ['NUL', '正\u0000文', '正文'],
  ['U+FDD0', '正文\uFDD0', '正文'],
  ['U+10FFFF', '正文\u{10FFFF}', '正文'],
  ['surrogates reversed', '\uDE00\uD83D文', '文'],
  ['a ZWJ emoji and RLM', '👨‍👩‍👧\u200F', '👨‍👩‍👧\u200F'],
];
const HOSTILE_TAGS: Array<[string, string]> = [
  ['a ZWJ emoji', '👨‍👩‍👧'],
  ['a soft hyphen', '政\u00AD策'],
  ['RLM', 'עברית\u200F'],
  ['ZWNJ', 'می\u200Cخواهم'],
  ['a tab and newline', '水\t利\n工程'],
  ['U+2028', '水利\u2028工程'],
  ['a lone surrogate', '水利\uD800'],
];

describe('every backup restores', () => {
  it.each(HOSTILE_TEXT)(
    'page text with %s saves, exports and imports field for field',
    async (_what, text, stored) => {
      const db = openTestArchive();
      const page = makeArticle({
        title: text,
        source: text,
        authors: [text],
        body: [text, `第二段${text}`],
        canonicalUrl: `https://www.example.gov.cn/${encodeURIComponent('路径')}`,
      });
      page.blocks.push({
        type: 'figure',
        src: 'https://www.example.gov.cn/a.png',
        caption: text,
        credit: text,
      });
      const { id } = await saveArticle(db, page, 1_000);
      await updateClipping(db, id, { tags: [text], note: text }, 2_000);
      const { before, after } = await roundTrip(db);
      expect(after).toEqual(before);
      expect(before[0]).toMatchObject({ title: stored, note: stored, authors: [stored] });
    },
  );

  it.each(HOSTILE_TAGS)('a tag with %s is kept valid and restores', async (_what, tag) => {
    const db = openTestArchive();
    const { id } = await saveArticle(db, makeArticle(), 1_000);
    const edited = await updateClipping(db, id, { tags: [tag, `  ${tag}  `] }, 2_000);
    expect(edited.tags).toEqual([normaliseTag(tag)]);
    expect(edited.tags.every(isValidTag)).toBe(true);
    const { before, after } = await roundTrip(db);
    expect(after).toEqual(before);
  });

  it('restores clippings re-saved and edited after the clock was set back', async () => {
    const db = openTestArchive();
    const page = makeArticle();
    const { id } = await saveArticle(db, page, 2_000);
    await saveArticle(db, { ...page, title: '改过' }, 1_000);
    await updateClipping(db, id, { note: '笔记' }, 500);
    const { before, after } = await roundTrip(db);
    expect(after).toEqual(before);
    expect(before[0]).toMatchObject({ savedAt: 2_000, updatedAt: 2_000 });
  });

  it('keeps ZWJ emoji, soft hyphen, RLM and ZWNJ in tags unchanged', () => {
    for (const tag of ['👨‍👩‍👧', '政\u00AD策', 'עברית\u200F', 'می\u200Cخواهم'])
      expect(isValidTag(tag)).toBe(true);
  });
});

// Arbitrary strings, lone surrogates and noncharacters included ('binary' draws any code point
// and any UTF-16 unit).
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({
      unit: fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\u200D', '字', ' '),
      maxLength,
    }),
  );
const anyUrl = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.constantFrom('', 'javascript:alert(1)', 'data:text/html,x', 'file:///tmp/a.html', 'chrome://settings'),
  anyText(60),
);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('p' as const), text: anyText(200) }),
  fc.record({ type: fc.constant('h' as const), text: anyText(60) }),
  fc.record(
    { type: fc.constant('figure' as const), src: anyUrl, caption: anyText(40), credit: anyText(20) },
    { requiredKeys: ['type'] },
  ),
);
const article: fc.Arbitrary<Article> = fc.record({
  url: anyUrl,
  canonicalUrl: anyUrl,
  siteName: anyText(30),
  title: anyText(80),
  kicker: anyText(20),
  subtitle: anyText(20),
  originalTitle: anyText(20),
  publishedAt: anyText(50),
  source: anyText(20),
  authors: fc.array(anyText(10), { maxLength: 3 }),
  editors: fc.array(anyText(10), { maxLength: 3 }),
  people: fc.array(
    fc.record({
      name: anyText(120),
      roles: fc.array(anyText(20), { maxLength: 3 }),
      mentions: fc.double({ min: -5, max: 3_000_000 }),
    }),
    { maxLength: 3 },
  ),
  blocks: fc.array(block, { maxLength: 6 }),
  script: fc.constantFrom('hans' as const, 'hant' as const, 'mixed' as const),
  detection: fc.record({
    isArticle: fc.boolean(),
    isGovNews: fc.boolean(),
    score: fc.double({ min: -1, max: 2 }),
    reasons: fc.array(anyText(30), { maxLength: 3 }),
  }),
  extractedAt: anyText(50),
  contentHash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 8, maxLength: 64 }),
});
const edit = fc.record(
  { tags: fc.array(anyText(100), { maxLength: 8 }), note: anyText(300) },
  { requiredKeys: [] },
);
const now = fc.integer({ min: 0, max: 4_000_000_000_000 });

describe('import(export(archive)) restores every clipping (property)', () => {
  it('for arbitrary pages saved and edited through the real save and edit paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(article, fc.option(edit), now, now), { minLength: 1, maxLength: 4 }),
        async (pages) => {
          const db = openTestArchive();
          for (const [page, changes, savedAt, editedAt] of pages) {
            // What the content script sends always passes the message contract.
            expect(parseRequest({ type: 'save', article: normaliseArticle(page) })).not.toBeNull();
            const { id } = await saveArticle(db, page, savedAt);
            if (changes) await updateClipping(db, id, changes, Math.max(savedAt, editedAt));
          }
          const text = await exportClippingsText(db, { now: 0 });
          const parsed = parseClippingsFile(text);
          expect(parsed.ok ? [] : [parsed.problem.message, ...parsed.problem.details]).toEqual([]);
          const { before, after } = await roundTrip(db);
          expect(after).toEqual(before);
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
