/** `baozhai extract FILE... [--url URL]`: one JSON article record per line, with a `file` field. */
import path from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { decodeHtml } from '../../text/decode.ts';
import { parseDocument, releaseDocument } from '../dom.ts';
import { estimateNestingDepth } from '../depth.ts';
import { InputError, readPageFile } from '../input.ts';
import { findCanonicalUrl } from '../../detect/page-url.ts';
import { extractArticle, extractFromText } from '../../clean/article.ts';
import type { Article } from '../../article/record.ts';

const USAGE = 'usage: baozhai extract FILE... [--url URL]\n';
// Chromium's HTML parser nests at most 512 levels; real pages stay far below (108 in our corpus).
const MAX_DEPTH = 512;

/** Extract every named file and print one JSON record per line; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('extract', USAGE, args, {
    allowPositionals: true,
    options: { url: { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals: files } = parsed;
  if (files.length === 0 || values.url === '') {
    process.stderr.write(USAGE);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const article = await extractFile(file, values.url);
      process.stdout.write(`${JSON.stringify({ file, ...article })}\n`);
    } catch (error) {
      failed++;
      process.stderr.write(`baozhai extract: ${file}: ${describeError(error)}\n`);
    }
  }
  return failed ? 1 : 0;
}

function describeError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'not allowed to read it';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Read one HTML page or text capture into its article record. Only regular files up to the size
 * limit are read, and a page nested deeper than browsers nest is refused before parsing.
 */
export async function extractFile(file: string, url: string | undefined): Promise<Article> {
  const { text } = decodeHtml(await readPageFile(file));
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.md' || ext === '.markdown')
    return extractFromText(text, url ? { url } : {});
  const depth = estimateNestingDepth(text);
  if (depth > MAX_DEPTH)
    throw new InputError(
      `nests elements ${depth} levels deep; browsers stop at ${MAX_DEPTH}, and so does baozhai`,
    );
  const doc = parseDocument(text, url ?? 'https://localhost/');
  try {
    // Without --url the page's canonical claim is the best address there is (lib/detect/page-url.ts).
    return extractArticle(doc, url ?? findCanonicalUrl(doc, ''), {});
  } finally {
    await releaseDocument(doc);
  }
}
