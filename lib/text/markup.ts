// Helpers for HTML read as text (pasted fragments, a saved page before parsing). Each runs in time
// linear in its input: a pattern such as /<style\b[\s\S]*?<\/style>/ rescans the rest of the text
// from every unclosed opening tag, quadratic on hostile input.

const OPENING = /<(script|style)\b/gi;
const CLOSING = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

/**
 * Remove every `<script>…</script>` and `<style>…</style>` element (those named in `tags`), tags
 * included. An unclosed element runs to the end of the text, as in a browser.
 */
export function removeRawTextElements(html: string, tags: ReadonlyArray<'script' | 'style'>): string {
  let out = '';
  let from = 0;
  OPENING.lastIndex = 0;
  for (let start = OPENING.exec(html); start; start = OPENING.exec(html)) {
    const tag = (start[1] ?? '').toLowerCase() as 'script' | 'style';
    if (!tags.includes(tag)) continue;
    const tagEnd = html.indexOf('>', start.index);
    const close = CLOSING[tag];
    close.lastIndex = tagEnd + 1;
    const end = tagEnd < 0 ? null : close.exec(html);
    out += html.slice(from, start.index);
    if (!end) return out;
    from = end.index + end[0].length;
    OPENING.lastIndex = from;
  }
  return out + html.slice(from);
}
