import { describe, expect, it } from 'vitest';
import { defaultWorkflow, nextStep, previousStep, workflowDefinition, type WorkflowStep } from './workflow-definition.ts';

const [reception, processing, approval, result, back] = defaultWorkflow.steps as [
  WorkflowStep,
  WorkflowStep,
  WorkflowStep,
  WorkflowStep,
  WorkflowStep,
];
const verification: WorkflowStep = { ...processing, code: 'verification', name: 'Xác minh', nameEn: 'Verification', share: 0.1 };

describe('workflowDefinition', () => {
  it('accepts the default workflow', () => {
    expect(workflowDefinition.safeParse(defaultWorkflow).success).toBe(true);
  });

  it.each([
    ['two processing steps', [reception, { ...processing, share: 0.5 }, verification, approval, result, back], true],
    [
      'two approval levels',
      [reception, processing, { ...approval, share: 0.1 }, { ...approval, code: 'approval_2', share: 0.1 }, result, back],
      true,
    ],
    ['shares that do not add up to 1', [reception, processing, approval, result, { ...back, share: 0.5 }], false],
    ['reception not first', [processing, reception, approval, result, back], false],
    ['return not last', [reception, processing, approval, back, result], false],
    ['no approval step', [reception, { ...processing, share: 0.8 }, result, back, { ...back, code: 'return_2', share: 0 }], false],
    ['a step code used twice', [reception, { ...processing, share: 0.5 }, { ...processing, share: 0.1 }, approval, result, back], false],
    ['a step nobody may act at', [reception, { ...processing, roles: [] }, approval, result, back], false],
  ] as const)('%s → %s', (_name, steps, isValid) => {
    expect(workflowDefinition.safeParse({ steps }).success).toBe(isValid);
  });
});

describe('nextStep / previousStep', () => {
  it('walk the ordered steps', () => {
    expect(nextStep(defaultWorkflow, 'reception')?.code).toBe('processing');
    expect(nextStep(defaultWorkflow, 'return')).toBeUndefined();
    expect(previousStep(defaultWorkflow, 'approval')?.code).toBe('processing');
    expect(previousStep(defaultWorkflow, 'reception')).toBeUndefined();
    expect(nextStep(defaultWorkflow, 'nowhere')).toBeUndefined();
  });
});
