/**
 * Vietnamese identifiers checked on both the server and the browser: citizen ID (CCCD), tax code,
 * phone number. Pure functions, no I/O.
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

/** Căn cước công dân — true for 12 digits whose first three are a valid birth-place province code. */
export function isValidCccd(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  // 4th digit: century and sex (0/1 = 1900s male/female, 2/3 = 2000s, … 8/9 = 2300s): every digit is valid.
  return Object.hasOwn(cccdProvinceCodes, value.slice(0, 3));
}

const taxCodeWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit (10th) of a 10-digit tax code from its first nine digits; null when none exists. */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (taxCodeWeights[i] as number);
  const check = 10 - (sum % 11);
  // 10 is not a digit: the tax authority never issues such a prefix.
  return check === 10 ? null : check;
}

/**
 * Mã số thuế — true for a 10-digit code with a correct mod-11 check digit, or a 13-digit branch code
 * written as 10 digits + "-" + 3 digits or as 13 digits (Circular 105/2020/TT-BTC, art. 5).
 */
export function isValidTaxCode(value: string): boolean {
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(value);
  if (!m) return false;
  const base = m[1] as string;
  if (m[2] === '000') return false;
  return taxCodeCheckDigit(base.slice(0, 9)) === Number(base[9]);
}

/** Strips spaces, dots and dashes and turns +84/84 into a leading 0. */
export function normalisePhone(value: string): string {
  const compact = value.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (/^84\d{9,10}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/**
 * True for a Vietnamese mobile number (10 digits: 03x, 05x, 07x, 08x, 09x) or landline (11 digits
 * starting 02: area code + subscriber), with or without +84, spaces, dots or dashes.
 */
export function isValidVietnamesePhone(value: string): boolean {
  const n = normalisePhone(value);
  return /^0[35789]\d{8}$/.test(n) || /^02\d{9}$/.test(n);
}
