import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';

export interface IdentityModuleOptions {
  config: AppConfig;
  database: Database;
  now: () => Date;
}

/** Sessions, CSRF, citizen OIDC sign-in, officer sign-in and (demo mode) the sandbox VNeID. */
export async function identityModule(_app: FastifyInstance, _opts: IdentityModuleOptions): Promise<void> {
  // Filled in by the identity work.
}
