import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { findProcedureDetail, searchProcedures } from './queries.ts';
import {
  procedureDetailQuery,
  procedureDetailResponse,
  procedureParams,
  searchProceduresQuery,
  searchProceduresResponse,
} from './routes.schema.ts';

/** Public, read-only API of the procedure catalogue (thủ tục hành chính). */
export async function proceduresRoutes(app: FastifyInstance, opts: { database: Database; provinceCode: string }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;

  r.get(
    '/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Search the procedure catalogue (accent-insensitive, typo-tolerant) with facets',
        querystring: searchProceduresQuery,
        response: { 200: searchProceduresResponse },
      },
    },
    async (request) => searchProcedures(db, opts.provinceCode, request.query),
  );

  r.get(
    '/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: 'One procedure in full: components, fees, statutory time, legal basis, form definition',
        params: procedureParams,
        querystring: procedureDetailQuery,
        response: { 200: procedureDetailResponse },
      },
    },
    async (request) => {
      const { code } = request.params;
      const found = await findProcedureDetail(db, opts.provinceCode, code, request.query.version);
      if (found.found === 'none') throw new AppError('PROCEDURE_NOT_FOUND', { code });
      if (found.found === 'procedure') throw new AppError('PROCEDURE_VERSION_NOT_FOUND', { code, version: request.query.version ?? null });
      return found.detail;
    },
  );
}
