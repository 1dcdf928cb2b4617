import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { checkArticle, detectPage } from '../../lib/detect/index.ts';
import { draftFromDocument } from '../eval/fallback-draft.ts';

const URL_PLACEHOLDER = '';

function load(name: string): Document {
  const html = readFileSync(new URL(`../fixtures/detect/${name}.html`, import.meta.url), 'utf8');
  return new JSDOM(html, { url: 'https://localhost/' }).window.document;
}

function detect(name: string) {
  const doc = load(name);
  return { check: checkArticle(doc, URL_PLACEHOLDER), detection: detectPage(doc, URL_PLACEHOLDER, draftFromDocument(doc, URL_PLACEHOLDER)) };
}

describe('checkArticle and detectPage on invented pages', () => {
  it('a government article in simplified script is government news, with reasons', () => {
    const { check, detection } = detect('gov-article-hans');
    expect(check.isArticle).toBe(true);
    expect(detection.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(true);
    expect(detection.score).toBeGreaterThanOrEqual(0.5);
    expect(detection.reasons.some((r) => r.startsWith('offices of party and state'))).toBe(true);
    expect(detection.reasons.some((r) => r.includes('gov.cn'))).toBe(true);
  });

  it('the same article in traditional script is government news too', () => {
    const hans = detect('gov-article-hans').detection;
    const hant = detect('gov-article-hant').detection;
    expect(hant.isGovNews).toBe(true);
    expect(hant.reasons.some((r) => r.startsWith('offices of party and state'))).toBe(true);
    expect(Math.abs(hant.score - hans.score)).toBeLessThan(0.15);
  });

  it('government vocabulary alone carries the traditional article when the domain says nothing', () => {
    const doc = load('gov-article-hant');
    doc.querySelector('link[rel=canonical]')?.remove();
    const detection = detectPage(doc, '', draftFromDocument(doc, ''));
    expect(detection.isGovNews).toBe(true);
  });

  it('a sports report on a state-media domain is an article but not government news', () => {
    const { check, detection } = detect('sports-state-media');
    expect(check.isArticle).toBe(true);
    expect(detection.isGovNews).toBe(false);
    expect(detection.score).toBeLessThan(0.5);
  });

  it('an index page is neither an article nor government news', () => {
    const { check, detection } = detect('index-page');
    expect(check.isArticle).toBe(false);
    expect(detection.isGovNews).toBe(false);
  });

  it('a forum thread is not an article', () => {
    const { check, detection } = detect('forum-thread');
    expect(check.isArticle).toBe(false);
    expect(check.reasons.join(' ')).toMatch(/forum|first-person|non-news host/);
    expect(detection.isGovNews).toBe(false);
  });

  it('an encyclopedia entry on a government topic is not an article', () => {
    const { check, detection } = detect('encyclopedia');
    expect(check.isArticle).toBe(false);
    expect(detection.isGovNews).toBe(false);
  });

  it('the full text of a regulation is not a government news article', () => {
    const { detection } = detect('regulation');
    expect(detection.isGovNews).toBe(false);
    expect(detection.reasons.some((r) => r.startsWith('full text of a law'))).toBe(true);
  });

  it('never changes the document it reads', () => {
    const doc = load('gov-article-hans');
    const before = doc.documentElement.outerHTML;
    checkArticle(doc, URL_PLACEHOLDER);
    detectPage(doc, URL_PLACEHOLDER, draftFromDocument(doc, URL_PLACEHOLDER));
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
