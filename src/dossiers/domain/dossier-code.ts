/**
 * Mã hồ sơ — the dossier code printed on the receipt, typed into the public lookup and read over the
 * phone. Format per province (config DOSSIER_CODE_FORMAT, docs/dossier-codes.md): literal characters
 * and placeholders; exactly one random part of Crockford base32 characters, so codes are unique with
 * overwhelming probability and reveal no sequence (how many dossiers an agency received, or the next code).
 */

/** Crockford's base32 alphabet: digits and capitals without I, L, O, U (no look-alikes, no accidental words). */
export const crockfordAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type CodePart =
  | { kind: 'literal'; text: string }
  | { kind: 'province' | 'unit' | 'yymmdd' | 'yyyymmdd' | 'yy' | 'mm' | 'dd' }
  | { kind: 'random'; length: number };

export interface DossierCodeFormat {
  parts: CodePart[];
  randomLength: number;
}

/** Shortest random part allowed: 32^5 ≈ 33.5 million codes per day and unit. */
export const minRandomLength = 5;
const maxRandomLength = 16;
const fieldKinds = ['province', 'unit', 'yymmdd', 'yyyymmdd', 'yy', 'mm', 'dd'] as const;

export type DossierCodeFormatResult = { ok: true; format: DossierCodeFormat } | { ok: false; reason: string };

/**
 * Parses a format such as `{province}.{yymmdd}.{random6}`: placeholders {province}, {unit} (the
 * handling unit's code), {yymmdd}, {yyyymmdd}, {yy}, {mm}, {dd} (Vietnam date) and one {randomN}
 * (N = 5…16; {random} = 6); literals may be capitals, digits, `.` and `-` (safe in a URL and on paper).
 */
export function parseDossierCodeFormat(format: string): DossierCodeFormatResult {
  const parts: CodePart[] = [];
  const pattern = /\{([a-z]+)(\d*)\}|([A-Z0-9.-]+)/gy;
  let at = 0;
  let randomLength = 0;
  while (at < format.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(format);
    if (!m) return { ok: false, reason: `unexpected character ${JSON.stringify(format[at])} at ${at}` };
    at = pattern.lastIndex;
    if (m[3] !== undefined) {
      parts.push({ kind: 'literal', text: m[3] });
      continue;
    }
    const name = m[1] ?? '';
    const digits = m[2] ?? '';
    if (name === 'random') {
      if (randomLength > 0) return { ok: false, reason: 'more than one {random} part' };
      randomLength = digits === '' ? 6 : Number(digits);
      if (randomLength < minRandomLength || randomLength > maxRandomLength)
        return { ok: false, reason: `{random} length must be ${minRandomLength}–${maxRandomLength}` };
      parts.push({ kind: 'random', length: randomLength });
      continue;
    }
    const kind = fieldKinds.find((k) => k === name);
    if (!kind || digits !== '') return { ok: false, reason: `unknown placeholder {${name}${digits}}` };
    parts.push({ kind });
  }
  if (randomLength === 0) return { ok: false, reason: 'a {random} part is required (codes must not be guessable)' };
  return { ok: true, format: { parts, randomLength } };
}

/** Crockford base32 text from random bytes, one character per byte (32 divides 256, so each is uniform). */
export function crockfordFromBytes(randomBytes: Uint8Array, length: number): string {
  if (randomBytes.length < length) throw new Error(`need ${length} random bytes, got ${randomBytes.length}`);
  let out = '';
  for (let i = 0; i < length; i++) out += crockfordAlphabet[(randomBytes[i] ?? 0) & 31];
  return out;
}

/** Issues a code: the format filled with the province, handling unit, Vietnam date of `at` and random bytes. */
export function formatDossierCode(
  format: DossierCodeFormat,
  input: { provinceCode: string; unitCode: string; at: Date; randomBytes: Uint8Array },
): string {
  const local = new Date(input.at.getTime() + 7 * 3600_000);
  const yyyy = String(local.getUTCFullYear()).padStart(4, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return format.parts
    .map((p) => {
      switch (p.kind) {
        case 'literal':
          return p.text;
        case 'province':
          return input.provinceCode;
        case 'unit':
          return input.unitCode;
        case 'yymmdd':
          return `${yyyy.slice(2)}${mm}${dd}`;
        case 'yyyymmdd':
          return `${yyyy}${mm}${dd}`;
        case 'yy':
          return yyyy.slice(2);
        case 'mm':
          return mm;
        case 'dd':
          return dd;
        case 'random':
          return crockfordFromBytes(input.randomBytes, p.length);
      }
    })
    .join('');
}

/** A code as a person typed it, trimmed and in capitals; null when it cannot be a dossier code. */
export function normaliseDossierCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z0-9.-]{5,60}$/.test(code) ? code : null;
}
