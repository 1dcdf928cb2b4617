// A page must not be able to tell that the reader has the extension by fetching one of its files
// (the converter dictionaries were web-accessible to every site), and the toggle still converts:
// its content script gets the dictionaries from the background instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, toolbarOf, type Harness } from './harness';

const PARAGRAPH = '会议强调，要着力推进软件和信息服务业发展，统筹发展和安全。';
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某市推进软件产业发展</title></head>
<body><div class="rm_txt"><h1>某市推进软件产业发展</h1><div class="rm_txt_con">${`<p>${PARAGRAPH}</p>`.repeat(30)}</div></div></body></html>`;

describe('files of the extension seen from a web page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => h?.close());

  it('cannot be fetched, and the toggle converts with dictionaries relayed by the background', async () => {
    const path = '/n1/2026/1120/c1001-40000301.html';
    h.server.route(path, PAGE);
    const page = await h.context.newPage();
    await page.goto(h.server.url(path));
    await toolbarOf(page).waitFor('[data-testid=bz-toggle]');

    const before = await page.locator('.rm_txt_con p').first().innerText();
    const started = Date.now();
    await toolbarOf(page).click('[data-testid=bz-toggle]');
    await expect
      .poll(() => page.locator('.rm_txt_con p').first().innerText(), { timeout: 10_000 })
      .not.toBe(before);
    process.stdout.write(
      `exposure e2e: first conversion (dictionaries loaded) ${Date.now() - started} ms after the click\n`,
    );
    expect(await page.locator('.rm_txt_con p').first().innerText()).toContain('軟體');

    const probes = await page.evaluate(async (id) => {
      const names = ['dicts/keys.TSPhrases.txt', 'dicts/map.STPhrases+STCharacters.txt', 'manifest.json'];
      return Promise.all(
        names.map(async (name) => {
          try {
            const response = await fetch(`chrome-extension://${id}/${name}`);
            return `${name}: HTTP ${response.status}`;
          } catch {
            return `${name}: refused`;
          }
        }),
      );
    }, h.extensionId);
    expect(probes).toEqual([
      'dicts/keys.TSPhrases.txt: refused',
      'dicts/map.STPhrases+STCharacters.txt: refused',
      'manifest.json: refused',
    ]);
    await page.close();
  });
});
