// @vitest-environment jsdom
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saveArticle, updateClipping, type Clipping } from '../../lib/archive/index';
import {
  computeCrc32,
  escapeMarkdown,
  exportInFormat,
  formatClippingMarkdown,
  formatClippingsHtml,
  formatFrontMatter,
  formatMarkdownFileName,
  writeZip,
  type HtmlLabels,
} from '../../lib/export/index';
import { makeArticle, openTestArchive } from '../archive/helpers';

const work = mkdtempSync(join(tmpdir(), 'baozhai-formats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Text that breaks naive YAML, Markdown and HTML writers: quotes, colons, comment marks, document
// markers, line and paragraph separators, NEL, tabs, backslashes, markup and astral characters.
const NASTY = [
  "引号\"与'单引号'：冒号: # 井号 --- 三横",
  '---\n...\nkey: value\n- item',
  'tab\tback\\slash \u2028LS \u2029PS \u0085NEL \ufeffBOM \u007f 😀',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '  leading spaces and trailing  ',
  '',
];

function makeClipping(over: Partial<Clipping> = {}): Clipping {
  return {
    ...makeArticle({
      title: NASTY[0],
      kicker: NASTY[1],
      subtitle: NASTY[2],
      source: NASTY[3],
      authors: [NASTY[4]!, '王小明'],
      editors: [],
      body: [NASTY[3]!, '# 不是标题', '1. 不是列表', '- 也不是', '> 不是引用'],
    }),
    id: 'c-1_x',
    savedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_123,
    tags: ['民生', 'a: b', '#c'],
    note: NASTY[1]!,
    ...over,
  };
}

/**
 * A strict reader for the YAML subset the export writes: two-space block mappings and sequences,
 * every scalar in JSON syntax (double-quoted strings, numbers, booleans, [] and {}). Anything else
 * throws, so a writer that drifts from the subset fails here.
 */
function parseStrictYaml(text: string): unknown {
  const lines = text.split('\n');
  let at = 0;
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const scalar = (raw: string): unknown => JSON.parse(raw);

  function parseNode(indent: number): unknown {
    const line = lines[at]!;
    if (indentOf(line) !== indent) throw new Error(`line ${at + 1}: bad indentation`);
    return line.slice(indent).startsWith('- ') ? parseSequence(indent) : parseMapping(indent, undefined);
  }
  function parseMapping(indent: number, first: string | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let pending = first;
    for (;;) {
      let content: string;
      if (pending !== undefined) {
        content = pending;
        pending = undefined;
      } else {
        const line = lines[at];
        if (line === undefined || line === '' || indentOf(line) < indent) return out;
        if (indentOf(line) > indent) throw new Error(`line ${at + 1}: unexpected indentation`);
        content = line.slice(indent);
      }
      at++;
      const m = /^([A-Za-z][A-Za-z0-9]*):(?: (.+))?$/.exec(content);
      if (!m) throw new Error(`line ${at}: not a key: ${content}`);
      if (m[1]! in out) throw new Error(`line ${at}: repeated key ${m[1]}`);
      out[m[1]!] = m[2] !== undefined ? scalar(m[2]) : parseNode(indent + 2);
    }
  }
  function parseSequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = lines[at];
      if (
        line === undefined ||
        line === '' ||
        indentOf(line) !== indent ||
        !line.slice(indent).startsWith('- ')
      )
        return out;
      const item = line.slice(indent + 2);
      if (/^[A-Za-z][A-Za-z0-9]*:( |$)/.test(item)) out.push(parseMapping(indent + 2, item));
      else {
        at++;
        out.push(scalar(item));
      }
    }
  }
  const value = parseNode(0);
  if (at !== lines.length && lines.slice(at).some((l) => l !== ''))
    throw new Error(`line ${at + 1}: trailing text`);
  return value;
}

/** The front matter between the --- fences at the start of a Markdown file. */
function frontMatterOf(markdown: string): string {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!m) throw new Error('no front matter');
  return m[1]!;
}

function hasPyYaml(): boolean {
  return spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;
}

describe('Markdown export', () => {
  it('writes front matter that a strict YAML reader turns back into the exact record', () => {
    const records = [
      makeClipping(),
      makeClipping({
        id: 'page',
        asPage: true,
        tags: [],
        note: '',
        publishedAt: '',
        blocks: [
          { type: 'figure', src: 'https://img.example.gov.cn/a (1).jpg', caption: NASTY[2] },
          { type: 'figure', credit: '摄影：某人' },
          { type: 'h', text: NASTY[0]! },
        ],
      }),
    ];
    for (const record of records) {
      const yaml = frontMatterOf(formatFrontMatter(record));
      expect(parseStrictYaml(yaml)).toEqual(JSON.parse(JSON.stringify(record)));
      // No line of the front matter can close it early.
      expect(yaml.split('\n')).not.toContain('---');
    }
  });

  it.runIf(hasPyYaml())('is read back identically by an independent YAML parser (PyYAML)', () => {
    const record = makeClipping({ asPage: true });
    const result = spawnSync(
      'python3',
      ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'],
      { input: frontMatterOf(formatClippingMarkdown(record)), encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('keeps page text literal in the body: no headings, lists, quotes or HTML from the page', () => {
    const markdown = formatClippingMarkdown(makeClipping());
    const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
    expect(body).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(body).not.toMatch(/(?<!\\)<(script|img)/);
    const lines = body.split('\n').filter(Boolean);
    // The only heading is the title; page lines that look like syntax are escaped.
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([`# ${escapeMarkdown(NASTY[0]!)}`]);
    expect(lines).toContain('\\# 不是标题');
    expect(lines).toContain('1\\. 不是列表');
    expect(lines).toContain('\\- 也不是');
    expect(lines).toContain('\\> 不是引用');
  });

  it('names files by date and title, safely and uniquely', () => {
    const taken = new Set<string>();
    const a = makeClipping({
      title: 'a/b\\c:d*e?"f<g>h|i\u0000 标题',
      publishedAt: '2026-03-15T09:00:00+08:00',
    });
    expect(formatMarkdownFileName(a, taken)).toBe('2026-03-15 a b c d e f g h i 标题.md');
    expect(formatMarkdownFileName({ ...a, id: 'second' }, taken)).toBe(
      '2026-03-15 a b c d e f g h i 标题 second.md',
    );
    expect(formatMarkdownFileName({ ...a, title: '...', id: 'x' }, taken)).toBe('2026-03-15 x.md');
  });
});

describe('zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(computeCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(computeCrc32(new Uint8Array())).toBe(0);
  });

  it('writes a zip that unzip tests and extracts byte for byte, UTF-8 names included', () => {
    const encoder = new TextEncoder();
    const files = [
      { name: '2026-03-15 云川市推进智慧水务建设.md', data: encoder.encode('# 标题\n正文\n') },
      { name: 'empty.md', data: new Uint8Array() },
      { name: 'bin.dat', data: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff) },
    ];
    const parts = writeZip(files.map((f) => ({ ...f, modified: new Date(2026, 2, 15, 10, 30, 12) })));
    const path = join(work, 'test.zip');
    writeFileSync(path, Buffer.concat(parts));
    const tested = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(tested.error, 'unzip must be installed (apt-get install unzip)').toBeUndefined();
    expect(tested.stdout).toContain('No errors detected');
    expect(tested.status).toBe(0);
    const listed = spawnSync('unzip', ['-Z1', path], { encoding: 'utf8' });
    expect(listed.stdout.trim().split('\n')).toEqual(files.map((f) => f.name));
    for (const file of files) {
      const out = spawnSync('unzip', ['-p', path, file.name]);
      expect(Buffer.compare(out.stdout, Buffer.from(file.data)), file.name).toBe(0);
    }
  });

  it('refuses more files than the format counts', () => {
    const many = Array.from({ length: 0x10000 }, (_, i) => ({
      name: `${i}`,
      data: new Uint8Array(),
      modified: new Date(0),
    }));
    expect(() => writeZip(many)).toThrow(/at most 65535/);
  });
});

const LABELS: HtmlLabels = {
  title: '报摘',
  summary: '2 篇',
  contents: '目录',
  source: '来源',
  authors: '记者',
  editors: '编辑',
  tags: '标签',
  note: '笔记',
  original: '原文',
  savedOn: (date) => `保存于 ${date}`,
  page: '网页',
};

describe('HTML export', () => {
  it('renders hostile text as text: no element, attribute, script or link from the page survives', () => {
    const hostile = makeClipping({
      url: 'javascript:alert(3)',
      blocks: [
        { type: 'p', text: NASTY[3]! },
        { type: 'figure', src: 'https://img.example.gov.cn/x.jpg" onerror="alert(4)', caption: NASTY[3] },
        { type: 'h', text: '</h3><iframe src=//evil>' },
      ],
    });
    const html = formatClippingsHtml(
      [hostile, makeClipping({ id: 'two', publishedAt: '' })],
      LABELS,
      'zh-CN',
    ).join('');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const tags = new Set([...doc.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
    const allowed = [
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'header',
      'h1',
      'h2',
      'h3',
      'p',
      'nav',
      'ol',
      'li',
      'a',
      'article',
      'figure',
      'img',
      'figcaption',
    ];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
    const attributes = [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
    expect(attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(doc.querySelectorAll('script, iframe').length).toBe(0);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs.every((h) => h.startsWith('#') || /^https?:/.test(h))).toBe(true);
    expect(html).not.toContain('javascript:');
    // The text reads exactly as on the page.
    expect(doc.querySelector('article h2')!.textContent).toBe(NASTY[0]);
    expect(doc.querySelector('article p:not([class])')!.textContent).toBe(NASTY[3]);
    expect(doc.querySelector('article h3')!.textContent).toBe('</h3><iframe src=//evil>');
    expect(doc.querySelector('img')!.getAttribute('src')).toBe(
      'https://img.example.gov.cn/x.jpg" onerror="alert(4)',
    );
    // Nothing loads or runs: a policy forbids all but inline styles and http(s) images.
    expect(doc.querySelector('meta[http-equiv=Content-Security-Policy]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src http: https:",
    );
    // A clipping without a publication date shows 保存于 and its save date.
    expect(doc.querySelectorAll('article')[1]!.querySelector('.meta')!.textContent).toContain(
      '保存于 2023-11-14',
    );
    expect(doc.querySelectorAll('nav li').length).toBe(2);
  });
});

describe('exportInFormat', () => {
  it('exports a selection as a zip of Markdown files whose front matter is each stored record', async () => {
    const db = openTestArchive();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await saveArticle(db, makeArticle({ title: `第${i}篇：${NASTY[0]}` }), 1_000 + i);
      ids.push(id);
    }
    await updateClipping(db, ids[0]!, { tags: ['水务'], note: NASTY[2] }, 5_000);
    const file = await exportInFormat(db, 'markdown', {
      ids: ids.slice(0, 2),
      now: Date.UTC(2026, 2, 15),
      htmlLabels: () => LABELS,
    });
    expect(file).toMatchObject({
      count: 2,
      filename: 'baozhai-clippings-2026-03-15.zip',
      type: 'application/zip',
    });
    const path = join(work, file.filename);
    writeFileSync(path, Buffer.concat(file.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    expect(spawnSync('unzip', ['-t', path]).status).toBe(0);
    const names = spawnSync('unzip', ['-Z1', path], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(names).toHaveLength(2);
    const stored = await db.clippings.bulkGet(ids.slice(0, 2));
    const parsed = names.map((name) =>
      parseStrictYaml(frontMatterOf(spawnSync('unzip', ['-p', path, name], { encoding: 'utf8' }).stdout)),
    );
    expect(parsed.sort((a, b) => (a as Clipping).savedAt - (b as Clipping).savedAt)).toEqual(stored);
  });

  it('exports one HTML page with the words it is given', async () => {
    const db = openTestArchive();
    await saveArticle(db, makeArticle({ title: '一篇' }), 1_000);
    const file = await exportInFormat(db, 'html', {
      now: Date.UTC(2026, 2, 15),
      htmlLabels: (n) => ({ ...LABELS, summary: `${n} 篇` }),
      lang: 'en',
    });
    expect(file).toMatchObject({
      count: 1,
      filename: 'baozhai-clippings-2026-03-15.html',
      type: 'text/html',
    });
    const html = file.parts.join('');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('1 篇');
  });

  it('exports the selection as CSL-JSON and RIS, accessed when each was clipped', async () => {
    const db = openTestArchive();
    const saved = Date.UTC(2026, 2, 16, 2);
    const a = await saveArticle(
      db,
      makeArticle({ title: '全省经济工作会议召开', source: '河北日报', authors: ['周文'] }),
      saved,
    );
    await saveArticle(
      db,
      makeArticle({ title: '不在选中之列', url: 'https://example.gov.cn/other.html' }),
      saved,
    );
    const csl = await exportInFormat(db, 'csl-json', { ids: [a.id], now: saved, htmlLabels: () => LABELS });
    expect(csl).toMatchObject({
      count: 1,
      filename: 'baozhai-clippings-2026-03-16.csl.json',
      type: 'application/vnd.citationstyles.csl+json',
    });
    const items = JSON.parse(csl.parts.join('')) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: a.id,
      type: 'article-newspaper',
      title: '全省经济工作会议召开',
      'container-title': '河北日报',
      author: [{ literal: '周文' }],
      accessed: { 'date-parts': [[2026, 3, 16]] },
    });
    const ris = await exportInFormat(db, 'ris', { now: saved, htmlLabels: () => LABELS });
    expect(ris).toMatchObject({ count: 2, filename: 'baozhai-clippings-2026-03-16.ris' });
    const text = ris.parts.join('');
    expect(text.match(/^TY {2}- NEWS\r$/gm)).toHaveLength(2);
    expect(text).toContain('Y2  - 2026/03/16\r\n');
  });
});
