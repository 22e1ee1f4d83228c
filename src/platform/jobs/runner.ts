import { PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';

/** A job that runs every few seconds, wherever the platform runs (safe to run concurrently and to repeat). */
export interface RecurringJob {
  /** Queue name, e.g. "indicators-apply-rollups". */
  name: string;
  everySeconds: number;
  run(): Promise<unknown>;
}

export interface JobRunner {
  kind: 'pg-boss' | 'interval';
  stop(): Promise<void>;
}

export interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Starts the recurring jobs. On a PostgreSQL server they go through pg-boss in the same database: a
 * "stately" queue per job (at most one waiting and one running, across every app process), a
 * throttled send every `everySeconds` from each process and a cron backstop every minute, so the
 * job keeps running while any process is up and never twice at once. On embedded PGlite (one
 * process, one connection) the same functions run on a timer instead, one at a time.
 */
export async function startJobRunner(
  database: Database,
  databaseUrl: string | undefined,
  jobs: readonly RecurringJob[],
  log: JobLog,
): Promise<JobRunner> {
  const timers: NodeJS.Timeout[] = [];
  if (database.kind === 'pglite' || !databaseUrl) {
    for (const job of jobs) {
      let isRunning = false;
      const tick = async () => {
        if (isRunning) return;
        isRunning = true;
        try {
          await job.run();
        } catch (error) {
          log.error({ err: error, job: job.name }, 'recurring job failed');
        } finally {
          isRunning = false;
        }
      };
      timers.push(setInterval(() => void tick(), job.everySeconds * 1000));
    }
    log.info({ jobs: jobs.map((j) => j.name) }, 'recurring jobs on timers (embedded database)');
    return {
      kind: 'interval',
      async stop() {
        timers.forEach(clearInterval);
      },
    };
  }

  const boss = new PgBoss({ connectionString: databaseUrl, max: 2 });
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { policy: 'stately', retryLimit: 0, expireInSeconds: 600 });
    await boss.work(job.name, { pollingIntervalSeconds: Math.max(0.5, job.everySeconds / 2) }, async () => {
      await job.run();
    });
    await boss.schedule(job.name, '* * * * *');
    const send = () =>
      void boss
        .sendThrottled(job.name, null, null, job.everySeconds)
        .catch((error: unknown) => log.error({ err: error, job: job.name }, 'could not queue job'));
    send();
    timers.push(setInterval(send, job.everySeconds * 1000));
  }
  log.info({ jobs: jobs.map((j) => j.name) }, 'recurring jobs on pg-boss');
  return {
    kind: 'pg-boss',
    async stop() {
      timers.forEach(clearInterval);
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
