import { describe, expect, it } from 'vitest';
import { parseRequest, parseSavePageReply, parseTabCommand } from '../../lib/messaging/contract';
import { isTrustedSender } from '../../lib/messaging/sender';
import type { Article } from '../../lib/article/record';

const article: Article = {
  url: 'http://www.example.gov.cn/a.html',
  canonicalUrl: 'http://www.example.gov.cn/a.html',
  siteName: '示例政府网',
  title: '标题',
  kicker: '',
  subtitle: '',
  originalTitle: '',
  publishedAt: '2026-11-20T08:15:00+08:00',
  source: '示例日报',
  authors: ['周明远'],
  editors: [],
  people: [],
  blocks: [
    { type: 'p', text: '正文。' },
    { type: 'figure', src: 'https://img.example.cn/a.jpg', caption: '图' },
  ],
  script: 'hans',
  detection: { isArticle: true, isGovNews: true, score: 0.9, reasons: ['domain gov.cn'] },
  extractedAt: '2026-11-20T09:00:00.000Z',
  contentHash: '0123456789abcdef',
};

describe('message contract', () => {
  it('accepts a well-formed save request', () => {
    expect(parseRequest({ type: 'save', article })).toEqual({ type: 'save', article });
  });

  it.each([
    ['unknown type', { type: 'delete-all' }],
    ['missing payload', { type: 'save' }],
    ['extra fields', { type: 'ping', evil: true }],
    [
      'javascript: figure',
      { type: 'save', article: { ...article, blocks: [{ type: 'figure', src: 'javascript:alert(1)' }] } },
    ],
    ['oversized title', { type: 'save', article: { ...article, title: 'x'.repeat(5_000) } }],
    ['not an object', 'save'],
    ['null', null],
  ])('refuses %s', (_name, message) => {
    expect(parseRequest(message)).toBeNull();
  });

  it('parses tab commands and refuses others', () => {
    expect(parseTabCommand({ type: 'toggle-script' })).toEqual({ type: 'toggle-script' });
    expect(parseTabCommand({ type: 'save' })).toBeNull();
    expect(parseTabCommand({ type: 'save-page', ask: true })).toEqual({ type: 'save-page', ask: true });
    expect(parseTabCommand({ type: 'toggle-script', ask: true })).toBeNull();
    expect(parseSavePageReply({ status: 'not-article' })).toEqual({ status: 'not-article' });
    expect(parseSavePageReply(true)).toBeNull();
    expect(parseSavePageReply({ status: 'saved', created: true })).toBeNull();
  });
});

describe('isTrustedSender', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}`;

  it('trusts our content scripts and our pages', () => {
    expect(isTrustedSender({ id, tab: { id: 3 }, url: 'http://www.people.com.cn/x.html' }, id, origin)).toBe(
      true,
    );
    expect(isTrustedSender({ id, url: `${origin}/popup.html` }, id, origin)).toBe(true);
  });

  it('refuses other extensions and web pages', () => {
    expect(isTrustedSender({ id: 'otherextension', tab: { id: 3 } }, id, origin)).toBe(false);
    expect(isTrustedSender({ url: 'http://evil.example/' }, id, origin)).toBe(false);
    expect(isTrustedSender({ id, url: 'http://evil.example/' }, id, origin)).toBe(false);
  });
});

describe('every reply is validated', () => {
  it('each runtime.sendMessage only forwards a request built and checked by sendRequest', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../..');
    const files = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(dir, f)),
    );
    // A forwarding post function passes `message` through; any other call reads an unchecked reply.
    const unchecked = files.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/runtime\.sendMessage\(([^)]*)\)/g)]
        .filter((m) => m[1] !== 'message')
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(unchecked).toEqual([]);
  });
});
