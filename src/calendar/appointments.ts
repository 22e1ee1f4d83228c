import type { Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { computeAppointment, type TimeUnit } from './domain/appointment.ts';
import { formatLocalMoment, parseMoment } from './domain/local-time.ts';
import { loadWorkingCalendar } from './load-calendar.ts';
import type { AppointmentResponse } from './routes.schema.ts';

/** Answers the appointment for a receipt time and a statutory time, with the non-working days skipped. */
export async function answerAppointment(
  q: Queryable,
  provinceCode: string,
  input: { from?: string | undefined; amount: number; unit: TimeUnit },
  now: Date,
): Promise<AppointmentResponse> {
  const from = input.from === undefined ? now.getTime() : parseMoment(input.from);
  if (from === null) throw new AppError('CALENDAR_TIME_INVALID', { from: input.from });
  const calendar = await loadWorkingCalendar(q, provinceCode);
  const { appointmentAt, skippedDays } = computeAppointment(new Date(from), input.amount, input.unit, calendar);
  return {
    from: formatLocalMoment(from),
    appointmentAt: appointmentAt.toISOString(),
    appointmentAtLocal: formatLocalMoment(appointmentAt.getTime()),
    unit: input.unit,
    amount: input.amount,
    skippedDays: skippedDays.map((d) => ({ date: d.date, reason: d.reason, name: d.nameVi, nameEn: d.nameEn })),
  };
}
