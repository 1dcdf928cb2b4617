import { describe, expect, it } from 'vitest';
import { CLIPPINGS_FORMAT, importClippingsText, parseClippingsFile } from '../../lib/export/index';
import { openTestArchive } from '../archive/helpers';

/** JSON text of a value nested `depth` levels deep in objects or lists. */
function nested(depth: number, kind: 'object' | 'list'): string {
  const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

const DEEP = 200_000;

// [what, file text, expected code]
const HOSTILE: Array<[string, string, string]> = [
  [
    'a nested format object',
    `{"format":${nested(DEEP, 'object')},"version":1,"clippings":[]}`,
    'wrong-format',
  ],
  ['a nested format list', `{"format":${nested(DEEP, 'list')},"version":1,"clippings":[]}`, 'wrong-format'],
  [
    'a nested version object',
    `{"format":"${CLIPPINGS_FORMAT}","version":${nested(DEEP, 'object')},"clippings":[]}`,
    'bad-version',
  ],
  [
    'a nested version list',
    `{"format":"${CLIPPINGS_FORMAT}","version":${nested(DEEP, 'list')},"clippings":[]}`,
    'bad-version',
  ],
  [
    'a 10 MB format string',
    `{"format":"${'x'.repeat(10_000_000)}","version":1,"clippings":[]}`,
    'wrong-format',
  ],
  ['a version of 1e400', `{"format":"${CLIPPINGS_FORMAT}","version":1e400,"clippings":[]}`, 'bad-version'],
  [
    'a nested clipping',
    `{"format":"${CLIPPINGS_FORMAT}","version":1,"clippings":[${nested(DEEP, 'object')}]}`,
    'bad-records',
  ],
  [
    'a nested title',
    `{"format":"${CLIPPINGS_FORMAT}","version":1,"clippings":[{"id":"a","title":${nested(DEEP, 'list')}}]}`,
    'bad-records',
  ],
  [
    'nested clippings',
    `{"format":"${CLIPPINGS_FORMAT}","version":1,"clippings":${nested(DEEP, 'list')}}`,
    'bad-records',
  ],
  [
    'a __proto__ key',
    `{"format":"${CLIPPINGS_FORMAT}","version":1,"clippings":[{"__proto__":{"id":"x"}}]}`,
    'bad-records',
  ],
];

describe('import refuses hostile file structure with a coded error', () => {
  it.each(HOSTILE)('%s', async (_what, text, code) => {
    const parsed = parseClippingsFile(text);
    expect(parsed.ok ? 'ok' : parsed.problem.code).toBe(code);
    expect(parsed.ok ? '' : parsed.problem.message.length).toBeLessThan(400);
    const db = openTestArchive();
    expect(await importClippingsText(db, text)).toMatchObject({ ok: false, problem: { code } });
    expect(await db.clippings.count()).toBe(0);
  });
});
