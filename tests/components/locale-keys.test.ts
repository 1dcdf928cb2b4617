import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createTranslate, PLURAL_SUFFIXES } from '../../components/shared/translate';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES = ['en', 'zh_CN', 'zh_TW'] as const;
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    JSON.parse(readFileSync(resolve(repoRoot, `public/_locales/${l}/messages.json`), 'utf8')) as Messages,
  ]),
) as Record<(typeof LOCALES)[number], Messages>;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The $NAME$ placeholders a message uses, each with the content it stands for. */
function placeholders(entry: Messages[string]): string[] {
  return (entry.message.match(/\$\w+\$/g) ?? [])
    .map((name) => `${name}=${entry.placeholders?.[name.slice(1, -1).toLowerCase()]?.content ?? 'MISSING'}`)
    .sort();
}

describe('locales', () => {
  it('zh_CN, zh_TW and en hold the same keys, each with the same placeholders', () => {
    const keys = Object.keys(messages.en).sort();
    expect(keys.length).toBeGreaterThan(100);
    for (const locale of LOCALES) {
      expect(Object.keys(messages[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) {
        const entry = messages[locale][key]!;
        expect(entry.message.trim(), `${locale}: ${key}`).not.toBe('');
        expect(placeholders(entry), `${locale}: ${key}`).toEqual(placeholders(messages.en[key]!));
        expect(placeholders(entry).join(), `${locale}: ${key} declares every placeholder`).not.toContain(
          'MISSING',
        );
      }
    }
  });

  it('has every plural form each language needs', () => {
    const bases = new Set(
      Object.keys(messages.en)
        .filter((k) => PLURAL_SUFFIXES.some((s) => k.endsWith(s)))
        .map((k) => k.replace(/_[a-z]+$/, '')),
    );
    expect(bases.size).toBeGreaterThanOrEqual(4);
    for (const locale of LOCALES) {
      const forms = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
      for (const base of bases)
        for (const form of forms)
          expect(messages[locale][`${base}_${form}`], `${locale}: ${base}_${form}`).toBeDefined();
    }
  });

  it('t() picks the plural form and substitutes', () => {
    const source = (locale: (typeof LOCALES)[number]) => ({
      getUILanguage: () => locale.replace('_', '-'),
      getMessage: (key: string, subs?: string[]) =>
        messages[locale][key]?.message.replace(/\$P(\d)\$/g, (_, n: string) => subs?.[Number(n) - 1] ?? '') ??
        '',
    });
    const en = createTranslate(source('en'));
    expect(en('archive_count', [1], 1)).toBe('1 clipping');
    expect(en('archive_count', [2], 2)).toBe('2 clippings');
    expect(createTranslate(source('zh_CN'))('archive_count', [1], 1)).toBe('共 1 篇');
    expect(en('toolbar_toggleShortcut', ['Alt+Shift+J'])).toContain('Alt+Shift+J');
  });

  it('every key the code names exists (the typed t() rejects others; this covers string tables)', () => {
    const files = ['components', 'entrypoints', 'lib/background'].flatMap((d) =>
      listFiles(resolve(repoRoot, d)),
    );
    const named = new Set(
      files.flatMap((f) =>
        [
          ...readFileSync(f, 'utf8').matchAll(
            /'((?:toolbar|archive|reader|options|menu|command)_?[A-Za-z]+)'/g,
          ),
        ].map((m) => m[1]!),
      ),
    );
    const known = new Set(
      Object.keys(messages.en).flatMap((k) => [k, k.replace(/_(zero|one|two|few|many|other)$/, '')]),
    );
    for (const key of named)
      if (/_/.test(key) || /^menu|^command/.test(key)) expect(known.has(key), key).toBe(true);
  });
});

/** Props whose string value a user reads. */
const TEXT_PROPS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
/** Letters of any script or CJK: a user-facing word; symbols (×, ⚙, ★) and punctuation are not. */
const WORDS = /[\p{L}]/u;

describe('no hard-coded user-facing strings', () => {
  it('no component or entrypoint renders text or a text prop that is not from t()', () => {
    const files = ['components', 'entrypoints']
      .flatMap((d) => listFiles(resolve(repoRoot, d)))
      .filter((f) => f.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(8);
    const found: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const where = (node: ts.Node) =>
        `${relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && WORDS.test(node.text))
          found.push(`${where(node)} text "${node.text.trim()}"`);
        if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText())) {
          const init = node.initializer;
          const literal =
            init && ts.isStringLiteral(init)
              ? init.text
              : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
                ? init.expression.text
                : undefined;
          if (literal !== undefined && WORDS.test(literal))
            found.push(`${where(node)} ${node.name.getText()}="${literal}"`);
        }
        if (
          ts.isJsxExpression(node) &&
          node.expression &&
          ts.isStringLiteralLike(node.expression) &&
          ts.isJsxElement(node.parent) &&
          WORDS.test(node.expression.text)
        )
          found.push(`${where(node)} text {"${node.expression.text}"}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });

  it('extension pages carry no hard-coded title (set from the locale at run time)', () => {
    for (const page of ['popup', 'reader', 'options']) {
      const html = readFileSync(resolve(repoRoot, `entrypoints/${page}/index.html`), 'utf8');
      expect(/<title>[^<]*\p{L}/u.test(html), page).toBe(false);
    }
  });
});
