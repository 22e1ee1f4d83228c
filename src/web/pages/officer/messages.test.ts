import { describe, expect, it } from 'vitest';
import { dossierActions, dossierStatuses } from '../../../dossiers/domain/workflow.ts';
import { defaultWorkflow } from '../../../dossiers/domain/workflow-definition.ts';
import { inboxQueues } from '../../../dossiers/officer-routes.schema.ts';
import { describeRemaining, formatWorkingTime } from './format.ts';
import { officerDictionaries, type OfficerMessageKey } from './messages.ts';
import { queueFilters } from './officer-api.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const vi = officerDictionaries.vi;
const t = (key: OfficerMessageKey, values?: Record<string, string | number>) =>
  vi[key].replace(/\{(\w+)\}/g, (_w, name: string) => String(values?.[name] ?? ''));

describe('officer page words', () => {
  it('English uses the same placeholders as Vietnamese', () => {
    for (const key of Object.keys(vi) as OfficerMessageKey[]) {
      expect(placeholders(officerDictionaries.en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('names every action, status, queue and default step the API can send', () => {
    const keys = new Set(Object.keys(vi));
    for (const action of dossierActions) expect(keys, action).toContain(`action.${action}`);
    for (const status of dossierStatuses) expect(keys).toContain(`status.${status}`);
    for (const queue of inboxQueues) expect(keys).toContain(`inbox.queue.${queue}`);
    for (const step of defaultWorkflow.steps) expect(keys).toContain(`step.${step.code}`);
    expect(queueFilters.map(([queue]) => queue)).toEqual([...inboxQueues]);
  });
});

describe('remaining working time', () => {
  it.each([
    [0, '0 phút'],
    [45, '45 phút'],
    [480, '1 ngày'],
    [630, '1 ngày 2 giờ 30 phút'],
  ])('%s working minutes → %s', (minutes, text) => {
    expect(formatWorkingTime(t, minutes, 480)).toBe(text);
  });

  it('says how much is left, how late, or that the clock is paused', () => {
    expect(describeRemaining(t, 120, 480)).toBe('Còn 2 giờ');
    expect(describeRemaining(t, -500, 480)).toBe('Quá hạn 1 ngày 20 phút');
    expect(describeRemaining(t, null, 480)).toBe('—');
    expect(describeRemaining(t, 120, 480, true)).toBe('Tạm dừng (chờ bổ sung)');
  });
});
