/**
 * Decode saved HTML bytes by sniffing: strict UTF-8 first, then the charset the page declares,
 * then GB18030. Many real pages declare gb2312 and are in fact UTF-8, so the declaration is
 * only trusted once UTF-8 has failed.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: stripBom(utf8), encoding: 'utf-8' };
  const declared = sniffDeclaredCharset(bytes);
  if (declared && declared !== 'utf-8') {
    // gb2312 and gbk are subsets of gb18030: decode them as the superset.
    const label = /^(gb2312|gbk|x-gbk|gb_2312-80|euc-cn)$/.test(declared) ? 'gb18030' : declared;
    const text = tryDecode(bytes, label);
    if (text !== null) return { text, encoding: label };
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** Find `<meta charset>` or `content="...; charset=..."` in the first 4 KiB, lower-cased. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^<>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
