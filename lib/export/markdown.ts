import type { Block } from '../article/record';
import { readListDate } from '../archive/list-date';
import type { Clipping } from '../archive/types';

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml | undefined };

// Characters a YAML reader could take for a line break or drop (YAML 1.1 breaks lines at NEL, LS
// and PS; a BOM inside a scalar is invalid), escaped on top of what JSON escapes.
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** A string as a YAML double-quoted scalar: JSON's escapes, which YAML reads the same. */
function quoteYaml(text: string): string {
  return JSON.stringify(text).replace(
    YAML_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function formatScalar(value: Yaml): string | undefined {
  if (typeof value === 'string') return quoteYaml(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('YAML front matter cannot carry a non-finite number');
    return String(value);
  }
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (!Array.isArray(value) && Object.values(value).every((v) => v === undefined)) return '{}';
  return undefined;
}

/** Block-style YAML of a JSON value: every string quoted, so no text can read as YAML syntax. */
function emitYaml(value: Yaml, pad: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const scalar = formatScalar(item);
      if (scalar !== undefined) out.push(`${pad}- ${scalar}`);
      else if (Array.isArray(item)) out.push(`${pad}- ${JSON.stringify(item)}`);
      else {
        // A mapping in a list: its first key shares the line with the dash.
        const lines: string[] = [];
        emitYaml(item, `${pad}  `, lines);
        out.push(`${pad}- ${lines[0]!.slice(pad.length + 2)}`, ...lines.slice(1));
      }
    }
    return;
  }
  if (typeof value !== 'object' || value === null) throw new TypeError('YAML front matter must be a mapping');
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const scalar = formatScalar(inner);
    if (scalar !== undefined) out.push(`${pad}${key}: ${scalar}`);
    else {
      out.push(`${pad}${key}:`);
      emitYaml(inner, `${pad}  `, out);
    }
  }
}

/** YAML front matter (between --- lines) carrying every field of the clipping, body blocks included. */
export function formatFrontMatter(clipping: Clipping): string {
  const lines = ['---'];
  // Who and what first, for readers of the raw file; then every other field in record order.
  const { id, title, ...rest } = clipping;
  emitYaml({ id, title, ...rest } as unknown as Yaml, '', lines);
  lines.push('---');
  return lines.join('\n') + '\n';
}

// ASCII punctuation that Markdown may read as syntax or inline HTML; a backslash makes each literal.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#|~!&]/g;

/** Text as literal Markdown: nothing in it becomes a heading, list, link, emphasis or raw HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(MARKDOWN_SPECIAL, '\\$&')
        // Line starts that open a list, a quote, a heading underline or a numbered list.
        .replace(/^(\s*)([-+=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

function formatBlock(block: Block): string {
  if (block.type === 'p') return escapeMarkdown(block.text);
  if (block.type === 'h') return `## ${escapeMarkdown(block.text)}`;
  const lines: string[] = [];
  // Only http(s) images reach the record (validated on save and import); spaces and brackets are
  // percent-encoded so the URL cannot end the link early.
  if (block.src) {
    const src = block.src.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
    lines.push(`![${escapeMarkdown(block.caption ?? '')}](${src})`);
  }
  if (block.caption) lines.push(`*${escapeMarkdown(block.caption)}*`);
  if (block.credit) lines.push(escapeMarkdown(block.credit));
  return lines.join('\n\n');
}

/** One clipping as a Markdown file: front matter with every field, then the article as Markdown. */
export function formatClippingMarkdown(clipping: Clipping): string {
  const parts = [formatFrontMatter(clipping)];
  if (clipping.kicker) parts.push(escapeMarkdown(clipping.kicker));
  parts.push(`# ${escapeMarkdown(clipping.title)}`);
  if (clipping.subtitle) parts.push(`**${escapeMarkdown(clipping.subtitle)}**`);
  for (const block of clipping.blocks) {
    const text = formatBlock(block);
    if (text) parts.push(text);
  }
  return parts.join('\n\n') + '\n';
}

// Characters no common file system allows in a name, and controls.
// eslint-disable-next-line no-control-regex -- controls are exactly what must go
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\\/:*?"<>|]+/g;

/**
 * File name for a clipping inside the zip: date and title, safe on every file system, unique among
 * `taken` (which it extends): `2026-03-15 云川市推进智慧水务建设.md`.
 */
export function formatMarkdownFileName(clipping: Clipping, taken: Set<string>): string {
  const { date } = readListDate(clipping.publishedAt, clipping.savedAt);
  const title = [...clipping.title.replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim()]
    .slice(0, 60)
    .join('')
    .replace(/^[.\s]+|(?<![.\s])[.\s]+$/g, '');
  const base = `${date} ${title || clipping.id}`;
  let name = `${base}.md`;
  if (taken.has(name.toLowerCase())) name = `${base} ${clipping.id.slice(0, 12)}.md`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${clipping.id.slice(0, 12)}-${n}.md`;
  taken.add(name.toLowerCase());
  return name;
}
