/**
 * Mã đơn vị trên Cổng Dịch vụ công quốc gia — how the national portal names the units it evaluates:
 * `H44` a province, `H44.03` one of its agencies or communes (shared/data/national-portal/README.md).
 * The portal's files carry no names, so which of our communes or agencies a code stands for is data
 * an administrator maintains (portal_unit_mappings), never guessed.
 */

/** A portal department code, read. */
export interface PortalDepartmentCode {
  code: string;
  /** The province's own code ("H44"), the code itself for the province row. */
  provinceCode: string;
  /** True for the province row (no ".NN" part): it always stands for the province as a whole. */
  isProvince: boolean;
}

// One letter and two digits for the province; up to three ".NN" parts below it.
const portalCode = /^([A-Z][0-9]{2})((?:\.[0-9]{1,4}){0,3})$/;

/** Reads a portal department code ("H44", "H44.03", "H44.100"); null when it is not one. */
export function parsePortalDepartmentCode(text: string): PortalDepartmentCode | null {
  const match = portalCode.exec(text);
  if (!match) return null;
  const [, provinceCode = '', below = ''] = match;
  return { code: text, provinceCode, isProvince: below === '' };
}

/** Whether a portal department code is the province row (no ".NN" part). */
export function isProvinceDepartmentCode(code: string): boolean {
  return parsePortalDepartmentCode(code)?.isProvince ?? !code.includes('.');
}

/** What a portal code can be mapped onto: one of our current communes (by unit code) or one of our agencies. */
export type PortalMappingTarget = { kind: 'unit'; code: string } | { kind: 'agency'; code: string };

/** Tells a commune code (five digits, "26572") from an agency code ("26572-UBND", "79-STP"); null for neither. */
export function mappingTargetOf(text: string): PortalMappingTarget | null {
  if (/^[0-9]{5}$/.test(text)) return { kind: 'unit', code: text };
  // Agency codes are a unit code, a dash and a suffix (demo/agencies.ts); suffixes may hold Vietnamese letters (SGDĐT).
  if (/^[0-9]{2}(?:[0-9]{3})?-[\p{L}0-9]{1,20}$/u.test(text)) return { kind: 'agency', code: text };
  return null;
}
