import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenCaller } from '../../test/support/api-caller.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { issuedDocuments, storeDocuments } from '../documents/schema.ts';
import { createDocumentServices, type DocumentServices } from '../documents/services.ts';
import { seedDemoStore } from './store.ts';

const clock = new Date();
let ctx: TestContext;
let services: DocumentServices;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  services = createDocumentServices(ctx.config, ctx.database.db, () => clock);
});
afterAll(async () => ctx.close());

describe(`demo store seed (${testBackend()})`, () => {
  it('gives Nguyễn Văn An one valid signed birth extract that 2.000635 offers for reuse, once', async () => {
    const first = await seedDemoStore(services);
    expect(first.isNew).toBe(true);
    const again = await seedDemoStore(services);
    expect(again).toEqual({ storeDocumentId: first.storeDocumentId, isNew: false });
    const held = await ctx.database.db.select().from(storeDocuments).where(eq(storeDocuments.ownerIdNumber, '079090001234'));
    expect(held).toHaveLength(1);

    const citizen = await citizenCaller(ctx.app, ctx.database.db, clock);
    const reusable = (await citizen.get('/api/v1/procedures/2.000635/reusable-documents')).json() as {
      documents: { id: string; componentCode: string }[];
    };
    expect(reusable.documents).toEqual([expect.objectContaining({ id: first.storeDocumentId, componentCode: 'BAN_SAO_GIAY_KHAI_SINH' })]);
  });

  it('issues a new one when the held one was revoked', async () => {
    const held = await seedDemoStore(services);
    const [row] = await ctx.database.db.select().from(storeDocuments).where(eq(storeDocuments.id, held.storeDocumentId));
    await ctx.database.db
      .update(issuedDocuments)
      .set({ revokedAt: clock, revocationReason: 'test' })
      .where(eq(issuedDocuments.id, row?.issuedDocumentId ?? ''));
    const next = await seedDemoStore(services);
    expect(next.isNew).toBe(true);
    expect(next.storeDocumentId).not.toBe(held.storeDocumentId);
  });
});
