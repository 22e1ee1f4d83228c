/**
 * Số định danh cá nhân (CCCD) — the 12-digit personal identification number (Decree 137/2015/NĐ-CP,
 * Circular 59/2021/TT-BCA): 3 digits of the place of birth registration, 1 digit for century and sex,
 * 2 digits of the birth year, 6 random digits.
 */

// Province codes of the place of birth registration (Circular 59/2021/TT-BCA, pre-2025 provinces).
const birthProvinceCodes = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type Sex = 'male' | 'female';

export interface CccdParts {
  birthProvinceCode: string;
  sex: Sex;
  birthYear: number;
}

export type CccdCheck = { isValid: true; parts: CccdParts } | { isValid: false; reason: 'format' | 'province' | 'birth_year' };

/** Reads a CCCD number: its birth province, sex and birth year, or why it is not a valid number. */
export function parseCccd(idNumber: string, birthDate?: string | null): CccdCheck {
  if (!/^\d{12}$/.test(idNumber)) return { isValid: false, reason: 'format' };
  const birthProvinceCode = idNumber.slice(0, 3);
  if (!birthProvinceCodes.has(birthProvinceCode)) return { isValid: false, reason: 'province' };
  const centuryDigit = Number(idNumber[3]);
  // 0/1: 20th century male/female, 2/3: 21st, 4/5: 22nd, 6/7: 23rd, 8/9: 24th.
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const birthYear = century + Number(idNumber.slice(4, 6));
  const sex: Sex = centuryDigit % 2 === 0 ? 'male' : 'female';
  if (birthDate && Number(birthDate.slice(0, 4)) !== birthYear) return { isValid: false, reason: 'birth_year' };
  return { isValid: true, parts: { birthProvinceCode, sex, birthYear } };
}

/** Masks a CCCD for display: the birth province and the last four digits stay visible. */
export function maskCccd(idNumber: string): string {
  return `${idNumber.slice(0, 3)}${'*'.repeat(Math.max(0, idNumber.length - 7))}${idNumber.slice(-4)}`;
}
