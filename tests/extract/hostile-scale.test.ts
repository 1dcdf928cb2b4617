// Pathological pages (tests/cli/hostile-pages.ts) stay cheap to extract once parsed: the adapters'
// selectors match in one walk, detection scores a bounded text, and a generated body is cut short.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/clean/article.ts';
import { ADAPTERS, matchSelectors } from '../../lib/extract/site-adapters.ts';
import { collectElements, elementsByTag, indexTags, treeOf } from '../../lib/dom/tags.ts';
import { MAX_BODY_BLOCKS } from '../../lib/extract/walk.ts';
import { computeStats, isFurnitureName, treeOfStats, type NodeStats } from '../../lib/extract/node-stats.ts';
import { findAlternateUrls } from '../../lib/extract/dom-meta.ts';
import { countFirstPerson, countHan, countPunct } from '../../lib/text/counts.ts';
import { samplePage } from '../../lib/detect/sample.ts';
import { extractionGrowth } from '../cli/hostile-pages.ts';
import { listFixtures, readFixture } from './golden.ts';

const URL = 'https://www.example.gov.cn/a.html';

describe('hostile pages at scale', () => {
  it('matches every adapter selector in one walk exactly as the selector engine does', () => {
    const selectors = [
      ...new Set(ADAPTERS.flatMap((a) => [...a.body, ...(a.title ?? []), ...(a.date ?? [])])),
    ];
    for (const file of listFixtures()) {
      const { html, url } = readFixture(file);
      const doc = new JSDOM(html, { url }).window.document;
      const found = matchSelectors(doc.body, selectors);
      const indexed = matchSelectors(doc.body, selectors, indexTags(doc));
      for (const selector of selectors) {
        const expected = Array.from(doc.body.querySelectorAll(selector));
        expect(found.get(selector), `${file} ${selector}`).toEqual(expected);
        expect(indexed.get(selector), `${file} ${selector} (indexed)`).toEqual(expected);
      }
    }
  });

  it('reads tags off the one-walk index exactly as the tag collections and tree walks list them', () => {
    const names = ['*', 'meta', 'script', 'time', 'style', 'link', 'a', 'h1', 'h2', 'input', 'title', 'svg'];
    const blocks = new Set(['p', 'div', 'td', 'span', 'li']);
    for (const file of listFixtures()) {
      const { html, url } = readFixture(file);
      const doc = new JSDOM(html, { url }).window.document;
      const index = indexTags(doc);
      for (const name of names)
        expect(elementsByTag(index, name), `${file} ${name}`).toEqual(
          Array.from(doc.getElementsByTagName(name)),
        );
      for (const root of [doc.body, doc.querySelector('div'), doc.querySelector('p')].filter(
        (el) => el !== null,
      ))
        expect(collectElements(root, blocks, 50, index), file).toEqual(collectElements(root, blocks, 50));
    }
  });

  it('finds alternate URLs off the tag index as the selector did', () => {
    const html =
      '<html><head><link rel="ALTERNATE" href="https://m.example.gov.cn/2024/0515/a.html">' +
      '<link rel="alternate"><link rel="alternate stylesheet" href="https://x.gov.cn/b.css"></head>' +
      '<body><link rel="alternate" href="http://www.example.gov.cn/20240516/b.html"></body></html>';
    const doc = new JSDOM(html, { url: URL }).window.document;
    const bySelector = Array.from(doc.querySelectorAll('link[rel="alternate"][href]')).map(
      (l) => l.getAttribute('href') ?? '',
    );
    expect(bySelector).toHaveLength(2);
    expect(findAlternateUrls(indexTags(doc), new Map())).toEqual(bySelector);
  });

  it('records the tag, class, id, sibling links and furniture flag of each element once, as the DOM reads them', () => {
    for (const file of listFixtures()) {
      const { html, url } = readFixture(file);
      const doc = new JSDOM(html, { url }).window.document;
      const stats = computeStats(doc.body);
      const counted = (el: Element | null) => {
        while (el && !stats.has(el)) el = el.nextElementSibling;
        return el;
      };
      for (const [el, s] of stats) {
        expect(s.tag, file).toBe(el.tagName.toUpperCase());
        expect(s.names, file).toBe(`${el.getAttribute('class') ?? ''} ${el.id}`);
        expect(s.bare, file).toBe(!el.hasAttributes());
        expect(s.up, file).toBe(el === doc.body ? null : stats.get(el.parentElement!));
        // Siblings as the walk linked them: the DOM's, less those without statistics.
        expect(s.firstChild, file).toBe(counted(el.firstElementChild));
        expect(s.nextSibling, file).toBe(el === doc.body ? null : counted(el.nextElementSibling));
        const furniture = (node: Element | null): boolean =>
          !!node &&
          node !== doc.body &&
          (isFurnitureName(`${node.getAttribute('class') ?? ''} ${node.id}`) ||
            furniture(node.parentElement));
        expect(s.inFurniture, file).toBe(furniture(el));
      }
    }
  });

  it("counts the same statistics off the tag index's tree walk as off the body's own, under jsdom and linkedom", () => {
    const docs = listFixtures().flatMap((file) => {
      const { html, url } = readFixture(file);
      return [
        { file, doc: new JSDOM(html, { url }).window.document },
        { file: `${file} (linkedom)`, doc: parseHTML(html).document as unknown as Document },
      ];
    });
    for (const { file, doc } of docs) {
      const tree = treeOf(indexTags(doc));
      expect(tree, file).toBeDefined();
      const own = computeStats(doc.body);
      const fromIndex = computeStats(doc.body, undefined, tree);
      const elements = [...own.keys()];
      expect(
        [...fromIndex.keys()].every((el, i) => el === elements[i]),
        file,
      ).toBe(true);
      // Equal but for `node`, each element's place in its own tree (the parent's too, through `up`).
      const flat = ({ node: _node, up, ...rest }: NodeStats) => ({ ...rest, up: up?.ordinal });
      for (const [el, s] of own) {
        const indexed = fromIndex.get(el)!;
        expect(flat(indexed), file).toEqual(flat(s));
        expect(treeOfStats(fromIndex)?.elements[indexed.node], file).toBe(el);
        expect(treeOfStats(own)?.elements[s.node], file).toBe(el);
      }
    }
  });

  it('indexes a document nested 20,000 levels deep without running out of stack', () => {
    // linkedom builds such a tree (jsdom's own parser overflows first: the CLI refuses it before parsing).
    const depth = 20_000;
    const doc = parseHTML(`<html><body>${'<div>'.repeat(depth)}会议</body></html>`)
      .document as unknown as Document;
    const index = indexTags(doc);
    expect(elementsByTag(index, 'div')).toHaveLength(depth);
    expect(treeOf(index)?.elements.at(-1)?.textContent).toBe('会议');
  });

  it('counts letters, digits and sentence punctuation in one pass, as the patterns read them', () => {
    // Mixed scripts, full-width and ASCII punctuation, Latin-1, an astral Han character, digits.
    const text = '会议于2024年5月9日召开，𠀀与会者说：“好！”。Café, naïve; résumé? ＡＢ１２ §、éè!';
    const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    const punct = text.match(/[，。；：！？、“”,;!?]/g)?.length ?? 0;
    const digits = text.match(/[0-9]/g)?.length ?? 0;
    const doc = new JSDOM(`<html><body><p>${text}</p></body></html>`).window.document;
    const s = computeStats(doc.body).get(doc.querySelector('p')!)!;
    expect([s.chars, s.punct, s.digits]).toEqual([letters, punct, digits]);
  });

  it('counts Han characters, punctuation and pronouns by code, as the patterns did', () => {
    const text = '我们在𠀀会上说：“你好！”，中文、English。' + '國'.repeat(5);
    expect(countHan(text)).toBe(text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length);
    expect(countPunct(text)).toBe(text.match(/[，。；：！？、“”「」（）《》]/g)?.length);
    expect(countFirstPerson(text)).toBe(2);
  });

  // Detection once scanned all of a 4 MB text node, counting Han characters with a match array. The
  // time itself is the slowest-page bench's figure; here only its growth, which any machine shows.
  it('extracts a long text node in time that grows linearly with its length', async () => {
    expect(await extractionGrowth('text-node', 250_000)).toBeLessThan(8);
  }, 20_000);

  it('samples the same blocks off the tag index as off the document, skipping text inside scripts and noscript', () => {
    const sentence = '会议强调要着力推进高质量发展统筹发展和安全';
    const noscript = `<html><body><noscript><div id="inside">${sentence}</div></noscript><p id="outside">${sentence}</p></body></html>`;
    const parsed = new DOMParser().parseFromString(noscript, 'text/html');
    const docs = [
      parsed,
      ...listFixtures().map((file) => {
        const { html, url } = readFixture(file);
        return new JSDOM(html, { url }).window.document;
      }),
    ];
    const ids = (doc: Document, tags: Document | ReturnType<typeof indexTags>) =>
      samplePage(doc, tags).blocks.map((b) => b.node);
    expect(ids(parsed, indexTags(parsed)).map((n) => n.id)).toEqual(['outside']);
    for (const doc of docs) expect(ids(doc, indexTags(doc))).toEqual(ids(doc, doc));
  });

  it("reads a block's own text from its first 4,000 child nodes only", () => {
    // A generated container of paragraphs has no own text among them; reading every child's tag
    // (100,000 paragraphs) was a tenth of a second of detection.
    const sentence = '会议强调要着力推进高质量发展统筹发展和安全';
    const within = `<div id="within">${'<i></i>'.repeat(3_998)}${sentence}</div>`;
    const beyond = `<div id="beyond">${'<i></i>'.repeat(4_000)}${sentence}</div>`;
    const doc = new JSDOM(`<html><body>${within}${beyond}</body></html>`, { url: URL }).window.document;
    const sampled = samplePage(doc, indexTags(doc)).blocks.map((b) => b.node.id);
    expect(sampled).toEqual(['within']);
  });

  it('cuts a generated body at a bound far above any real article', () => {
    // Numbered, so no paragraph repeats another (a repeated run is dropped as a second copy).
    const paragraphs = Array.from(
      { length: MAX_BODY_BLOCKS + 500 },
      (_, i) => `<p>第${i + 1}条，要着力推进高质量发展，统筹发展和安全，切实解决群众急难愁盼问题。</p>`,
    );
    const html = `<html><head><title>某市召开工作会议</title></head><body><div>${paragraphs.join('')}</div></body></html>`;
    const doc = parseHTML(html).document as unknown as Document;
    const article = extractArticle(doc, URL, {});
    expect(article.blocks.length).toBeGreaterThan(MAX_BODY_BLOCKS / 2);
    expect(article.blocks.length).toBeLessThanOrEqual(MAX_BODY_BLOCKS);
  }, 20_000);
});
