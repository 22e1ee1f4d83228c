/**
 * Exact rational arithmetic for the scores. The portal rounds each indicator half up to two
 * decimals, and a score such as 6 × 1/48 = 0.125 must become 0.13: binary floating point would put
 * some of those ties a hair below the half and round them down. Scores are ratios of integer counts
 * and decimal constants, so fractions of big integers represent them exactly.
 */

/** A non-normalised fraction n/d with d > 0. */
export interface Exact {
  readonly n: bigint;
  readonly d: bigint;
}

/** The fraction n/d (d ≠ 0); the sign is carried by the numerator. */
export function exact(n: bigint, d: bigint = 1n): Exact {
  if (d === 0n) throw new RangeError('zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The decimal a JavaScript number prints as, as an exact fraction: 0.9 is 9/10, not the binary
 * double nearest to it. Suits the decimal constants of a formula table and ratios read from JSON.
 */
export function exactFromNumber(value: number): Exact {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = decimalPattern.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return exponent >= 0 ? exact(digits * 10n ** BigInt(exponent)) : exact(digits, 10n ** BigInt(-exponent));
}

/** a × b. */
export function multiply(a: Exact, b: Exact): Exact {
  return exact(a.n * b.n, a.d * b.d);
}

/** a ÷ b (b ≠ 0). */
export function divide(a: Exact, b: Exact): Exact {
  return exact(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The smaller of a and b. */
export function minimum(a: Exact, b: Exact): Exact {
  return compare(a, b) <= 0 ? a : b;
}

/**
 * a × 10^places rounded half away from zero to an integer (Java's HALF_UP, which is what "half up"
 * means for the non-negative scores): toScaledInteger(1/8, 2) = 13 hundredths.
 */
export function toScaledInteger(a: Exact, places: number): bigint {
  const scaled = a.n * 10n ** BigInt(places);
  const magnitude = scaled < 0n ? -scaled : scaled;
  // floor(|x| + 1/2) = floor((2|x|·d + d) / 2d) for x = scaled/d.
  const rounded = (2n * magnitude + a.d) / (2n * a.d);
  return scaled < 0n ? -rounded : rounded;
}

/** a rounded half up to two decimals, as integer hundredths (cents of a point). */
export function toHundredths(a: Exact): number {
  return Number(toScaledInteger(a, 2));
}
