import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { adminUnits, agencies } from '../units/schema.ts';
import { mappingTargetOf, parsePortalDepartmentCode, type PortalMappingTarget } from './domain/portal-unit-code.ts';
import { portalUnitMappings } from './schema.ts';

/**
 * Ánh xạ mã đơn vị của Cổng DVCQG — a system administrator says which of the province's current
 * communes or agencies each portal department code (H44.NN) stands for; every change is audited in
 * its own transaction. Reconciliation then shows the platform's own figure beside the portal's for
 * each mapped row.
 */

/** A mapping as shown: the portal's code and the commune or agency it stands for, with its names. */
export interface PortalUnitMapping {
  departmentCode: string;
  target: PortalMappingTarget & { name: string; nameEn: string | null };
  updatedAt: string;
}

/** The portal code, checked: an agency or commune code (H44.NN); the province row needs no mapping. */
function departmentCodeOf(text: string): string {
  const parsed = parsePortalDepartmentCode(text);
  if (!parsed || parsed.isProvince) throw new AppError('PORTAL_DEPARTMENT_CODE_INVALID', { departmentCode: text });
  return parsed.code;
}

/** Names of the province's current communes and agencies among the targets, keyed `kind|code`. */
async function targetNames(
  q: Queryable,
  provinceCode: string,
  targets: readonly PortalMappingTarget[],
): Promise<Map<string, { name: string; nameEn: string | null }>> {
  const unitCodes = targets.filter((t) => t.kind === 'unit').map((t) => t.code);
  const agencyCodes = targets.filter((t) => t.kind === 'agency').map((t) => t.code);
  const [units, named] = await Promise.all([
    unitCodes.length === 0
      ? []
      : q
          .select({ code: adminUnits.code, name: adminUnits.fullName, nameEn: adminUnits.fullNameEn })
          .from(adminUnits)
          .where(
            and(
              inArray(adminUnits.code, unitCodes),
              eq(adminUnits.level, 'commune'),
              eq(adminUnits.provinceCode, provinceCode),
              isNull(adminUnits.validTo),
            ),
          ),
    agencyCodes.length === 0
      ? []
      : q
          .select({ code: agencies.code, name: agencies.name, nameEn: agencies.nameEn })
          .from(agencies)
          .where(and(inArray(agencies.code, agencyCodes), eq(agencies.provinceCode, provinceCode))),
  ]);
  return new Map([
    ...units.map((u) => [`unit|${u.code}`, { name: u.name, nameEn: u.nameEn }] as const),
    ...named.map((a) => [`agency|${a.code}`, { name: a.name, nameEn: a.nameEn }] as const),
  ]);
}

/** The province's mappings, by portal code; a target since removed from the units or agencies keeps its code as its name. */
export async function listPortalUnitMappings(q: Queryable, provinceCode: string): Promise<PortalUnitMapping[]> {
  const rows = await q
    .select()
    .from(portalUnitMappings)
    .where(eq(portalUnitMappings.provinceCode, provinceCode))
    .orderBy(asc(portalUnitMappings.departmentCode));
  const names = await targetNames(
    q,
    provinceCode,
    rows.map((r) => ({ kind: r.targetKind, code: r.targetCode })),
  );
  return rows.map((r) => {
    const named = names.get(`${r.targetKind}|${r.targetCode}`);
    return {
      departmentCode: r.departmentCode,
      target: { kind: r.targetKind, code: r.targetCode, name: named?.name ?? r.targetCode, nameEn: named?.nameEn ?? null },
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/**
 * Maps a portal code (H44.NN) onto one of the province's current communes (5-digit code) or agencies
 * (agency code), replacing an earlier mapping of the code. Bad codes are refused before anything is
 * written; the change and what it replaced are audited in the same transaction.
 */
export async function setPortalUnitMapping(
  db: Db,
  input: { provinceCode: string; departmentCode: string; target: string },
  actor: Actor,
): Promise<PortalUnitMapping> {
  const departmentCode = departmentCodeOf(input.departmentCode);
  const target = mappingTargetOf(input.target);
  if (!target) throw new AppError('PORTAL_MAPPING_TARGET_UNKNOWN', { target: input.target });
  return db.transaction(async (tx) => {
    const named = (await targetNames(tx, input.provinceCode, [target])).get(`${target.kind}|${target.code}`);
    if (!named) throw new AppError('PORTAL_MAPPING_TARGET_UNKNOWN', { target: input.target, kind: target.kind });
    const key = and(eq(portalUnitMappings.provinceCode, input.provinceCode), eq(portalUnitMappings.departmentCode, departmentCode));
    const [before] = await tx.select().from(portalUnitMappings).where(key).for('update');
    const after = { targetKind: target.kind, targetCode: target.code };
    const [row] = await tx
      .insert(portalUnitMappings)
      .values({ provinceCode: input.provinceCode, departmentCode, ...after })
      .onConflictDoUpdate({
        target: [portalUnitMappings.provinceCode, portalUnitMappings.departmentCode],
        set: { ...after, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'indicators.portal_mapping.set',
      subjectType: 'portal_unit_mapping',
      subjectId: `${input.provinceCode}:${departmentCode}`,
      details: { before: before ? { targetKind: before.targetKind, targetCode: before.targetCode } : null, after },
    });
    return { departmentCode, target: { ...target, ...named }, updatedAt: (row?.updatedAt ?? new Date()).toISOString() };
  });
}

/** Removes a portal code's mapping (404 when it has none); audited in the same transaction. */
export async function removePortalUnitMapping(
  db: Db,
  input: { provinceCode: string; departmentCode: string },
  actor: Actor,
): Promise<void> {
  const departmentCode = departmentCodeOf(input.departmentCode);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(portalUnitMappings)
      .where(and(eq(portalUnitMappings.provinceCode, input.provinceCode), eq(portalUnitMappings.departmentCode, departmentCode)))
      .returning();
    if (!removed) throw new AppError('PORTAL_MAPPING_NOT_FOUND', { departmentCode });
    await recordAudit(tx, actor, {
      action: 'indicators.portal_mapping.remove',
      subjectType: 'portal_unit_mapping',
      subjectId: `${input.provinceCode}:${departmentCode}`,
      details: { before: { targetKind: removed.targetKind, targetCode: removed.targetCode } },
    });
  });
}
