// `baozhai convert --from F --to T`: stdin → stdout with opencc-js's locale names, streamed in chunks.
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

function readOption(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

function containsIds(text: string, start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x2ff0 && unit <= 0x2fff) return true;
  }
  return false;
}

/**
 * Where to cut pending text so both halves convert exactly as the whole would: after a newline (no
 * dictionary key contains one, so no phrase spans it) that is not inside a description sequence.
 */
export function findSafeCut(text: string): number {
  let cut = text.lastIndexOf('\n');
  while (cut >= 0 && containsIds(text, cut - IDS_LOOKBACK, cut + 1)) cut = text.lastIndexOf('\n', cut - 1);
  return cut + 1;
}

async function write(text: string): Promise<void> {
  if (text === '' || process.stdout.write(text)) return;
  await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}

/** Convert stdin to stdout; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const from = readOption(args, 'from');
  const to = readOption(args, 'to');
  if (!from || !to || !isLocale(from) || !isLocale(to)) {
    process.stderr.write(
      `baozhai convert: --from and --to must each be one of ${LOCALES.join(', ')}\n\n${USAGE}`,
    );
    return 2;
  }
  const converting: Promise<ConvertFn> = createConverterFactory(createNodeDictLoader()).get(from, to);
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    if (pending.length < CHUNK_CHARS) continue;
    const cut = findSafeCut(pending);
    if (cut === 0) continue;
    const convert = await converting;
    const head = pending.slice(0, cut);
    pending = pending.slice(cut);
    await write(convert(head));
  }
  pending += decoder.decode();
  const convert = await converting;
  await write(convert(pending));
  return 0;
}
