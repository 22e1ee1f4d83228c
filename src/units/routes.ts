import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { describeUnit, listChildUnits, listProvinces, searchUnits } from './queries.ts';
import { listAgencies, findAgency } from './agencies.ts';
import {
  agencySchema,
  listAgenciesQuery,
  listUnitsQuery,
  listUnitsResponse,
  unitDetailResponse,
  unitParams,
  unitQuery,
} from './routes.schema.ts';

/** Today's date in Vietnam (UTC+7), the default effective date. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Public, read-only API of administrative units and agencies. */
export async function unitsRoutes(app: FastifyInstance, opts: { database: Database; now: () => Date }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;

  r.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'List units: children of a parent at a date, provinces at a date, or a name search across eras',
        querystring: listUnitsQuery,
        response: { 200: listUnitsResponse },
      },
    },
    async (request) => {
      const { parent, q, limit } = request.query;
      if (q) {
        const items = await searchUnits(db, q, { at: request.query.at, limit });
        return { at: request.query.at ?? null, total: items.length, items };
      }
      const at = request.query.at ?? vietnamToday(opts.now());
      const items = parent ? await listChildUnits(db, parent, at) : await listProvinces(db, at);
      return { at, total: items.length, items };
    },
  );

  r.get(
    '/units/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit at a date (default: current, else latest) with its predecessors and successors',
        params: unitParams,
        querystring: unitQuery,
        response: { 200: unitDetailResponse },
      },
    },
    async (request) => {
      const unit = await describeUnit(db, request.params.code, request.query.at);
      if (!unit) throw new AppError('UNIT_NOT_FOUND', { code: request.params.code, at: request.query.at ?? null });
      return unit;
    },
  );

  r.get(
    '/agencies',
    {
      schema: {
        tags: ['units'],
        summary: 'Agencies (departments, People’s Committees, service centres) attached to units',
        querystring: listAgenciesQuery,
        response: { 200: z.object({ total: z.number().int(), items: z.array(agencySchema) }) },
      },
    },
    async (request) => {
      const items = await listAgencies(db, request.query);
      return { total: items.length, items };
    },
  );

  r.get(
    '/agencies/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'One agency',
        params: z.strictObject({ code: z.string().max(40) }),
        response: { 200: agencySchema },
      },
    },
    async (request) => {
      const agency = await findAgency(db, request.params.code);
      if (!agency) throw new AppError('AGENCY_NOT_FOUND', { code: request.params.code });
      return agency;
    },
  );
}
