import { computeAppointment } from '../../calendar/domain/appointment.ts';
import { dayMs } from '../../calendar/domain/local-time.ts';
import { workingDayLength, workingTimeBetween, type WorkingCalendar } from '../../calendar/domain/working-calendar.ts';
import type { DeadlineCalendar } from './deadlines.ts';

const minuteMs = 60_000;

/**
 * The workflow's deadlines on a province's working calendar (office hours, weekends, holidays and
 * make-up days; src/calendar). Working time is counted in whole minutes.
 */
export function deadlineCalendarOf(calendar: WorkingCalendar): DeadlineCalendar {
  const addWorkingMinutes = (from: Date, minutes: number) =>
    computeAppointment(from, Math.max(0, minutes) / 60, 'hours', calendar).appointmentAt;
  const workingMinutesBetween = (from: Date, to: Date) => Math.max(0, Math.round(workingTimeBetween(from, to, calendar) / minuteMs));
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
