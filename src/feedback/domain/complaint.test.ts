import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complaintActions,
  complaintStatuses,
  complaintTable,
  decideComplaint,
  findComplaintRule,
  isComplaintOverdue,
  openingDeadlines,
  type AddWorkingDays,
  type ComplaintState,
} from './complaint.ts';

// Working days without holidays for these tests: Monday–Friday only.
const addWorkingDays: AddWorkingDays = (from, days) => {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d;
};
const monday = new Date('2026-03-02T02:00:00Z');
const opened = (): ComplaintState => ({
  status: 'received',
  ...openingDeadlines(monday, addWorkingDays),
  handleBy: null,
  publishBy: null,
  handledAt: null,
  isHandledOnTime: null,
  publishedAt: null,
  isSatisfied: null,
});
const at = (days: number) => new Date(monday.getTime() + days * 86_400_000);

describe('complaint handling (phản ánh, kiến nghị)', () => {
  it('opens with 2 working days to refuse and 5 to ask for more', () => {
    const s = opened();
    expect(s.rejectBy.toISOString()).toBe('2026-03-04T02:00:00.000Z');
    expect(s.requestInfoBy.toISOString()).toBe('2026-03-09T02:00:00.000Z');
  });

  it.each([
    ['reject on day 2 is on time', 'reject', 2, true],
    ['reject on day 3 is late', 'reject', 3, false],
    ['asking for more on day 4 does not handle it', 'request_info', 4, null],
  ] as const)('%s', (_name, action, day, handledOnTime) => {
    const d = decideComplaint(opened(), { action, actor: 'agency', text: 'lý do' }, at(day), addWorkingDays);
    expect(d.ok).toBe(true);
    if (d.ok) expect(d.next.isHandledOnTime).toBe(handledOnTime);
  });

  it('accept → resolve within 15 working days → publish within 2 → rated once by the applicant', () => {
    let s = opened();
    const accept = decideComplaint(s, { action: 'accept', actor: 'agency' }, at(1), addWorkingDays);
    if (!accept.ok) throw new Error(accept.code);
    s = accept.next;
    expect(s.handleBy?.toISOString()).toBe('2026-03-24T02:00:00.000Z');
    const resolve = decideComplaint(s, { action: 'resolve', actor: 'agency', text: 'đã xử lý' }, at(22), addWorkingDays);
    if (!resolve.ok) throw new Error(resolve.code);
    expect(resolve.next).toMatchObject({ status: 'resolved', isHandledOnTime: true });
    s = resolve.next;
    const late = decideComplaint(s, { action: 'publish', actor: 'agency' }, at(30), addWorkingDays);
    expect(late.ok && late.isOnTime).toBe(false);
    const rate = decideComplaint(s, { action: 'rate', actor: 'applicant', isSatisfied: false }, at(23), addWorkingDays);
    if (!rate.ok) throw new Error(rate.code);
    expect(decideComplaint(rate.next, { action: 'rate', actor: 'applicant', isSatisfied: true }, at(24), addWorkingDays)).toEqual({
      ok: false,
      code: 'COMPLAINT_ALREADY_RATED',
    });
  });

  it('refuses the wrong side, missing texts and an overdue handling shows as overdue', () => {
    expect(decideComplaint(opened(), { action: 'accept', actor: 'applicant' }, at(1), addWorkingDays)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(decideComplaint(opened(), { action: 'reject', actor: 'agency', text: '  ' }, at(1), addWorkingDays)).toEqual({
      ok: false,
      code: 'COMPLAINT_TEXT_REQUIRED',
    });
    expect(isComplaintOverdue(opened(), at(8))).toBe(true);
    expect(isComplaintOverdue(opened(), at(1))).toBe(false);
  });

  it('no action outside the table succeeds, from any status, by anyone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...complaintStatuses),
        fc.constantFrom(...complaintActions),
        fc.constantFrom('agency' as const, 'applicant' as const),
        (status, action, actor) => {
          const state = { ...opened(), status, handleBy: at(20), publishBy: at(25) };
          const d = decideComplaint(state, { action, actor, text: 'x', isSatisfied: true }, at(1), addWorkingDays);
          const rule = findComplaintRule(action, status);
          if (!rule || rule.actor !== actor) expect(d.ok).toBe(false);
          else expect(d.ok).toBe(true);
        },
      ),
    );
    // One row per (action, status).
    const pairs = complaintTable.flatMap((r) => r.from.map((f) => `${r.action}:${f}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
