import { eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Db, Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { defaultWorkflow, workflowDefinition, type WorkflowDefinition } from './domain/workflow-definition.ts';
import { procedureWorkflows } from './schema.ts';

/** The workflow a procedure version follows: its stored definition, or the default one. */
export async function workflowOfVersion(
  q: Queryable,
  procedureVersionId: string,
): Promise<{ definition: WorkflowDefinition; isDefault: boolean }> {
  const [row] = await q.select().from(procedureWorkflows).where(eq(procedureWorkflows.procedureVersionId, procedureVersionId));
  return row ? { definition: row.definition, isDefault: false } : { definition: defaultWorkflow, isDefault: true };
}

/**
 * Stores the workflow of a procedure version (steps, roles, shares of the statutory time) after
 * validating it; dossiers already filed under the version follow it from their next action on.
 * The change and the definition it replaced go to the audit log in the same transaction.
 */
export async function setProcedureWorkflow(db: Db, procedureVersionId: string, input: unknown, actor: Actor): Promise<WorkflowDefinition> {
  const parsed = workflowDefinition.safeParse(input);
  if (!parsed.success)
    throw new AppError('WORKFLOW_INVALID', { issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) });
  const [version] = await db
    .select({ id: procedureVersions.id })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, procedureVersionId));
  if (!version) throw new AppError('PROCEDURE_VERSION_NOT_FOUND', { procedureVersionId });
  return db.transaction(async (tx) => {
    const previous = await workflowOfVersion(tx, procedureVersionId);
    const values = {
      procedureVersionId,
      definition: parsed.data,
      updatedAt: new Date(),
      updatedBy: actor.kind === 'officer' ? actor.id : null,
    };
    await tx.insert(procedureWorkflows).values(values).onConflictDoUpdate({ target: procedureWorkflows.procedureVersionId, set: values });
    await recordAudit(tx, actor, {
      action: 'procedure.workflow_set',
      subjectType: 'procedure_version',
      subjectId: procedureVersionId,
      details: { previous: previous.isDefault ? 'default' : previous.definition, next: parsed.data },
    });
    return parsed.data;
  });
}
