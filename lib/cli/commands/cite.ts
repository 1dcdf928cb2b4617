/** `baozhai cite FILE... [--format gbt7714|apa|csl-json|ris] [--accessed YYYY-MM-DD] [--url URL]`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { CITE_FORMATS, formatCitations, type CitedArticle, type CiteFormat } from '../../export/cite.ts';
import { parseClippingsFile } from '../../export/import.ts';
import { extractFile } from './extract.ts';

const USAGE = `usage: baozhai cite FILE... [--format gbt7714|apa|csl-json|ris] [--accessed YYYY-MM-DD] [--url URL]
  FILE is an HTML page, a text capture (.txt, .md) or a Baozhai export (.json: every clipping,
  accessed on the day it was saved). Pages are cited as accessed today unless --accessed says otherwise.
`;

const isFormat = (value: string): value is CiteFormat => (CITE_FORMATS as readonly string[]).includes(value);

/** Cite every named file in one format on stdout; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('cite', USAGE, args, {
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'gbt7714' },
      accessed: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format ?? 'gbt7714';
  const accessed = values.accessed ? new Date(`${values.accessed}T12:00:00+08:00`) : new Date();
  if (!isFormat(format) || Number.isNaN(accessed.getTime()) || positionals.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const items: Array<{ article: CitedArticle; accessed: Date }> = [];
  let failed = 0;
  for (const file of positionals) {
    try {
      items.push(...(await readCited(file, values.url, accessed)));
    } catch (error) {
      failed++;
      process.stderr.write(
        `baozhai cite: ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  if (items.length) process.stdout.write(formatCitations(format, items));
  return failed ? 1 : 0;
}

async function readCited(
  file: string,
  url: string | undefined,
  accessed: Date,
): Promise<Array<{ article: CitedArticle; accessed: Date }>> {
  if (path.extname(file).toLowerCase() === '.json') {
    const parsed = parseClippingsFile(await readFile(file, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    return parsed.clippings.map((c) => ({ article: c, accessed: new Date(c.savedAt) }));
  }
  return [{ article: await extractFile(file, url), accessed }];
}
