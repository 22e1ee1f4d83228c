import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../platform/db/client.ts';
import { assertOfficerScope, officerOf } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { OfficerRole } from '../identity/schema.ts';
import { answerAppointment } from './appointments.ts';
import { removeCalendarDay, setCalendarDay, updateWorkingHours } from './edit-calendar.ts';
import { readCalendarYear, readWorkingHours } from './load-calendar.ts';
import {
  appointmentQuery,
  appointmentResponse,
  calendarDayBody,
  calendarYearResponse,
  dayParams,
  workingHoursBody,
  workingHoursResponse,
  yearParams,
} from './routes.schema.ts';

export interface CalendarRoutesOptions {
  database: Database;
  /** The province this deployment serves; its calendar is the one read and edited. */
  provinceCode: string;
  now: () => Date;
}

/** Working-day calendar (lịch làm việc): appointments, holidays and make-up days per year, office hours. */
export async function calendarRoutes(app: FastifyInstance, opts: CalendarRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;
  const { provinceCode } = opts;
  const province = { agencyCode: '', unitCode: provinceCode, provinceCode };

  /** preHandler: an officer holding one of the roles over the whole province (not one commune or agency). */
  const requireProvinceRole =
    (...roles: OfficerRole[]) =>
    async (request: FastifyRequest): Promise<void> => {
      assertOfficerScope(officerOf(request), province, ...roles);
    };

  r.get(
    '/calendar/appointment',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Appointment (ngày hẹn trả) for a receipt time and a statutory time, with the non-working days skipped',
        querystring: appointmentQuery,
        response: { 200: appointmentResponse },
      },
    },
    async (request) => answerAppointment(db, provinceCode, request.query, opts.now()),
  );

  r.get(
    '/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Holidays, days off and make-up working days of a year (computed defaults until an administrator edits it)',
        params: yearParams,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) => readCalendarYear(db, provinceCode, request.params.year),
  );

  r.put(
    '/calendar/years/:year/days/:date',
    {
      preHandler: requireProvinceRole('system_admin', 'unit_admin'),
      schema: {
        tags: ['calendar'],
        summary: 'Set a holiday, day off or make-up working day (province administrators)',
        params: dayParams,
        body: calendarDayBody,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) =>
      setCalendarDay(db, { provinceCode, year: request.params.year, date: request.params.date, ...request.body }, actorOf(request)),
  );

  r.delete(
    '/calendar/years/:year/days/:date',
    {
      preHandler: requireProvinceRole('system_admin', 'unit_admin'),
      schema: {
        tags: ['calendar'],
        summary: 'Remove a holiday, day off or make-up working day, a default one too (province administrators)',
        params: dayParams,
        response: { 200: calendarYearResponse },
      },
    },
    async (request) => removeCalendarDay(db, { provinceCode, year: request.params.year, date: request.params.date }, actorOf(request)),
  );

  r.get(
    '/calendar/settings',
    {
      schema: { tags: ['calendar'], summary: 'Office hours and weekly rest days of the province', response: { 200: workingHoursResponse } },
    },
    async () => readWorkingHours(db, provinceCode),
  );

  r.put(
    '/calendar/settings',
    {
      preHandler: requireProvinceRole('system_admin'),
      schema: {
        tags: ['calendar'],
        summary: 'Set the office hours of the province (system administrators)',
        body: workingHoursBody,
        response: { 200: workingHoursResponse },
      },
    },
    async (request) => updateWorkingHours(db, { provinceCode, workingPeriods: request.body.workingPeriods }, actorOf(request)),
  );
}
