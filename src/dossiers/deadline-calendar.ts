import type { Queryable } from '../platform/db/client.ts';
import type { DeadlineCalendar } from './domain/deadlines.ts';
import { officeHoursCalendar } from './domain/office-hours-calendar.ts';

/**
 * The working calendar of a province for deadlines. Interim: office hours without holidays, until the
 * calendar module (holidays, make-up days, per-province hours) is merged and adapted here.
 */
export async function deadlineCalendarFor(_q: Queryable, _provinceCode: string): Promise<DeadlineCalendar> {
  return officeHoursCalendar;
}
