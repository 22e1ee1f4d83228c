import { z } from 'zod';
import { officerRoles, type OfficerRole } from '../../identity/schema.ts';

/**
 * Kind of a workflow step. The transition table speaks of kinds, so a procedure may split one kind
 * into several steps (two processing steps: thẩm định, then xác minh) without new rules:
 * reception = tiếp nhận (one-stop counter), processing = thẩm định/xử lý (specialist),
 * approval = phê duyệt (competent leader), result = ban hành kết quả, return = trả kết quả (one-stop).
 */
export const stepKinds = ['reception', 'processing', 'approval', 'result', 'return'] as const;
export type StepKind = (typeof stepKinds)[number];

/**
 * Which agency of the dossier a step is done by: the one-stop centre that received it, or the
 * competent agency that handles it (Decree 118/2025: the centre receives and returns, the agency decides).
 */
export type AgencySide = 'receiving' | 'handling';

/** The agency side of a step kind: reception and return at the one-stop centre, the rest at the handling agency. */
export function agencySideOf(kind: StepKind): AgencySide {
  return kind === 'reception' || kind === 'return' ? 'receiving' : 'handling';
}

/** Bước xử lý — one step of a procedure's workflow, with who may act and its share of the statutory time. */
export const workflowStep = z.strictObject({
  /** Stable code stored on the dossier (dossiers.current_step). */
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  kind: z.enum(stepKinds),
  name: z.string().min(2),
  nameEn: z.string().min(2),
  /** Officer roles that act at this step, at the step's agency side. */
  roles: z.array(z.enum(officerRoles)).min(1),
  /** Share of the statutory processing time allotted to the step (phiếu kiểm soát, form 05). */
  share: z.number().min(0).max(1),
});
export type WorkflowStep = z.infer<typeof workflowStep>;

const kindOrder = new Map<StepKind, number>(stepKinds.map((k, i) => [k, i]));

/** Quy trình nội bộ — the workflow of one procedure version: ordered steps whose shares add up to 1. */
export const workflowDefinition = z.strictObject({ steps: z.array(workflowStep).min(5).max(20) }).superRefine((definition, ctx) => {
  const { steps } = definition;
  const codes = new Set(steps.map((s) => s.code));
  if (codes.size !== steps.length) ctx.addIssue({ code: 'custom', message: 'step codes must be unique', path: ['steps'] });
  if (steps[0]?.kind !== 'reception') ctx.addIssue({ code: 'custom', message: 'the first step is reception', path: ['steps', 0] });
  if (steps.at(-1)?.kind !== 'return') ctx.addIssue({ code: 'custom', message: 'the last step is return', path: ['steps'] });
  for (const kind of stepKinds) {
    const count = steps.filter((s) => s.kind === kind).length;
    const isSingle = kind === 'reception' || kind === 'return' || kind === 'result';
    if (count === 0 || (isSingle && count > 1))
      ctx.addIssue({ code: 'custom', message: `${isSingle ? 'exactly' : 'at least'} one ${kind} step`, path: ['steps'] });
  }
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (previous && (kindOrder.get(step.kind) ?? 0) < (kindOrder.get(previous.kind) ?? 0))
      ctx.addIssue({ code: 'custom', message: `${step.kind} cannot come after ${previous.kind}`, path: ['steps', i] });
  });
  const total = steps.reduce((sum, s) => sum + s.share, 0);
  if (Math.abs(total - 1) > 1e-6) ctx.addIssue({ code: 'custom', message: `shares add up to ${total}, not 1`, path: ['steps'] });
});
export type WorkflowDefinition = z.infer<typeof workflowDefinition>;

/**
 * The workflow every procedure version follows unless an administrator stores its own: the one-stop
 * centre receives and returns, a specialist of the competent agency examines, its leader approves, the
 * specialist issues the result. Shares follow the usual split of a processing control sheet (form 05).
 */
export const defaultWorkflow: WorkflowDefinition = {
  steps: [
    { code: 'reception', kind: 'reception', name: 'Tiếp nhận hồ sơ', nameEn: 'Reception', roles: ['reception'], share: 0.05 },
    {
      code: 'processing',
      kind: 'processing',
      name: 'Thẩm định, xử lý hồ sơ',
      nameEn: 'Examination',
      roles: ['specialist'],
      share: 0.6,
    },
    { code: 'approval', kind: 'approval', name: 'Phê duyệt', nameEn: 'Approval', roles: ['approver', 'leader'], share: 0.2 },
    { code: 'result', kind: 'result', name: 'Ban hành kết quả', nameEn: 'Issuing the result', roles: ['specialist'], share: 0.1 },
    { code: 'return', kind: 'return', name: 'Trả kết quả', nameEn: 'Returning the result', roles: ['reception'], share: 0.05 },
  ],
};

/** The step with this code, or undefined when the workflow has none. */
export function findStep(definition: WorkflowDefinition, code: string): WorkflowStep | undefined {
  return definition.steps.find((s) => s.code === code);
}

/** The step after `code` in the workflow (undefined at the last step). */
export function nextStep(definition: WorkflowDefinition, code: string): WorkflowStep | undefined {
  const i = definition.steps.findIndex((s) => s.code === code);
  return i < 0 ? undefined : definition.steps[i + 1];
}

/** The step before `code` in the workflow (undefined at the first step). */
export function previousStep(definition: WorkflowDefinition, code: string): WorkflowStep | undefined {
  const i = definition.steps.findIndex((s) => s.code === code);
  return i <= 0 ? undefined : definition.steps[i - 1];
}

/** The position of a step in the workflow (-1 when absent). */
export function stepIndex(definition: WorkflowDefinition, code: string): number {
  return definition.steps.findIndex((s) => s.code === code);
}

/** The roles that act at a step (none for an unknown step). */
export function rolesAtStep(definition: WorkflowDefinition, code: string): readonly OfficerRole[] {
  return findStep(definition, code)?.roles ?? [];
}
