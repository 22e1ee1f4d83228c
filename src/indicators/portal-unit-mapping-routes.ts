import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOfficerScope, officerOf } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { Database } from '../platform/db/client.ts';
import { listPortalUnitMappings, removePortalUnitMapping, setPortalUnitMapping } from './portal-unit-mappings.ts';
import {
  portalUnitMappingBody,
  portalUnitMappingParams,
  portalUnitMappingSchema,
  portalUnitMappingsResponse,
} from './portal-unit-mappings.schema.ts';

export interface PortalUnitMappingRoutesOptions {
  database: Database;
  provinceCode: string;
}

/** Ánh xạ mã đơn vị của Cổng DVCQG: which commune or agency each portal code stands for (the province's system administrators). */
export async function portalUnitMappingRoutes(app: FastifyInstance, opts: PortalUnitMappingRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;
  const { provinceCode } = opts;
  const province = { agencyCode: '', unitCode: provinceCode, provinceCode };
  const requireSystemAdmin = async (request: FastifyRequest): Promise<void> => {
    assertOfficerScope(officerOf(request), province, 'system_admin');
  };

  r.get(
    '/indicators/portal-unit-mappings',
    {
      preHandler: requireSystemAdmin,
      schema: {
        tags: ['indicators'],
        summary: 'The national portal’s agency and commune codes mapped onto the province’s communes and agencies (system administrators)',
        response: { 200: portalUnitMappingsResponse },
      },
    },
    async () => ({ items: await listPortalUnitMappings(db, provinceCode) }),
  );

  r.put(
    '/indicators/portal-unit-mappings/:departmentCode',
    {
      preHandler: requireSystemAdmin,
      schema: {
        tags: ['indicators'],
        summary:
          'Map a national portal code (H44.03) onto a current commune or an agency of the province, replacing an earlier mapping; audited (system administrators)',
        params: portalUnitMappingParams,
        body: portalUnitMappingBody,
        response: { 200: portalUnitMappingSchema },
      },
    },
    async (request) =>
      setPortalUnitMapping(
        db,
        { provinceCode, departmentCode: request.params.departmentCode, target: request.body.target },
        actorOf(request),
      ),
  );

  r.delete(
    '/indicators/portal-unit-mappings/:departmentCode',
    {
      preHandler: requireSystemAdmin,
      schema: {
        tags: ['indicators'],
        summary: 'Remove a national portal code’s mapping; audited (system administrators)',
        params: portalUnitMappingParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removePortalUnitMapping(db, { provinceCode, departmentCode: request.params.departmentCode }, actorOf(request));
      return reply.code(204).send(null);
    },
  );
}
