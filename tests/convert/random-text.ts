// A small seeded generator of awkward strings for the property tests (fast-check is not installed).

/** mulberry32: a tiny deterministic PRNG, so every failure can be replayed from its seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces the generator draws from: dictionary phrases make multi-character matches likely. */
export function generateText(random: () => number, phrases: readonly string[], maxPieces = 40): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const makers: Array<() => string> = [
    () => pick(phrases),
    () => pick(phrases),
    () => pick(phrases).slice(0, between(1, 3)),
    () => String.fromCodePoint(between(0x4e00, 0x9fff)),
    () => String.fromCodePoint(between(0x3400, 0x4dbf)),
    () => String.fromCodePoint(between(0x20000, 0x2a6df)),
    () => String.fromCodePoint(between(0xf900, 0xfaff)),
    () => String.fromCodePoint(between(0x1f300, 0x1faff)),
    () => String.fromCharCode(between(0xd800, 0xdfff)),
    () => String.fromCharCode(between(0x2ff0, 0x2fff)),
    () => String.fromCharCode(between(0x20, 0x7e)),
    () => pick(['\n', ' ', '，', '。', '「', '」', '\u00a0', '\u200b', '']),
  ];
  let out = '';
  const pieces = between(0, maxPieces);
  for (let i = 0; i < pieces; i++) out += pick(makers)();
  return out;
}
