import { execFileSync } from 'node:child_process';
import { findChromium } from '../../lib/cli/chromium';

/** Fail loudly without Chromium, then build the Chrome extension once for all e2e files. */
export default function setup(): void {
  findChromium();
  if (process.env.BAOZHAI_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
