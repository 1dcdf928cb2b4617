import type { Marked } from '../../lib/archive/search';

/** Split text at the given ranges into plain and marked parts (pure, for rendering as text). */
export function splitMarked({ text, ranges }: Marked): Array<{ text: string; mark: boolean }> {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/** Text with matches wrapped in <mark>; every part is a text child, never HTML. */
export function Highlight(props: { value: Marked }) {
  return (
    <>
      {splitMarked(props.value).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
