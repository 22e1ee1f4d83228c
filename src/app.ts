import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.ts';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.ts';
import type { Database } from './platform/db/client.ts';
import { installErrorHandling, sendFrameworkError } from './platform/http/errors.ts';
import { installInputLimits } from './platform/http/input-limits.ts';
import { observabilityRoutes } from './platform/http/observability.ts';
import { unitsRoutes } from './units/routes.ts';
import { proceduresRoutes } from './procedures/routes.ts';
import { procedureAdminRoutes } from './procedures/admin-routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { dashboardRoutes } from './indicators/dashboard/routes.ts';
import { portalUnitMappingRoutes } from './indicators/portal-unit-mapping-routes.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { identityModule } from './identity/module.ts';
import { paymentsModule } from './payments/module.ts';
import { webApp } from './web/serve.ts';
import { documentsRoutes } from './documents/routes.ts';
import { createDocumentServices } from './documents/services.ts';
import { officerDossierRoutes } from './dossiers/officer-routes.ts';
import { deadlineCalendarFor } from './dossiers/deadline-calendar.ts';
import { FileSystemObjectStore } from './platform/object-store/filesystem.ts';
import type { ObjectStore } from './platform/object-store/object-store.ts';
import { createMailer, type Mailer } from './notifications/mailer.ts';
import { NotificationDispatcher } from './notifications/outbox.ts';
import { createSmsSender, type SmsSender } from './notifications/sms.ts';
import { dossiersModule } from './dossiers/module.ts';
import { SubmissionWriter } from './dossiers/submission-writer.ts';
import { benchBaselineRoute } from './platform/http/bench-baseline.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends queued notifications after commit; `idle()` waits for them (tests, shutdown). */
    notifications: NotificationDispatcher;
    /** The submission's batched write (ADR 0010); its `stats` say how many statements carried how many dossiers. */
    submissions: SubmissionWriter;
  }
}

export interface AppDeps {
  config: AppConfig;
  database: Database;
  /** Pino logger options; tests pass `false` to keep output quiet. */
  logger?: boolean | { level: string };
  /** The current time, so tests can move the clock. */
  now?: () => Date;
  /** Where files go; default the filesystem under config.objectStoreDir. */
  objectStore?: ObjectStore;
  /** How e-mail leaves; default from config (SMTP_URL, or the sandbox in demo mode). */
  mailer?: Mailer;
  /** How SMS leave; default from config (SMS_PROVIDER). */
  sms?: SmsSender;
  /** How the submission's batched write reaches the database; default database.query (tests hold it to form a batch). */
  submissionQuery?: Database['query'];
}

/** Largest JSON body accepted anywhere; uploads have their own limits. */
const jsonBodyLimit = 1024 * 1024;

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** Builds the whole platform as one Fastify app: API, sandbox identity provider and web app. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    bodyLimit: jsonBodyLimit,
    // A hop count trusts that many proxies nearest the server (as Fastify does with a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: sendFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installInputLimits(app);

  await app.register(cookie);
  // Security headers on every answer, the middleware built once: @fastify/helmet built it afresh for
  // each request, about 5 % of a submission's CPU (npm run bench).
  const securityHeaders = helmet({
    // The web app, swagger-ui and the sandbox login page are served from this origin only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: null,
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  // Counters in the database: the limits hold across every app process of the deployment.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.database) });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tỉnh số API',
        version: '1',
        description: 'Online public services, one-stop back office and indicators of a Vietnamese province.',
      },
      servers: [{ url: config.publicUrl }],
      tags: [
        { name: 'operations', description: 'Health and readiness' },
        { name: 'units', description: 'Administrative units and agencies (effective-dated)' },
        { name: 'procedures', description: 'Procedure catalogue (thủ tục hành chính): search, versions, form definitions' },
        { name: 'identity', description: 'Sign-in for citizens (OpenID Connect) and officers' },
        { name: 'documents', description: 'Signed results: public verification (by id or by uploading the PDF) and revocation' },
        { name: 'calendar', description: 'Working-day calendar: appointments, holidays and make-up days, office hours' },
        { name: 'payments', description: 'Fee obligations and online payment through the gateway (signed redirect + IPN)' },
        {
          name: 'dossiers',
          description: 'Dossiers: citizen submission, tracking, receipt slip; one-stop back office: inbox, actions, slips',
        },
        { name: 'indicators', description: 'Leaders’ dashboard: Decision 766 index, KPIs, rankings, drill-down to dossiers, exports' },
        { name: 'feedback', description: 'Satisfaction votes and complaints/petitions (phản ánh, kiến nghị) about dossiers' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const submissions = new SubmissionWriter(
    deps.submissionQuery ?? ((statement) => deps.database.query(statement)),
    config.submissionWriters,
  );
  app.decorate('submissions', submissions);
  await app.register(observabilityRoutes, { database: deps.database, submissions });
  await app.register(identityModule, { config, database: deps.database, now: deps.now ?? (() => new Date()) });
  await app.register(unitsRoutes, { prefix: '/api/v1', database: deps.database, now: deps.now ?? (() => new Date()) });
  await app.register(proceduresRoutes, { prefix: '/api/v1', database: deps.database, provinceCode: config.provinceCode });
  await app.register(procedureAdminRoutes, { prefix: '/api/v1', database: deps.database, provinceCode: config.provinceCode });
  const documents = createDocumentServices(config, deps.database.db, deps.now ?? (() => new Date()));
  await app.register(documentsRoutes, { prefix: '/api/v1', services: documents });
  const now = deps.now ?? (() => new Date());
  const mailer = deps.mailer ?? createMailer(config.mail, config.demoMode, app.log);
  const notifications = new NotificationDispatcher({
    db: deps.database.db,
    mailer,
    sms: deps.sms ?? createSmsSender(config.notifications.smsProvider, app.log),
    from: config.mail.from,
    log: app.log,
    now,
    concurrency: 1,
    retry: {
      maxAttempts: config.notifications.maxAttempts,
      baseDelaySeconds: config.notifications.retryBaseSeconds,
      maxDelaySeconds: 3600,
    },
  });
  app.decorate('notifications', notifications);
  app.addHook('onClose', async () => {
    await notifications.idle();
    await mailer.close();
  });
  await app.register(officerDossierRoutes, {
    prefix: '/api/v1',
    database: deps.database,
    now: deps.now ?? (() => new Date()),
    calendarFor: deadlineCalendarFor,
    provinceCode: config.provinceCode,
    publicUrl: config.publicUrl,
    documents,
    notifications,
    dispatchAfterCommit: config.mail.dispatch !== 'queue-only',
  });
  await app.register(calendarRoutes, {
    prefix: '/api/v1',
    database: deps.database,
    provinceCode: config.provinceCode,
    now: deps.now ?? (() => new Date()),
  });
  await app.register(paymentsModule, { config, database: deps.database, now: deps.now ?? (() => new Date()) });

  await app.register(dossiersModule, {
    config,
    database: deps.database,
    submissions,
    objectStore: deps.objectStore ?? new FileSystemObjectStore(config.objectStoreDir),
    notifications,
    now,
  });
  if (config.bench) await app.register(benchBaselineRoute, { prefix: '/api/v1', database: deps.database });
  await app.register(dashboardRoutes, {
    prefix: '/api/v1',
    database: deps.database,
    provinceCode: config.provinceCode,
    unitsDataDir: config.unitsDataDir,
    now: deps.now ?? (() => new Date()),
  });
  await app.register(feedbackRoutes, { prefix: '/api/v1', database: deps.database, now: deps.now ?? (() => new Date()) });
  await app.register(portalUnitMappingRoutes, { prefix: '/api/v1', database: deps.database, provinceCode: config.provinceCode });
  await app.register(webApp, { provinceCode: config.provinceCode });
  return app;
}
