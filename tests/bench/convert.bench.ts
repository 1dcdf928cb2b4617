// Converter benchmark against opencc-js, side by side in one run. Prints one JSON line per figure.
// Cold figures (ready time, heap) come from fresh child processes: that is what a new tab pays.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { createConverterFactory } from '../../lib/convert/index';
import { ensureDictCache, createNodeDictLoader } from '../../lib/convert/load-node';
import { hasShared, readCorpusTexts, readSeedTexts } from '../convert/shared-text';
import { createRandom } from '../convert/random-text';

const self = fileURLToPath(import.meta.url);
const repoRoot = resolve(self, '../../..');
const gc = (globalThis as { gc?: () => void }).gc;

function emit(name: string, value: number, unit: string, baseline?: number): void {
  const line: Record<string, unknown> = { name, value: round(value), unit };
  if (baseline !== undefined) {
    line.baseline = round(baseline);
    line.ratio = round(value / baseline);
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function settleHeap(): number {
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

// One cold measurement in this (fresh) process; the parent prints the result.
async function runChild(mode: string): Promise<void> {
  let result = 0;
  if (mode === 'ready-ours') {
    await ensureDictCache();
    const factory = createConverterFactory(createNodeDictLoader());
    const t0 = performance.now();
    const convert = await factory.get('cn', 'twp');
    result = performance.now() - t0;
    convert('预热');
  } else if (mode === 'ready-opencc') {
    const t0 = performance.now();
    const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
    result = performance.now() - t0;
    convert('预热');
  } else if (mode === 'heap-ours') {
    await ensureDictCache();
    const before = settleHeap();
    const convert = await createConverterFactory(createNodeDictLoader()).get('cn', 'tw');
    result = settleHeap() - before;
    convert('保持引用');
  } else if (mode === 'heap-opencc') {
    // The dictionaries opencc-js keeps as module strings are part of what it costs, so import inside.
    const before = settleHeap();
    const mod = (await import(
      pathToFileURL(join(repoRoot, 'node_modules/opencc-js/dist/esm/full.js')).href
    )) as typeof OpenCC;
    const convert = mod.Converter({ from: 'cn', to: 'tw' });
    result = settleHeap() - before;
    convert('保持引用');
  } else {
    throw new Error(`unknown child mode ${mode}`);
  }
  process.stdout.write(`${result}\n`);
}

function measureChild(mode: string, runs: number): number {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', mode], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    });
    if (child.status !== 0) throw new Error(`${mode}: ${child.stderr}`);
    values.push(Number(child.stdout.trim().split('\n').pop()));
  }
  return median(values);
}

// Invented filler for machines without ../shared: common characters, phrases and punctuation.
function generateFallbackText(chars: number): string {
  const random = createRandom(7);
  const words = [
    '发展',
    '经济',
    '国务院',
    '软件',
    '数据库',
    '着力',
    '推进',
    '会议',
    '记者',
    '获悉',
    '，',
    '。',
    '\n',
  ];
  let out = '';
  while (out.length < chars) out += words[Math.floor(random() * words.length)];
  return out;
}

function timeSpawn(args: string[], input: Buffer, runs: number): { ms: number; output: string } {
  const times: number[] = [];
  let output = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, args, { input, maxBuffer: 1 << 28, cwd: repoRoot });
    times.push(performance.now() - t0);
    if (child.status !== 0) throw new Error(`${args.join(' ')}: ${child.stderr.toString()}`);
    output = child.stdout.toString('utf8');
  }
  return { ms: median(times), output };
}

async function main(): Promise<void> {
  await ensureDictCache();

  const ready = measureChild('ready-ours', 5);
  const readyBase = measureChild('ready-opencc', 5);
  emit('convert.ready_ms', ready, 'ms', readyBase);

  const heap = measureChild('heap-ours', 3);
  const heapBase = measureChild('heap-opencc', 3);
  emit('convert.heap_bytes', heap, 'bytes', heapBase);

  const texts = hasShared ? readCorpusTexts().map((p) => p.text) : [generateFallbackText(2_000_000)];
  const totalChars = texts.reduce((n, t) => n + t.length, 0);
  const ours = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
  const reference = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const timeAll = (fn: (s: string) => string): number => {
    const t0 = performance.now();
    for (const text of texts) fn(text);
    return performance.now() - t0;
  };
  timeAll(ours);
  timeAll(reference);
  let bestOurs = Infinity;
  let bestBase = Infinity;
  for (let round = 0; round < 3; round++) {
    bestOurs = Math.min(bestOurs, timeAll(ours));
    bestBase = Math.min(bestBase, timeAll(reference));
  }
  emit('convert.throughput', totalChars / bestOurs, 'chars/ms', totalChars / bestBase);

  // The same job done with opencc-js by a minimal script, spawned the same way as our CLI.
  const dir = mkdtempSync(join(tmpdir(), 'baozhai-bench-'));
  try {
    const script = join(dir, 'opencc-convert.mjs');
    const openccUrl = pathToFileURL(join(repoRoot, 'node_modules/opencc-js/dist/esm/full.js')).href;
    writeFileSync(
      script,
      `import * as OpenCC from ${JSON.stringify(openccUrl)};\n` +
        'const chunks = [];\nfor await (const c of process.stdin) chunks.push(c);\n' +
        "const text = Buffer.concat(chunks).toString('utf8');\n" +
        'process.stdout.write(OpenCC.Converter({ from: process.argv[2], to: process.argv[3] })(text));\n',
    );
    const cli = [join(repoRoot, '.output/cli/baozhai.mjs'), 'convert', '--from', 'cn', '--to', 'twp'];
    const base = [script, 'cn', 'twp'];

    const article = hasShared ? (readSeedTexts()[0]?.text ?? '') : generateFallbackText(5_000);
    const articleInput = Buffer.from(article, 'utf8');
    timeSpawn(cli, articleInput, 1);
    const a = timeSpawn(cli, articleInput, 5);
    const aBase = timeSpawn(base, articleInput, 5);
    if (a.output !== aBase.output) throw new Error('CLI output differs from opencc-js on the article');
    emit('convert.cli_article_ms', a.ms, 'ms', aBase.ms);

    let big = texts.join('\n');
    while (big.length < 8_000_000) big += `\n${big}`;
    big = big.slice(0, big.lastIndexOf('\n', 8_000_000) + 1);
    const bigInput = Buffer.from(big, 'utf8');
    const b = timeSpawn(cli, bigInput, 3);
    const bBase = timeSpawn(base, bigInput, 3);
    if (b.output !== bBase.output) throw new Error('CLI output differs from opencc-js on 8 M characters');
    emit('convert.cli_8m_ms', b.ms, 'ms', bBase.ms);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await runChild(process.argv[childAt + 1] ?? '');
else await main();
