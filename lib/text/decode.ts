/**
 * Decode saved HTML bytes. A byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE), as in a
 * browser. Otherwise UTF-8 wins when most of the non-ASCII text is valid UTF-8: many real pages
 * declare gb2312 and are in fact UTF-8, and one stray byte must not turn the whole page into
 * GB18030 mojibake. Failing that, the declared charset, then GB18030.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = sniffBom(bytes);
  if (bom)
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (isMostlyValidUtf8(utf8)) return { text: utf8, encoding: 'utf-8' };
  const declared = sniffDeclaredCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    // gb2312 and gbk are subsets of gb18030: decode them as the superset.
    const label = /^(gb2312|gbk|x-gbk|gb_2312-80|euc-cn)$/.test(declared) ? 'gb18030' : declared;
    const text = tryDecode(bytes, label);
    if (text !== null) return { text, encoding: label };
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * True when decoding as UTF-8 found more valid non-ASCII characters than invalid sequences (each
 * replaced by U+FFFD). GBK text read as UTF-8 is almost all invalid; a UTF-8 page with a damaged
 * byte is almost all valid.
 */
function isMostlyValidUtf8(text: string): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0xfffd) invalid++;
    else if (unit >= 0x80 && (unit < 0xdc00 || unit > 0xdfff)) valid++;
  }
  return invalid === 0 || valid > invalid;
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
