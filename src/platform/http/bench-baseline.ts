import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';

/**
 * BENCH ONLY (registered when BENCH=1, never in production): the bare baseline `npm run bench`
 * compares the submission route with — one request, one row inserted through the same pool and
 * the same stack (CSRF check, zod body, JSON reply), nothing else.
 */
export async function benchBaselineRoute(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const { db } = opts.database;
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS bench_rows (id bigserial PRIMARY KEY, note text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    '/bench/insert-one-row',
    {
      schema: {
        hide: true,
        body: z.strictObject({ note: z.string().max(200) }),
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const result = await db.execute<{ id: string }>(sql`INSERT INTO bench_rows (note) VALUES (${request.body.note}) RETURNING id`);
      return reply.status(201).send({ id: Number(result.rows[0]?.id ?? 0) });
    },
  );
}
