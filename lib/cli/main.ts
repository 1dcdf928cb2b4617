/** Subcommands; each module exports `run(args): Promise<number>` and is loaded only when used. */
const COMMANDS: Record<
  string,
  { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }
> = {
  extract: {
    summary: 'extract FILE... [--url URL]   one JSON article record per line',
    load: () => import('./commands/extract'),
  },
  convert: {
    summary: 'convert --from F --to T       convert stdin to stdout (opencc-js locale names)',
    load: () => import('./commands/convert'),
  },
  cite: {
    summary: 'cite FILE... [--format F]      citations: gbt7714 (GB/T 7714-2015), apa, csl-json, ris',
    load: () => import('./commands/cite'),
  },
  similar: {
    summary:
      'similar FILE...                group pages into stories (reprints, mirrors): one JSON line each',
    load: () => import('./commands/similar'),
  },
  demo: {
    summary: 'demo                          build, serve the demo article, open Chromium with the extension',
    load: () => import('./commands/demo'),
  },
};

const HELP = `baozhai: Chinese government news, detected, cleaned, converted and clipped

Usage: baozhai <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.summary}`)
  .join('\n')}

Options:
  -h, --help    show this help
`;

/** Run the CLI with argv (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`baozhai: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}
