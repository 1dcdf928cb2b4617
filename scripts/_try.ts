import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { checkArticle, detectPage } from '../lib/detect/index.ts';
import { measurePage } from '../lib/detect/features.ts';
import { draftFromDocument } from '../tests/eval/fallback-draft.ts';
for (const name of process.argv.slice(2)) {
  const html = readFileSync(`tests/fixtures/detect/${name}.html`, 'utf8');
  const doc = new JSDOM(html, { url: 'https://localhost/' }).window.document;
  const c = checkArticle(doc, '');
  const d = detectPage(doc, '', draftFromDocument(doc, ''));
  const f = measurePage(doc, '');
  console.log(name, 'article', c.isArticle, c.score, 'gov', d.isGovNews, d.score, 'headline', JSON.stringify(f.headline));
  console.log('  ', c.reasons.map((r) => `${r.stance === 'for' ? '+' : '-'}${r.key}(${r.subs.join(',')})`).join(' '));
  console.log('  ', d.reasons.map((r) => typeof r === 'string' ? r : r.about === 'gov' ? `${r.stance === 'for' ? '+' : '-'}${r.key}(${r.subs.join(',')})` : '').join(' '));
}
