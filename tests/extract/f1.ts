// Body F1 over character bigrams of letters, digits and CJK (whitespace and punctuation ignored).

/** F1 of the character-bigram multisets of two texts. */
export function bigramF1(got: string, want: string): number {
  const a = grams(got);
  const b = grams(want);
  let total = 0;
  for (const n of a.values()) total += n;
  let totalB = 0;
  for (const n of b.values()) totalB += n;
  if (total === 0 || totalB === 0) return total === totalB ? 1 : 0;
  let common = 0;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  const precision = common / total;
  const recall = common / totalB;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function grams(text: string): Map<string, number> {
  const chars = Array.from(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  const map = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    map.set(g, (map.get(g) ?? 0) + 1);
  }
  return map;
}
