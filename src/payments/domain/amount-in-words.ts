/**
 * Số tiền bằng chữ — an amount of đồng in Vietnamese words, as receipts print it under the figures:
 * 105.000 → "Một trăm linh năm nghìn đồng"; 21.000 → "Hai mươi mốt nghìn đồng".
 */

const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
// Each further group of three digits; beyond "tỷ" the names repeat ("nghìn tỷ", "triệu tỷ").
const groupNames = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'] as const;

function digitWord(d: number): string {
  return digits[d] ?? '';
}

/** Reads 0–999; `isLeading` is true for the first group, which drops "không trăm" and "linh". */
function readGroup(n: number, isLeading: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || !isLeading) words.push(digitWord(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digitWord(tens), 'mươi');
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 4 && tens >= 2) words.push('tư');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else words.push(digitWord(units));
  return words;
}

/** The amount in words, first letter capitalised, ending in "đồng". Whole đồng from 0 to 10^18 − 1. */
export function readVndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not a whole amount of đồng: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    words.push(...readGroup(group, i === groups.length - 1));
    const name = groupNames[i] ?? '';
    if (name) words.push(name);
  }
  const sentence = `${words.join(' ')} đồng`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
