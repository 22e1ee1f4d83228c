import { and, asc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { latestFormulaSet, type FormulaSet, type GroupCode } from './domain/index-766/formula-sets.ts';
import { portalEvaluationScopeSchema, type PortalEvaluationScope } from './import-portal-evaluation.schema.ts';
import { readPortalEvaluation, type PortalMetricRecord } from './portal-evaluation.ts';
import { reconcileRecords, type Reconciliation } from './reconcile-766.ts';
import { portalEvaluations } from './schema.ts';

function parseScope(scope: PortalEvaluationScope): { provinceCode: string; period: string } {
  const parsed = portalEvaluationScopeSchema.safeParse(scope);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}

/**
 * Imports the portal's five evaluation files for a province and period, replacing an earlier import
 * of the same period: every published metric and group total with its counts, score and raw JSON.
 * The files are validated before anything is written.
 */
export async function importPortalEvaluation(db: Db, dir: string, scope: PortalEvaluationScope): Promise<{ rows: number; units: number }> {
  const { provinceCode, period } = parseScope(scope);
  const records = await readPortalEvaluation(dir);
  await db.transaction(async (tx) => {
    await tx.delete(portalEvaluations).where(and(eq(portalEvaluations.provinceCode, provinceCode), eq(portalEvaluations.period, period)));
    await tx.insert(portalEvaluations).values(
      records.map((r, position) => ({
        position,
        provinceCode,
        period,
        departmentCode: r.departmentCode,
        group: r.group,
        metric: r.metric,
        numerator: r.numerator,
        denominator: r.denominator,
        ratio: r.ratio,
        publishedScore: r.published,
        maxScore: r.maxScore,
        basis: r.basis,
        raw: r.raw,
      })),
    );
  });
  return { rows: records.length, units: new Set(records.map((r) => r.departmentCode)).size };
}

/** The stored evaluation of a province and period, in the order it was imported. */
export async function listPortalEvaluation(q: Queryable, scope: PortalEvaluationScope): Promise<PortalMetricRecord[]> {
  const { provinceCode, period } = parseScope(scope);
  const rows = await q
    .select()
    .from(portalEvaluations)
    .where(and(eq(portalEvaluations.provinceCode, provinceCode), eq(portalEvaluations.period, period)))
    .orderBy(asc(portalEvaluations.position));
  return rows.map((row) => ({
    departmentCode: row.departmentCode,
    group: row.group as GroupCode,
    metric: row.metric,
    numerator: row.numerator,
    denominator: row.denominator,
    ratio: row.ratio,
    published: row.publishedScore,
    maxScore: row.maxScore,
    basis: row.basis,
    raw: row.raw,
  }));
}

/** Reconciles a stored evaluation: each published figure beside its recomputation by the engine. */
export async function reconcileStoredEvaluation(
  q: Queryable,
  scope: PortalEvaluationScope,
  formulaSet: FormulaSet = latestFormulaSet(),
): Promise<Reconciliation> {
  return reconcileRecords(await listPortalEvaluation(q, scope), formulaSet);
}
