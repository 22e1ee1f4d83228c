import type { Fee } from '../../procedures/domain/procedure.ts';
export { canonicalJson } from '../../platform/canonical-json.ts';

/** Tổng phí, lệ phí — the sum of the version's fixed fees in VND; fees given only as a rule are settled later. */
export function fixedFeeTotal(fees: readonly Fee[]): number {
  return fees.reduce((sum, f) => sum + (f.amountVnd ?? 0), 0);
}

export type HandlingAgency = { ok: true; agencyCode: string; unitCode: string } | { ok: false };

/**
 * Cơ quan giải quyết — the competent agency of a dossier. Province-level procedures go to the
 * department `{province}-{agencyKind}` (79-STP). Commune-level procedures go to `{commune}-{agencyKind}`
 * (26572-UBND, 26572-CA) of the commune the applicant chose, else of the receiving centre when it is a
 * commune centre. Decree 118/2025/NĐ-CP lets any centre of the province receive a dossier, so a dossier
 * received at the province centre needs the commune named; without it there is no competent agency.
 */
export function resolveHandlingAgency(input: {
  provinceCode: string;
  procedure: { level: 'province' | 'commune'; agencyKind: string };
  receiving: { level: 'province' | 'commune'; unitCode: string };
  chosenCommuneCode: string | null;
}): HandlingAgency {
  const { procedure } = input;
  if (procedure.level === 'province')
    return { ok: true, agencyCode: `${input.provinceCode}-${procedure.agencyKind}`, unitCode: input.provinceCode };
  const commune = input.chosenCommuneCode ?? (input.receiving.level === 'commune' ? input.receiving.unitCode : null);
  if (!commune) return { ok: false };
  return { ok: true, agencyCode: `${commune}-${procedure.agencyKind}`, unitCode: commune };
}

/** An Idempotency-Key is 8–100 printable ASCII characters without spaces (a UUID fits). */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{8,100}$/.test(key);
}
