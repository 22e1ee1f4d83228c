import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { resolvePlatformSecret } from '../platform/secrets.ts';
import { citizenAuthRoutes } from './citizen-routes.ts';
import { clearSessionCookie, cookieNames } from './http.ts';
import { CitizenOidcClient } from './oidc-client.ts';
import { identityRoutes } from './routes.ts';
import { sandboxVneid } from './sandbox/routes.ts';
import { sandboxPrefix } from './sandbox/provider.ts';
import { SessionCache } from './session-cache.ts';
import { listenForSessionRevocations } from './session-revocations.ts';
import { resolveSession } from './sessions.ts';
import { constantTimeEquals, CsrfTokens, SealBox } from './tokens.ts';

export interface IdentityModuleOptions {
  config: AppConfig;
  database: Database;
  now: () => Date;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request must carry the CSRF header: unsafe methods on the platform's API and auth routes. */
function needsCsrfCheck(request: FastifyRequest): boolean {
  if (!unsafeMethods.has(request.method)) return false;
  const path = request.url.split('?', 1)[0] ?? '';
  // The sandbox provider's own endpoints (token, interaction forms) are exempt: it is a separate party.
  if (path.startsWith(`${sandboxPrefix}/`)) return false;
  // Public endpoints need no session and change nothing (e.g. checking an uploaded PDF): nothing to forge.
  if (path.startsWith('/api/v1/public/')) return false;
  return path === '/api' || path.startsWith('/api/') || path === '/auth' || path.startsWith('/auth/');
}

/** Sessions, CSRF, citizen OIDC sign-in, officer sign-in and (demo mode) the sandbox VNeID. */
export async function identityModule(app: FastifyInstance, opts: IdentityModuleOptions): Promise<void> {
  const { config, database, now } = opts;
  const secret = resolvePlatformSecret(config);
  const csrf = new CsrfTokens(secret);
  // Citizens' sessions kept between requests. Several processes may share a PostgreSQL server: the
  // cache waits for the revocation channel there; embedded PGlite has one process, which evicts itself.
  const connectionString = database.kind === 'postgres' ? database.connectionString : undefined;
  const sessionCache = new SessionCache({
    ttlMs: config.sessionCacheSeconds * 1000,
    maxEntries: 100_000,
    startSuspended: database.kind === 'postgres',
  });
  app.decorate('sessionCache', sessionCache);
  if (connectionString && config.sessionCacheSeconds > 0) {
    const revocations = listenForSessionRevocations(connectionString, sessionCache, app.log);
    app.addHook('onClose', async () => revocations.stop());
  }

  app.decorateRequest('principal', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('sessionMethod', null);

  app.addHook('onRequest', async (request, reply) => {
    if (needsCsrfCheck(request)) {
      const header = request.headers['x-csrf-token'];
      const cookie = request.cookies[cookieNames.csrf];
      const isValid = typeof header === 'string' && !!cookie && constantTimeEquals(header, cookie) && csrf.isGenuine(header);
      if (!isValid) throw new AppError('CSRF_TOKEN_INVALID');
    }
    const token = request.cookies[cookieNames.session];
    if (!token) return;
    const session = await resolveSession(database.db, token, now(), sessionCache);
    if (!session) {
      clearSessionCookie(reply, config);
      return;
    }
    request.principal = session.principal;
    request.sessionTokenHash = session.tokenHash;
    request.sessionMethod = session.method;
  });

  await app.register(identityRoutes, {
    prefix: '/api/v1',
    config,
    database,
    csrf,
    totpBox: new SealBox(secret, 'totp'),
    now,
    sessionCache,
  });
  await app.register(citizenAuthRoutes, {
    prefix: '/auth/citizen',
    config,
    database,
    oidcClient: new CitizenOidcClient(config),
    stateBox: new SealBox(secret, 'oidc-state'),
    now,
  });
  if (config.demoMode) await app.register(sandboxVneid, { prefix: sandboxPrefix, config, platformSecret: secret, database });
}

// The session hook and the request decorators must reach every module's routes, not only this plugin's.
Object.assign(identityModule, { [Symbol.for('skip-override')]: true });
