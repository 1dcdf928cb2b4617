// `baozhai convert --from F --to T`: stdin → stdout with opencc-js's locale names, streamed in chunks.
import { parseCommandArgs } from '../args.ts';
import type { ConvertFn } from '../../convert/engine';
import { createConverterFactory } from '../../convert/factory';
import { isLocale, LOCALES } from '../../convert/plan';
import { createNodeDictLoader } from '../../convert/load-node';

// Chunks this size keep memory flat on large inputs while the per-chunk overhead stays negligible.
const CHUNK_CHARS = 1 << 18;
// An ideographic description sequence (⿰车两) is skipped whole by opencc-js; never cut near one.
const IDS_LOOKBACK = 64;

const USAGE = `Usage: baozhai convert --from F --to T < in.txt > out.txt
Locales (as opencc-js): ${LOCALES.join(', ')}
`;

function containsIds(text: string, start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x2ff0 && unit <= 0x2fff) return true;
  }
  return false;
}

// Characters in no dictionary key (tests/cli/convert-cuts.test.ts checks every table): no phrase
// spans one, so the text may be cut right after it. A single line of 50 MB still streams.
const CUT_AFTER = new Set([
  '\n',
  '。',
  '，',
  '！',
  '？',
  '；',
  '：',
  '、',
  ' ',
  '\u3000',
  '.',
  ',',
  '!',
  '?',
  ';',
]);

/**
 * Where to cut pending text so both halves convert exactly as the whole would: after a newline or
 * a punctuation mark that no dictionary key contains, not inside a description sequence. Looks only
 * at `text` from `from` on (what was already scanned had no cut), so streaming stays linear.
 */
export function findSafeCut(text: string, from = 0): number {
  for (let cut = text.length - 1; cut >= from; cut--) {
    if (CUT_AFTER.has(text[cut] ?? '') && !containsIds(text, cut - IDS_LOOKBACK, cut + 1)) return cut + 1;
  }
  return 0;
}

async function write(text: string): Promise<void> {
  if (text === '' || process.stdout.write(text)) return;
  await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}

/** Convert stdin to stdout; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('convert', USAGE, args, {
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const { from, to } = values;
  if (!from || !to || !isLocale(from) || !isLocale(to)) {
    process.stderr.write(
      `baozhai convert: --from and --to must each be one of ${LOCALES.join(', ')}\n\n${USAGE}`,
    );
    return 2;
  }
  const converting: Promise<ConvertFn> = createConverterFactory(createNodeDictLoader()).get(from, to);
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  // Pending text before this index holds no safe cut: each character is scanned once.
  let scanned = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    if (pending.length < CHUNK_CHARS) continue;
    const cut = findSafeCut(pending, scanned);
    if (cut === 0) {
      scanned = pending.length;
      continue;
    }
    const convert = await converting;
    const head = pending.slice(0, cut);
    pending = pending.slice(cut);
    scanned = 0;
    await write(convert(head));
  }
  pending += decoder.decode();
  const convert = await converting;
  await write(convert(pending));
  return 0;
}
