import { execFileSync } from 'node:child_process';
import { findFirefox } from '../../lib/cli/firefox';

/** Fail loudly without Firefox (never skip), then build the Firefox add-on once for all files. */
export default function setup(): void {
  findFirefox();
  if (process.env.BAOZHAI_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
}
