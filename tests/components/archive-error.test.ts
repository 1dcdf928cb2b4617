// Tag edits and deletes that the archive refuses say why in the reader's language (issue 12):
// each ArchiveError code has its message, never the English text of the error.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeArchiveError } from '../../components/hooks/use-notice';
import { createTranslate } from '../../components/shared/translate';
import { ArchiveError, deleteClippings, saveArticle, updateClipping } from '../../lib/archive/index';
import { openTestArchive, makeArticle } from '../archive/helpers';

const messages = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/zh_CN/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const t = createTranslate({
  getUILanguage: () => 'zh-CN',
  getMessage: (key, subs) =>
    messages[key]?.message.replace(/\$P(\d)\$/g, (_, n: string) => subs?.[Number(n) - 1] ?? '') ?? '',
});

async function failure(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    return describeArchiveError(t, error);
  }
  throw new Error('the action did not fail');
}

describe('archive errors in the popup', () => {
  it('names each refused edit in the reader language', async () => {
    const db = openTestArchive({ name: 'archive-error' });
    const { id } = await saveArticle(db, makeArticle());
    const refused = [
      await failure(updateClipping(db, id, { tags: Array.from({ length: 51 }, (_, i) => `标签${i}`) })),
      await failure(updateClipping(db, id, { tags: ['长'.repeat(101)] })),
      await failure(updateClipping(db, id, { note: '注'.repeat(20_001) })),
      await failure(updateClipping(db, 'no-such-id', { tags: ['水务'] })),
      describeArchiveError(t, new ArchiveError('outdated', 'upgraded by a newer version')),
      describeArchiveError(t, new ArchiveError('quota', 'out of space')),
      describeArchiveError(t, new TypeError("Cannot read properties of undefined (reading 'ok')")),
    ];
    expect(refused.slice(0, 3)).toEqual(Array(3).fill(refused[0]));
    expect(refused[0]).toBe(
      '未做任何更改：每条剪报最多 50 个标签，每个标签最多 100 个字符，备注最多 20000 个字符。',
    );
    expect(refused[3]).toBe('这条剪报已不在剪报库中，未做任何更改。');
    expect(refused[6]).toBe('剪报库未能完成这项更改，未做任何更改。请重试。（TypeError）');
    for (const message of refused) expect(message.replace('（TypeError）', '')).not.toMatch(/[A-Za-z]/);
    expect(await deleteClippings(db, ['no-such-id'])).toMatchObject({ clippings: [] });
  });
});
