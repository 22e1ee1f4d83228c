import pg from 'pg';
import type { SessionCache } from './session-cache.ts';

/** The PostgreSQL channel a sign-out notifies with the session's token hash (see closeSession). */
export const sessionClosedChannel = 'tinhso_session_closed';

export interface RevocationListener {
  stop(): Promise<void>;
}

/**
 * Listens for sign-outs made by any process on the same PostgreSQL database and evicts them from this
 * process's session cache. The cache is suspended whenever the listening connection is down (every
 * request then reads the database) and resumes, empty, once it listens again; the connection is
 * retried with a doubling wait (0.5 s up to 30 s).
 */
export function listenForSessionRevocations(
  connectionString: string,
  cache: SessionCache,
  log: { warn(object: object, message: string): void },
): RevocationListener {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | null = null;
  let waitMs = 500;

  const connect = async (): Promise<void> => {
    if (isStopped) return;
    const c = new pg.Client({ connectionString });
    client = c;
    const lost = (error?: unknown) => {
      if (client !== c) return;
      client = null;
      cache.suspend();
      void c.end().catch(() => undefined);
      if (isStopped) return;
      log.warn({ err: error, retryInMs: waitMs }, 'session revocation channel lost: session cache suspended');
      retry = setTimeout(() => void connect(), waitMs);
      waitMs = Math.min(waitMs * 2, 30_000);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (message) => {
      if (message.channel === sessionClosedChannel && message.payload) cache.evict(message.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${sessionClosedChannel}`);
      if (client !== c) return;
      waitMs = 500;
      cache.resume();
    } catch (error) {
      lost(error);
    }
  };
  void connect();

  return {
    async stop() {
      isStopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      cache.suspend();
      await c?.end().catch(() => undefined);
    },
  };
}
