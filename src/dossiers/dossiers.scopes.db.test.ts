import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, citizenCaller, officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { demoOfficerPassword } from '../identity/demo.ts';
import { hashPassword } from '../identity/officer-sign-in.ts';
import { officerRoleAssignments, officers } from '../identity/schema.ts';
import { auditLog, personalDataAccessLog } from '../platform/audit/schema.ts';
import { dossierEvents, dossiers, type DossierRow } from './schema.ts';

const now = new Date('2026-03-04T02:00:00Z');
let ctx: TestContext;
let dossier: DossierRow;
let refused: DossierRow;
const callers: Record<string, ApiCaller> = {};

beforeAll(async () => {
  ctx = await createTestContext({ now: () => now });
  const { db } = ctx.database;
  // A reception officer of Phường Vũng Tàu (26506): another commune of the same city.
  const [vungTau] = await db
    .insert(officers)
    .values({ username: 'tiepnhan.vungtau', fullName: 'Hồ Văn Tâm', passwordHash: await hashPassword(demoOfficerPassword) })
    .returning();
  if (!vungTau) throw new Error('officer not created');
  await db
    .insert(officerRoleAssignments)
    .values({ officerId: vungTau.id, role: 'reception', agencyCode: '26506-TTPVHCC', unitCode: '26506' });

  dossier = await createDossier(db);
  refused = await createDossier(db, { status: 3, processingEndedAt: now });
  await db.insert(dossierEvents).values({
    dossierId: refused.id,
    at: now,
    action: 'refuse',
    fromStatus: 1,
    toStatus: 3,
    actorKind: 'officer',
    reason: 'Không thuộc thẩm quyền',
    details: { slip: '03' },
  });
  callers['anonymous'] = await anonymousCaller(ctx.app);
  callers['citizen'] = await citizenCaller(ctx.app, db, now);
  callers['officer without a dossier role'] = await officerCaller(ctx.app, 'quantri.tamlong');
  callers['officer of another commune'] = await officerCaller(ctx.app, 'tiepnhan.vungtau');
  callers['reception of Tam Long'] = await officerCaller(ctx.app, 'tiepnhan.tamlong');
});
afterAll(async () => ctx.close());

type Expectation = [status: number, code: string | null];
const denied: Record<string, Expectation> = {
  anonymous: [401, 'UNAUTHENTICATED'],
  citizen: [403, 'FORBIDDEN'],
  'officer without a dossier role': [403, 'FORBIDDEN'],
};

const endpoints: [name: string, call: (who: ApiCaller) => ReturnType<ApiCaller['get']>, outOfScope: Expectation, allowed: Expectation][] = [
  ['GET /officer/inbox', (who) => who.get('/api/v1/officer/inbox'), [200, null], [200, null]],
  [
    'GET /officer/dossiers/{code}',
    (who) => who.get(`/api/v1/officer/dossiers/${dossier.code}`),
    [403, 'DOSSIER_OUT_OF_SCOPE'],
    [200, null],
  ],
  [
    'POST /officer/dossiers/{code}/actions',
    (who) =>
      who.post(`/api/v1/officer/dossiers/${dossier.code}/actions`, {
        action: 'request_supplement',
        components: [{ name: 'Giấy chứng sinh' }],
        expectedVersion: 1,
      }),
    [403, 'DOSSIER_OUT_OF_SCOPE'],
    [200, null],
  ],
  [
    'GET /officer/dossiers/{code}/slips/03',
    (who) => who.get(`/api/v1/officer/dossiers/${refused.code}/slips/03`),
    [403, 'DOSSIER_OUT_OF_SCOPE'],
    [200, null],
  ],
];

describe.each(endpoints)(`authorization of %s (${testBackend()})`, (_name, call, outOfScope, allowed) => {
  it.each(Object.entries(denied))('%s → %s', async (who, [status, code]) => {
    const res = await call(callers[who] as ApiCaller);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it(`an officer of another commune → ${outOfScope[0]} ${outOfScope[1] ?? ''}`, async () => {
    const who = callers['officer of another commune'] as ApiCaller;
    const res = await call(who);
    expect(res.statusCode).toBe(outOfScope[0]);
    if (outOfScope[1]) {
      expect(res.json().code).toBe(outOfScope[1]);
      const logged = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'dossier.access_denied'), eq(auditLog.actorId, who.id ?? '')));
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.at(-1)).toMatchObject({ actorKind: 'officer', subjectType: 'dossier' });
    } else {
      expect(JSON.stringify(res.json())).not.toContain(dossier.code);
    }
  });

  it(`the right officer → ${allowed[0]}`, async () => {
    const res = await call(callers['reception of Tam Long'] as ApiCaller);
    expect(res.statusCode, res.body).toBe(allowed[0]);
  });
});

describe(`what the scope checks leave behind (${testBackend()})`, () => {
  it('a denied action changes nothing; an allowed read is logged as personal data access', async () => {
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    expect(row?.version).toBe(2); // only the right officer's request_supplement went through
    const reads = await ctx.database.db
      .select()
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.resource, `dossier:${dossier.code}`));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorKind: 'officer', actorId: callers['reception of Tam Long']?.id, dataSubject: '079090001234' });
  });
});
