import { loadWorkingCalendar } from '../calendar/load-calendar.ts';
import type { Queryable } from '../platform/db/client.ts';
import { deadlineCalendarOf } from './domain/calendar-deadlines.ts';
import type { DeadlineCalendar } from './domain/deadlines.ts';

/** The province's working calendar (holidays, make-up days and office hours as administered) for deadlines. */
export async function deadlineCalendarFor(q: Queryable, provinceCode: string): Promise<DeadlineCalendar> {
  return deadlineCalendarOf(await loadWorkingCalendar(q, provinceCode));
}
