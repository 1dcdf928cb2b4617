/** `baozhai extract FILE... [--url URL]`: one JSON article record per line, with a `file` field. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeHtml } from '../../text/decode.ts';
import { parseDocument, releaseDocument } from '../dom.ts';
import { extractArticle, extractFromText } from '../../extract/index.ts';
import type { Article } from '../../article/record.ts';

const USAGE = 'usage: baozhai extract FILE... [--url URL]\n';

/** Extract every named file and print one JSON record per line; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const files: string[] = [];
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--url') url = args[++i];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else files.push(arg);
  }
  if (files.length === 0 || (url !== undefined && !url)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const article = await extractFile(file, url);
      process.stdout.write(`${JSON.stringify({ file, ...article })}\n`);
    } catch (error) {
      failed++;
      process.stderr.write(
        `baozhai extract: ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  return failed ? 1 : 0;
}

/** Read one HTML page or text capture into its article record. */
export async function extractFile(file: string, url: string | undefined): Promise<Article> {
  const bytes = await readFile(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.md' || ext === '.markdown') {
    return extractFromText(new TextDecoder('utf-8').decode(bytes), url ? { url } : {});
  }
  const { text } = decodeHtml(bytes);
  const pageUrl = url ?? findPageUrl(text) ?? '';
  const doc = parseDocument(text, pageUrl || 'https://localhost/');
  const article = extractArticle(doc, pageUrl, {});
  await releaseDocument(doc);
  return article;
}

/** The page's own URL from <link rel=canonical> or og:url, read from the markup before parsing. */
function findPageUrl(html: string): string | null {
  const head = html.slice(0, 200_000);
  const start = /<(?:link|meta)\b/gi;
  for (let found = start.exec(head); found; found = start.exec(head)) {
    // Found by indexOf, not by [^>]*: a run of unclosed tags would be rescanned from each one.
    const end = head.indexOf('>', found.index);
    if (end < 0) break;
    const tag = head.slice(found.index, end + 1);
    start.lastIndex = end + 1;
    const isCanonical = /\brel\s*=\s*["']?canonical/i.test(tag);
    const isOgUrl = /\bproperty\s*=\s*["']?og:url/i.test(tag);
    if (!isCanonical && !isOgUrl) continue;
    const value = /\b(?:href|content)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (value && /^https?:\/\//i.test(value)) return value;
  }
  return null;
}
