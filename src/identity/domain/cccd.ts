/**
 * Số định danh cá nhân (CCCD) — the 12-digit personal identification number (Decree 137/2015/NĐ-CP,
 * Circular 59/2021/TT-BCA): 3 digits of the place of birth registration, 1 digit for century and sex,
 * 2 digits of the birth year, 6 random digits.
 */

/**
 * Birth-place codes of a citizen ID (Circular 07/2016/TT-BCA, amended by 59/2021/TT-BCA): "0" + the
 * 2-digit code of one of the 63 provinces that existed before 1 July 2025.
 */
export const cccdProvinceCodes: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa – Vũng Tàu',
  '079': 'Thành phố Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

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
  if (!Object.hasOwn(cccdProvinceCodes, birthProvinceCode)) return { isValid: false, reason: 'province' };
  const centuryDigit = Number(idNumber[3]);
  // 0/1: 20th century male/female, 2/3: 21st, 4/5: 22nd, 6/7: 23rd, 8/9: 24th.
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const birthYear = century + Number(idNumber.slice(4, 6));
  const sex: Sex = centuryDigit % 2 === 0 ? 'male' : 'female';
  if (birthDate && Number(birthDate.slice(0, 4)) !== birthYear) return { isValid: false, reason: 'birth_year' };
  return { isValid: true, parts: { birthProvinceCode, sex, birthYear } };
}

/** Căn cước công dân — true for 12 digits whose first three are a valid birth-place province code. */
export function isValidCccd(value: string): boolean {
  return parseCccd(value).isValid;
}

/** Masks a CCCD for display: the birth province and the last four digits stay visible. */
export function maskCccd(idNumber: string): string {
  return `${idNumber.slice(0, 3)}${'*'.repeat(Math.max(0, idNumber.length - 7))}${idNumber.slice(-4)}`;
}
