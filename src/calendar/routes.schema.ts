import { z } from 'zod';
import { calendarDayKinds } from './domain/calendar-day.ts';
import { timeUnits } from './domain/appointment.ts';

// Dates, times and amounts are checked by the domain, so that bad values get the calendar's own
// error codes (CALENDAR_TIME_INVALID, CALENDAR_DATE_INVALID, …) rather than a generic one.

export const appointmentQuery = z.strictObject({
  from: z
    .string()
    .max(40)
    .optional()
    .describe('Receipt time, ISO 8601 (2026-02-13T09:00:00+07:00); without an offset it is Vietnam time. Default: now'),
  amount: z.coerce.number().describe('Statutory time: 3, 0.5, …; months must be whole'),
  unit: z.enum(timeUnits).describe('hours and working_days count office hours; days and months are calendar time'),
});
export type AppointmentQuery = z.infer<typeof appointmentQuery>;

export const skippedDaySchema = z.object({
  date: z.string().describe('YYYY-MM-DD, Vietnam local date'),
  reason: z.enum(['weekend', 'holiday', 'day_off']),
  name: z.string().nullable().describe('Vietnamese name of the holiday or day off'),
  nameEn: z.string().nullable(),
});

export const appointmentResponse = z.object({
  from: z.string().describe('The receipt time as understood, Vietnam local time'),
  appointmentAt: z.string().describe('ISO 8601 UTC'),
  appointmentAtLocal: z.string().describe('The same moment in Vietnam local time (+07:00)'),
  unit: z.enum(timeUnits),
  amount: z.number(),
  skippedDays: z.array(skippedDaySchema),
});
export type AppointmentResponse = z.infer<typeof appointmentResponse>;

export const yearParams = z.strictObject({ year: z.coerce.number().int() });
export const dayParams = z.strictObject({ year: z.coerce.number().int(), date: z.string().max(20).describe('YYYY-MM-DD') });

export const calendarDayBody = z.strictObject({
  kind: z
    .enum(calendarDayKinds)
    .describe('holiday = ngày lễ/Tết; day_off = nghỉ bù/hoán đổi (weekday); makeup_workday = làm bù (Saturday/Sunday)'),
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
});
export type CalendarDayBody = z.infer<typeof calendarDayBody>;

export const calendarYearResponse = z.object({
  provinceCode: z.string(),
  year: z.number().int(),
  source: z.enum(['default', 'administered']).describe('default = computed; administered = edited by an administrator'),
  workingDayCount: z.number().int(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int().describe('0 = Sunday … 6 = Saturday'),
      kind: z.enum(calendarDayKinds),
      nameVi: z.string(),
      nameEn: z.string(),
    }),
  ),
});

const clockPeriod = z.strictObject({
  start: z.string().max(5).describe('HH:MM, Vietnam time'),
  end: z.string().max(5).describe('HH:MM, Vietnam time'),
});

export const workingHoursBody = z.strictObject({ workingPeriods: z.array(clockPeriod).max(10) });
export type WorkingHoursBody = z.infer<typeof workingHoursBody>;

export const workingHoursResponse = z.object({
  provinceCode: z.string(),
  source: z.enum(['default', 'administered']),
  workingPeriods: z.array(z.object({ start: z.string(), end: z.string() })),
  weekendDays: z.array(z.number().int()),
  workingDayMinutes: z.number().int(),
  utcOffset: z.literal('+07:00'),
});
