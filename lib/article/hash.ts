/** Content hashing of the normalised article body. */

/** Normalise body text for hashing: letters, digits and CJK only, so layout changes keep the hash. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

// Four 32-bit FNV-1a lanes with different offsets: 128 bits, computed with Math.imul (no BigInt cost).
const SEEDS = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6b43a9b5];

/**
 * Hash the normalised body synchronously to 32 hex digits. Not cryptographic: it only needs to
 * tell bodies apart, and it must be sync so the content script and the CLI agree without WebCrypto.
 */
export function hashContent(text: string): string {
  const input = normalizeForHash(text);
  const lanes = SEEDS.slice();
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    for (let l = 0; l < 4; l++) {
      lanes[l] = Math.imul((lanes[l] ?? 0) ^ (code + l * 0x9e37), 0x01000193) >>> 0;
    }
  }
  return lanes
    .map((x) => Math.imul(x ^ input.length, 0x01000193) >>> 0)
    .map((x) => x.toString(16).padStart(8, '0'))
    .join('');
}
