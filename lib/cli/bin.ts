// The `baozhai` executable: built by lib/cli/build-cli.mjs into .output/cli/baozhai.mjs, which
// package.json's `bin` names. Process wiring only; the commands live in main.ts.
import { main } from './main.ts';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
