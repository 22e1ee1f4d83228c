import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

/** Health, readiness and Prometheus metrics. Each app instance has its own registry. */
export async function observabilityRoutes(
  app: FastifyInstance,
  opts: { database: Database; submissions?: { stats: Readonly<Record<'statements' | 'submissions' | 'batchesRetriedAlone', number>> } },
): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // The submission's group commit (ADR 0010): dossiers per statement, and batches written again one by one.
  const { submissions } = opts;
  if (submissions) {
    const counters = [
      ['tinhso_submission_statements_total', 'Submission write statements run', 'statements'],
      ['tinhso_submission_writes_total', 'Submissions carried by those statements', 'submissions'],
      ['tinhso_submission_batches_retried_total', 'Failed batches written again one submission at a time', 'batchesRetriedAlone'],
    ] as const;
    for (const [name, help, stat] of counters)
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(submissions.stats[stat]);
        },
      });
  }
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'http_errors_total',
    help: 'HTTP responses with status >= 500',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable',
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      if (!(await opts.database.ping())) throw new AppError('SERVICE_UNAVAILABLE', { database: opts.database.kind });
      return { status: 'ready' as const, database: opts.database.kind };
    },
  );
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
