// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { DetectionBadge } from '../../components/toolbar/detection-badge';
import { formatReason, pickReasons } from '../../components/shared/format-reason';
import { createTranslate, type Translate } from '../../components/shared/translate';
import type { DetectionReason } from '../../lib/article/record';
import { REASON_KEYS, makeReason } from '../../lib/detect/reasons';
import { parseClippingsFile } from '../../lib/export/index';
import { compileClippingsSchema } from '../export/ajv';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES = ['zh_CN', 'zh_TW', 'en'] as const;
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    JSON.parse(readFileSync(resolve(repoRoot, `public/_locales/${l}/messages.json`), 'utf8')) as Messages,
  ]),
) as Record<(typeof LOCALES)[number], Messages>;

/** browser.i18n.getMessage over a locale's file: $NAME$ → its placeholder's $n → the n-th value. */
function translateFor(locale: (typeof LOCALES)[number]): Translate {
  return createTranslate({
    getUILanguage: () => locale.replace('_', '-'),
    getMessage: (key, subs) => {
      const entry = messages[locale][key];
      if (!entry) return '';
      return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
        const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
        return content.replace(/\$(\d)/g, (__, n: string) => subs?.[Number(n) - 1] ?? '');
      });
    },
  });
}

const reasons: DetectionReason[] = [
  makeReason('gov', 'for', 'genericDensity', 16),
  makeReason('gov', 'for', 'govHost', 'www.example.gov.cn'),
  makeReason('gov', 'against', 'nonPoliticalDensity', 3),
  makeReason('article', 'for', 'body', 820),
  makeReason('article', 'against', 'indexPage', 61),
];

afterEach(() => document.body.replaceChildren());

describe('detection reasons in the reader language', () => {
  it.each(LOCALES)(
    '%s has a message for every reason, taking exactly its values, with no raw weights',
    (l) => {
      for (const [key, count] of Object.entries(REASON_KEYS)) {
        const entry = messages[l][`reason_${key}`];
        expect(entry?.message, `${l}: reason_${key}`).toBeTruthy();
        expect(Object.keys(entry!.placeholders ?? {}), `${l}: reason_${key}`).toHaveLength(count);
        expect(entry!.message).not.toMatch(/\(\+|\(-\d|points?\b|[0-9]\.[0-9]/);
      }
    },
  );

  it('says 「出现 16 个政策用语」 in simplified Chinese and plain words in English', () => {
    expect(formatReason(translateFor('zh_CN'), reasons[0]!)).toBe('出现 16 个政策用语');
    expect(formatReason(translateFor('zh_TW'), reasons[0]!)).toBe('出現 16 個政策用語');
    expect(formatReason(translateFor('en'), reasons[0]!)).toBe('Policy terms: 16');
    expect(formatReason(translateFor('zh_CN'), reasons[1]!)).toBe('政府网站（www.example.gov.cn）');
  });

  it('shows an old clipping’s English reason as it is, and an unknown key with its values', () => {
    expect(formatReason(translateFor('zh_CN'), 'official acts: 3 (召开)')).toBe('official acts: 3 (召开)');
    expect(formatReason(translateFor('zh_CN'), makeReason('gov', 'for', 'genericDensity', 2))).not.toContain(
      'reason_',
    );
    const future = { about: 'gov', stance: 'for', key: 'somethingNew', subs: ['7'] } as DetectionReason;
    expect(formatReason(translateFor('en'), future)).toBe('somethingNew 7');
  });

  it('picks the verdict and the strongest reasons for and against', () => {
    expect(pickReasons('gov-news', reasons)).toMatchObject({
      verdict: 'toolbar_verdictGov',
      lists: [
        { title: 'toolbar_reasonsFor', reasons: [reasons[0], reasons[1]] },
        { title: 'toolbar_reasonsAgainst', reasons: [reasons[2]] },
      ],
    });
    expect(pickReasons('article', reasons).lists[0]).toEqual({
      title: 'toolbar_whyNotGov',
      reasons: [reasons[2]],
    });
    expect(pickReasons('page', reasons).lists[0]).toEqual({
      title: 'toolbar_whyNotArticle',
      reasons: [reasons[4]],
    });
  });

  it('renders the tooltip as text: verdict, why, and what speaks against it', () => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<DetectionBadge t={translateFor('zh_CN')} verdict="article" reasons={reasons} />, root));
    const tip = root.querySelector('[data-testid=bz-reasons]')!;
    expect(tip.querySelector('strong')!.textContent).toBe('这是一篇新闻，但不是政务新闻');
    expect(tip.textContent).toContain('为何不算政务新闻');
    expect(tip.textContent).toContain('出现 3 个非时政用语');
    expect(tip.textContent).toContain('出现 16 个政策用语');
  });
});

describe('stored reasons', () => {
  const validate = compileClippingsSchema(repoRoot);
  const file = JSON.parse(
    readFileSync(resolve(repoRoot, 'tests/fixtures/import/valid-two.json'), 'utf8'),
  ) as {
    clippings: Array<{ detection: { reasons: unknown[] } }>;
  };

  it('a version 1 export with English reasons still imports', () => {
    expect(file.clippings[0]!.detection.reasons.every((r) => typeof r === 'string')).toBe(true);
    const parsed = parseClippingsFile(JSON.stringify(file));
    expect(parsed.ok && parsed.clippings[0]!.detection.reasons).toEqual(file.clippings[0]!.detection.reasons);
  });

  it('structured reasons import and validate, and a malformed one is refused', () => {
    file.clippings[0]!.detection.reasons = [...reasons, 'an old sentence'];
    const parsed = parseClippingsFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.problem.details.join('; '));
    // The current version's file (people added on import), as the export writes it.
    expect(validate({ ...file, version: 2, clippings: parsed.clippings })).toBe(true);
    file.clippings[0]!.detection.reasons = [{ about: 'gov', stance: 'maybe', key: 'x', subs: [] }];
    expect(parseClippingsFile(JSON.stringify(file)).ok).toBe(false);
    const bad = structuredClone(parsed.clippings);
    bad[0]!.detection.reasons = file.clippings[0]!.detection.reasons as DetectionReason[];
    expect(validate({ ...file, version: 2, clippings: bad })).toBe(false);
  });
});
