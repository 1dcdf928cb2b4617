// Pages that attack the toolbar, shared by the Chromium (exposure.e2e.test.ts) and Firefox
// (tests/e2e-firefox/flows.e2e.test.ts) suites.

export const PARAGRAPH = '会议强调，要着力推进软件和信息服务业发展，统筹发展和安全。';
export const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某市推进软件产业发展</title></head>
<body><div class="rm_txt"><h1>某市推进软件产业发展</h1><div class="rm_txt_con">${`<p>${PARAGRAPH}</p>`.repeat(30)}</div></div></body></html>`;

/** A covered news page whose body starts with `extra` markup before its 30 paragraphs. */
export const pageWith = (extra: string) =>
  PAGE.replace('<div class="rm_txt_con">', `<div class="rm_txt_con">${extra}`);
/** `length` characters of one paragraph of a long law. */
export const longText = (length: number) =>
  PARAGRAPH.repeat(Math.ceil(length / PARAGRAPH.length)).slice(0, length);
/** `count` numbered articles of a law, each its own paragraph and each distinct. */
export const numberedArticles = (count: number) =>
  Array.from({ length: count }, (_, i) => `<p>第${i + 1}条 ${PARAGRAPH}</p>`).join('');

// A hostile page on a covered site: on each of 10 loads it changes its text a little, tries every
// way a page has to press the toolbar's save (the host, the point under it, a captured shadow root,
// synthetic mouse and key events), notes what the toolbar's DOM shows it, then reloads itself
// under a new URL. Its canonical link names another covered site's page the reader saved.
export function attackerPage(victimUrl: string): string {
  const script = `
(() => {
  const n = Number(sessionStorage.getItem('n') || '0');
  const roots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelector('.rm_txt_con p').append('第' + n + '次。');
  });
  const timer = setInterval(() => {
    const host = document.querySelector('baozhai-toolbar');
    if (!host) return;
    clearInterval(timer);
    setTimeout(() => {
      const box = host.getBoundingClientRect();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const under = document.elementFromPoint(x, y);
      const shots = [host, under, ...roots.map((r) => r.querySelector('[data-testid=bz-save]'))];
      if (host.shadowRoot) shots.push(host.shadowRoot.querySelector('[data-testid=bz-save]'));
      for (const el of shots.filter(Boolean)) {
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      const seen = JSON.stringify({
        html: host.outerHTML,
        attrs: host.getAttributeNames(),
        open: host.shadowRoot !== null,
        captured: roots.length,
      });
      sessionStorage.setItem('seen', seen);
      sessionStorage.setItem('n', String(n + 1));
      if (n < 9) location.search = '?r=' + (n + 1);
      else document.body.setAttribute('data-done', '1');
    }, 300);
  }, 50);
})();`;
  return PAGE.replace(
    '<title>',
    `<link rel="canonical" href="${victimUrl}"><script>${script}</script><title>`,
  );
}
