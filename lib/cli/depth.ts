// How deep the HTML parser will nest a page's elements, estimated from the markup in one pass.
// jsdom walks every ancestor, recursively, each time it inserts a node: 10,000 levels took minutes
// and then overflowed the stack. Browsers stop nesting at 512 levels (Chromium's parser limit).

// Elements that never hold children.
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen image'.split(
    ' ',
  ),
);
// Elements whose content is text up to their end tag.
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'] as const;
const RAW_TEXT_END = new Map(RAW_TEXT.map((name) => [name as string, new RegExp(`</${name}`, 'gi')]));
// Opening one of these closes an open element of the listed names first (optional end tags).
const TABLE_PARTS = ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'];
const CLOSES: Record<string, readonly string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
  optgroup: ['optgroup', 'option'],
  tbody: TABLE_PARTS,
  thead: TABLE_PARTS,
  tfoot: TABLE_PARTS,
  rt: ['rt', 'rp'],
  rp: ['rt', 'rp'],
};
// Elements whose opening tag closes an open <p>.
const CLOSES_P = new Set(
  'address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main menu nav ol p pre section summary table ul'.split(
    ' ',
  ),
);
const MARKUP = /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g;

/**
 * The deepest nesting of elements the markup asks for, following the parser's common rules (void
 * elements, raw text, optional end tags); linear in the markup.
 */
export function estimateNestingDepth(html: string): number {
  const stack: string[] = [];
  let deepest = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(html); m; m = MARKUP.exec(html)) {
    const end = m[2] ? html.indexOf('>', m.index) : html.indexOf('-->', m.index + 4);
    if (end < 0) break;
    MARKUP.lastIndex = end + 1;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      const open = stack.lastIndexOf(name);
      if (open >= 0) stack.length = open;
      continue;
    }
    if (CLOSES_P.has(name) && stack.at(-1) === 'p') stack.pop();
    const closes = CLOSES[name];
    while (closes && stack.length && closes.includes(stack.at(-1) ?? '')) stack.pop();
    if (VOID.has(name) || html[end - 1] === '/') continue;
    const rawEnd = RAW_TEXT_END.get(name);
    if (rawEnd) {
      rawEnd.lastIndex = end + 1;
      if (!rawEnd.exec(html)) break;
      MARKUP.lastIndex = rawEnd.lastIndex;
      // The end tag is read by the next turn, which pops nothing: the element was never pushed.
      deepest = Math.max(deepest, stack.length + 1);
      continue;
    }
    stack.push(name);
    deepest = Math.max(deepest, stack.length);
  }
  return deepest;
}
