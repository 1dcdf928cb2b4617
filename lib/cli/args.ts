import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Parse a command's arguments with util.parseArgs (which also takes `--help` / `-h`). Answers
 * `--help` with the usage on stdout (exit 0) and a bad argument with the parser's message and the
 * usage on stderr (exit 2): then it returns that exit code instead of the parsed values.
 */
export function parseCommandArgs<T extends Omit<ParseArgsConfig, 'args'>>(
  command: string,
  usage: string,
  args: string[],
  config: T,
): ReturnType<typeof parseArgs<T & { args: string[] }>> | number {
  const withHelp = {
    ...config,
    args,
    options: { ...config.options, help: { type: 'boolean', short: 'h' } },
  } as T & { args: string[] };
  let parsed: ReturnType<typeof parseArgs<T & { args: string[] }>>;
  try {
    parsed = parseArgs(withHelp);
  } catch (error) {
    process.stderr.write(
      `baozhai ${command}: ${error instanceof Error ? error.message : String(error)}\n${usage}`,
    );
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    return 0;
  }
  return parsed;
}
