// Pages built to hurt a parser or an extractor, written here (no corpus text). Each one stands for a
// class of real mistakes and attacks: generated markup, unclosed tags, embedded documents.

const PARAGRAPH = '<p>会议强调，要着力推进高质量发展，统筹发展和安全，切实解决群众急难愁盼问题。</p>';

function page(head: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>某市召开工作会议</title>${head}</head><body>${body}</body></html>`;
}

/** Name → HTML of each hostile page. */
export function buildHostilePages(): Record<string, string> {
  const article = `<div class="article"><h1>某市召开工作会议</h1>${PARAGRAPH.repeat(20)}</div>`;
  return {
    'meta-100k': page('<meta name="keywords" content="会议">'.repeat(100_000), article),
    'nesting-10k-div': page('', `${'<div>'.repeat(10_000)}${article}${'</div>'.repeat(10_000)}`),
    'nesting-10k-unclosed-span': page('', `${'<span>'.repeat(10_000)}${article}`),
    'nesting-5k-table': page('', `${'<table><tr><td>'.repeat(5_000)}${article}`),
    'nesting-20k-b': page('', `${'<b>'.repeat(20_000)}${article}`),
    'srcdoc-1k': page(
      '',
      article +
        `<iframe srcdoc="<html><body>${'<p>内嵌</p>'.repeat(20)}</body></html>"></iframe>`.repeat(1_000),
    ),
    'iframes-5k': page('', article + '<iframe src="about:blank"></iframe>'.repeat(5_000)),
    'links-100k': page('', article + '<a href="/x">链接</a>'.repeat(100_000)),
    'paragraphs-100k': page('', `<div>${PARAGRAPH.repeat(100_000)}</div>`),
    'images-50k': page('', article + '<img src="/a.jpg" alt="图片" width="400" height="300">'.repeat(50_000)),
    'title-200k': page('', article).replace('<title>某市召开工作会议', `<title>${' '.repeat(200_000)}某市`),
    'title-separators-200k': page('', article).replace('<title>', `<title>${'_ - | '.repeat(40_000)}`),
    'attribute-1m': page('', `<div class="${'x '.repeat(500_000)}">${article}</div>`),
    'scripts-10k': page('<script>var a = 1;</script>'.repeat(10_000), article),
    'styles-unclosed-10k': page('', article + '<style>p{}'.repeat(10_000)),
    'unclosed-tags-100k': page('', article + '<div<div'.repeat(100_000)),
    'text-node-4m': page('', `<div>${'字'.repeat(4_000_000)}</div>`),
    'whitespace-2m': page('', `${article}<p>${' \n'.repeat(1_000_000)}</p>`),
  };
}
