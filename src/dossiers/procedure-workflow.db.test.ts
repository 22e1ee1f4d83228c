import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerCaller } from '../../test/support/api-caller.ts';
import { createDossier, currentVersion } from '../../test/support/dossier-factory.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { defaultWorkflow, type WorkflowStep } from './domain/workflow-definition.ts';
import { setProcedureWorkflow, workflowOfVersion } from './procedure-workflow.ts';

const now = new Date('2026-03-04T02:00:00Z');
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: () => now });
});
afterAll(async () => ctx.close());

const system = { kind: 'system' as const, id: null };
const [reception, processing, approval, result, back] = defaultWorkflow.steps as [
  WorkflowStep,
  WorkflowStep,
  WorkflowStep,
  WorkflowStep,
  WorkflowStep,
];

describe(`workflow per procedure version (${testBackend()})`, () => {
  it('a version without its own workflow follows the default one', async () => {
    const version = await currentVersion(ctx.database.db, '1.000894');
    expect(await workflowOfVersion(ctx.database.db, version.id)).toEqual({ definition: defaultWorkflow, isDefault: true });
  });

  it('an invalid definition is refused with WORKFLOW_INVALID and its issues', async () => {
    const version = await currentVersion(ctx.database.db, '1.000894');
    await expect(setProcedureWorkflow(ctx.database.db, version.id, { steps: [reception, back] }, system)).rejects.toMatchObject({
      code: 'WORKFLOW_INVALID',
    });
  });

  it('a stored workflow with a verification step routes the dossier through it', async () => {
    const version = await currentVersion(ctx.database.db, '1.001193');
    const verification: WorkflowStep = { ...processing, code: 'verification', name: 'Xác minh', nameEn: 'Verification', share: 0.2 };
    await setProcedureWorkflow(
      ctx.database.db,
      version.id,
      { steps: [reception, { ...processing, share: 0.4 }, verification, approval, result, back] },
      system,
    );
    const d = await createDossier(ctx.database.db, {
      status: 4,
      currentStep: 'processing',
      receivedAt: now,
      appointmentAt: new Date('2026-03-06T02:00:00Z'),
    });
    const specialist = await officerCaller(ctx.app, 'chuyenvien.tamlong');
    const res = await specialist.post(`/api/v1/officer/dossiers/${d.code}/actions`, { action: 'forward', expectedVersion: 1 });
    expect(res.json()).toMatchObject({ currentStep: 'verification' });
    const view = (await specialist.get(`/api/v1/officer/dossiers/${d.code}`)).json() as { steps: { code: string; dueAt: string }[] };
    expect(view.steps.map((s) => s.code)).toEqual(['reception', 'processing', 'verification', 'approval', 'result', 'return']);
    expect(view.steps.at(-1)?.dueAt).toBe('2026-03-06T02:00:00.000Z');
  });
});
