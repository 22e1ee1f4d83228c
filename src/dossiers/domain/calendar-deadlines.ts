import { computeAppointment } from '../../calendar/domain/appointment.ts';
import { dayMs, dayOfMoment, vietnamUtcOffsetMs } from '../../calendar/domain/local-time.ts';
import { isWorkingDay, workingDayLength, workingTimeBetween, type WorkingCalendar } from '../../calendar/domain/working-calendar.ts';
import type { DeadlineCalendar } from './deadlines.ts';

const minuteMs = 60_000;

/**
 * The workflow's deadlines on a province's working calendar (office hours, weekends, holidays and
 * make-up days; src/calendar). Working time is counted in whole minutes.
 */
export function deadlineCalendarOf(calendar: WorkingCalendar): DeadlineCalendar {
  const addWorkingMinutes = (from: Date, minutes: number) =>
    computeAppointment(from, Math.max(0, minutes) / 60, 'hours', calendar).appointmentAt;
  // Whole local days in between are counted a day at a time, not period by period: an inbox page of
  // dossiers overdue for a year walked ~500 office periods each (≈ 0.5 ms a dossier).
  // Every working day has the same office hours.
  const dayLength = workingDayLength(calendar);
  const workOfDay = (midnight: number) => (isWorkingDay(dayOfMoment(midnight), calendar) ? dayLength : 0);
  const workingMsBetween = (from: number, to: number): number => {
    if (to <= from) return 0;
    const firstMidnight = Math.floor((from + vietnamUtcOffsetMs) / dayMs) * dayMs - vietnamUtcOffsetMs + dayMs;
    if (to <= firstMidnight + dayMs) return workingTimeBetween(new Date(from), new Date(to), calendar);
    let total = workingTimeBetween(new Date(from), new Date(firstMidnight), calendar);
    let midnight = firstMidnight;
    for (; midnight + dayMs <= to; midnight += dayMs) total += workOfDay(midnight);
    return total + workingTimeBetween(new Date(midnight), new Date(to), calendar);
  };
  const workingMinutesBetween = (from: Date, to: Date) =>
    Math.max(0, Math.round(workingMsBetween(from.getTime(), to.getTime()) / minuteMs));
  return {
    minutesPerWorkingDay: Math.round(workingDayLength(calendar) / minuteMs),
    computeAppointment: (from, time) => computeAppointment(from, time.amount, time.unit, calendar).appointmentAt,
    workingMinutesBetween,
    addWorkingMinutes,
    extendByPause(appointmentAt, pause, unit) {
      // Working units lose the office hours the pause covered; calendar units its whole length.
      if (unit === 'hours' || unit === 'working_days')
        return addWorkingMinutes(appointmentAt, workingMinutesBetween(pause.start, pause.end));
      return computeAppointment(appointmentAt, Math.max(0, pause.end.getTime() - pause.start.getTime()) / dayMs, 'days', calendar)
        .appointmentAt;
    },
  };
}
