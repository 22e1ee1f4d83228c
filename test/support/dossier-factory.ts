import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../src/platform/db/client.ts';
import { dossierComponents, dossierEvents, dossiers, type DossierRow } from '../../src/dossiers/schema.ts';
import { procedures, procedureVersions } from '../../src/procedures/schema.ts';

type NewDossier = typeof dossiers.$inferInsert;

/** A made-up dossier code that cannot clash between tests (the real format belongs to submission). */
export function testDossierCode(): string {
  return `T-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** The current version of a catalogue procedure (province 79). */
export async function currentVersion(q: Queryable, procedureCode: string): Promise<{ id: string; name: string }> {
  const [row] = await q
    .select({ id: procedureVersions.id, name: procedureVersions.name })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.code, procedureCode), eq(procedures.provinceCode, '79'), eq(procedureVersions.isCurrent, true)));
  if (!row) throw new Error(`Procedure ${procedureCode} is not in the catalogue`);
  return row;
}

/**
 * Inserts a dossier row directly, as if a citizen had just submitted it online to Phường Tam Long
 * (birth registration, status 1), with one component and its "submit" event. Tests override any column.
 */
export async function createDossier(q: Queryable, overrides: Partial<NewDossier> = {}, procedureCode = '1.001193'): Promise<DossierRow> {
  const version = await currentVersion(q, procedureCode);
  const submittedAt = overrides.submittedAt ?? new Date('2026-03-02T01:00:00Z');
  const [row] = await q
    .insert(dossiers)
    .values({
      code: testDossierCode(),
      provinceCode: '79',
      procedureVersionId: version.id,
      procedureCode,
      receivingAgencyCode: '26572-TTPVHCC',
      handlingAgencyCode: '26572-UBND',
      unitCode: '26572',
      status: 1,
      channel: 2,
      submitterKind: 'applicant',
      applicantKind: 'citizen',
      applicantIdNumber: '079090001234',
      applicantName: 'Nguyễn Văn An',
      applicantEmail: 'an@example.vn',
      isVneidVerified: true,
      formData: { childName: 'Nguyễn Minh Khôi', childBirthDate: '2026-02-20' },
      submittedAt,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('dossier not inserted');
  await q
    .insert(dossierComponents)
    .values({ dossierId: row.id, componentCode: 'TO_KHAI', name: 'Tờ khai đăng ký khai sinh', source: 'upload' });
  await q.insert(dossierEvents).values({
    dossierId: row.id,
    at: submittedAt,
    action: 'submit',
    toStatus: row.status,
    toStep: row.currentStep,
    actorKind: 'citizen',
    actorId: row.applicantCitizenId,
  });
  return row;
}
