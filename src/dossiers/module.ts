import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import type { ObjectStore } from '../platform/object-store/object-store.ts';
import type { NotificationDispatcher } from '../notifications/outbox.ts';
import { AgencyDirectory } from '../units/agency-directory.ts';
import { CurrentCommunes } from '../units/current-communes.ts';
import { RefreshingCache } from '../units/reference-cache.ts';
import { loadWorkingCalendar } from '../calendar/load-calendar.ts';
import type { DossierDeps } from './deps.ts';
import { parseDossierCodeFormat } from './domain/dossier-code.ts';
import { renderReceiptById } from './receipt.ts';
import { dossierRoutes } from './routes.ts';
import { CurrentVersions, prepareSubmitQueries } from './submit-queries.ts';
import type { SubmissionWriter } from './submission-writer.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { intakeRoutes } from './intake-routes.ts';
import { supplementRoutes } from './supplement-routes.ts';

export interface DossiersModuleOptions {
  config: AppConfig;
  database: Database;
  objectStore: ObjectStore;
  notifications: NotificationDispatcher;
  /** The submission's write, batched under load (ADR 0010). */
  submissions: SubmissionWriter;
  now: () => Date;
}

/** Citizen dossiers: attachments (multipart, this module only), drafts, submission, tracking, receipt slip. */
export async function dossiersModule(app: FastifyInstance, opts: DossiersModuleOptions): Promise<void> {
  const { config } = opts;
  const format = parseDossierCodeFormat(config.dossierCodeFormat);
  if (!format.ok) throw new Error(`DOSSIER_CODE_FORMAT: ${format.reason}`);
  // Administrators edit days off a few times a year; a minute's delay before submissions see it is fine.
  const workingCalendar = new RefreshingCache(() => loadWorkingCalendar(opts.database.db, config.provinceCode), 60_000);
  const submitQueries = prepareSubmitQueries(opts.database.db);
  const deps: DossierDeps = {
    db: opts.database.db,
    submissions: opts.submissions,
    submitQueries,
    currentVersions: new CurrentVersions(submitQueries, config.provinceCode),
    workingCalendar: () => workingCalendar.get(),
    provinceCode: config.provinceCode,
    publicUrl: config.publicUrl,
    objectStore: opts.objectStore,
    communes: new CurrentCommunes(opts.database.db),
    agencies: new AgencyDirectory(opts.database.db, config.provinceCode),
    notifications: opts.notifications,
    codeFormat: format.format,
    limits: config.attachments,
    now: opts.now,
  };
  opts.notifications.registerRenderer('dossier_receipt', (dossierId) => renderReceiptById(deps, dossierId));
  await app.register(multipart, { limits: { fileSize: config.attachments.maxBytes + 1, files: 1 } });
  await app.register(dossierRoutes, {
    prefix: '/api/v1',
    deps,
    publicLookupPerMinute: config.publicLookupPerMinute,
    dispatchAfterCommit: config.mail.dispatch !== 'queue-only',
  });
  const workflow = {
    db: deps.db,
    now: deps.now,
    calendarFor: deadlineCalendarFor,
    notices: { dispatcher: opts.notifications, publicUrl: config.publicUrl, dispatchAfterCommit: config.mail.dispatch !== 'queue-only' },
  };
  await app.register(intakeRoutes, { prefix: '/api/v1', deps, workflow });
  await app.register(supplementRoutes, { prefix: '/api/v1', deps, workflow });
}
