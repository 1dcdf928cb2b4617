import { readCorpusTexts } from './shared-text.ts';
let t0 = performance.now();
const c = readCorpusTexts();
console.log('parse', performance.now() - t0, c.length, c.reduce((a, x) => a + x.text.length, 0));
