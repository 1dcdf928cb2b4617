/** Photo captions and their credits ("河北日报记者赵威摄"). */

// Linear on any line: the leading run starts only where such a run starts, at most nine names,
// and no two optional runs of spaces side by side (each would rescan the other).
const CREDIT =
  /(?<![\s(（])[\s(（]*((?:[\u3400-\u9fff]{0,10}(?:记者|記者|通讯员|通訊員|摄影|攝影)\s*)?[\u3400-\u9fff·]{2,4}(?:\s+[\u3400-\u9fff·]{2,4}){0,8}\s*(?:摄|攝|摄影|攝影|供图|供圖)|[\u3400-\u9fff]{2,8}(?:供图|供圖|发|發))\s*(?:[)）]\s*)?$/;

// The last character of every credit CREDIT matches (摄, 摄影, 供图, 发): a line ending otherwise, after
// its closing spaces and bracket, is answered without running the pattern (most body paragraphs).
const CREDIT_LAST = new Set(['摄', '攝', '影', '图', '圖', '发', '發']);

function endsLikeCredit(line: string): boolean {
  // trimEnd removes exactly the characters \s matches.
  let end = line.trimEnd();
  const last = end.at(-1);
  if (last === ')' || last === '）') end = end.slice(0, -1).trimEnd();
  return CREDIT_LAST.has(end.at(-1) ?? '');
}

/** Split a caption line into its text and its photo credit, or null when it carries no credit. */
export function splitCredit(line: string): { caption: string; credit: string } | null {
  if (!endsLikeCredit(line)) return null;
  const match = CREDIT.exec(line);
  if (!match?.[1]) return null;
  const caption = line.slice(0, match.index).trim();
  return { caption, credit: match[1].replace(/\s+/g, ' ').trim() };
}

/** A standalone line that reads as a photo caption: short and ending in a photo credit. */
export function isCaptionLine(line: string): boolean {
  if (line.length > 200) return false;
  const split = splitCredit(line);
  return !!split && /(摄|攝|摄影|攝影|供图|供圖)$/.test(split.credit);
}
