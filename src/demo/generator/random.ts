/**
 * A small seeded pseudo-random generator (sfc32, seeded by a cyrb128 hash of a text seed), so that a
 * generated province is the same for the same seed on every machine. Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** One of the items, with the given weights (same length, not all zero). */
  weighted<T>(items: readonly T[], cumulativeWeights: Float64Array): T;
  /** A random version-4-shaped UUID. */
  uuid(): string;
  /** A new generator derived from this one and a label, independent of how much this one is used later. */
  fork(label: string): Random;
}

/** cyrb128: four 32-bit hashes of a string, used as sfc32's state. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex = (n: number, width: number) =>
  (n >>> 0)
    .toString(16)
    .padStart(8, '0')
    .slice(8 - width);

/** A seeded generator: the same seed gives the same sequence. */
export function seededRandom(seed: string): Random {
  const state = Uint32Array.from(cyrb128(seed));
  const nextUint = (): number => {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    state[3] = (d + 1) | 0;
    return t >>> 0;
  };
  const next = () => nextUint() / 4294967296;
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    between: (min, max) => min + next() * (max - min),
    weighted<T>(items: readonly T[], cumulative: Float64Array): T {
      const total = cumulative[cumulative.length - 1] ?? 0;
      const target = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
    uuid() {
      const w = [nextUint(), nextUint(), nextUint(), nextUint()];
      const [w0, w1, w2, w3] = w as [number, number, number, number];
      return `${hex(w0, 8)}-${hex(w1 >>> 16, 4)}-4${hex(w1, 3)}-${hex(((w2 >>> 28) & 0x3) | 0x8, 1)}${hex(w2, 3)}-${hex(w2 >>> 12, 4)}${hex(w3, 8)}`;
    },
    fork: (label) => seededRandom(`${seed}/${label}`),
  };
  return random;
}

/** Running sums of weights, for `Random.weighted`. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += Math.max(0, w);
    out[i] = total;
  });
  return out;
}
