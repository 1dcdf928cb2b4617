import { readFileSync } from 'node:fs';
import { launchExtension } from '../e2e/harness';
const h = await launchExtension({ extensionPath: '/tmp/c2/base-ext' });
const page = await h.openPopup();
const res = await page.evaluate(readFileSync('/tmp/c2/idb.js','utf8'));
console.log(JSON.stringify(res));
await h.close();
