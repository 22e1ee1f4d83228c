import type { Db } from '../platform/db/client.ts';
import type { SubmissionWriter } from './submission-writer.ts';
import type { ObjectStore } from '../platform/object-store/object-store.ts';
import type { NotificationDispatcher } from '../notifications/outbox.ts';
import type { AgencyDirectory } from '../units/agency-directory.ts';
import type { CurrentCommunes } from '../units/current-communes.ts';
import type { DossierCodeFormat } from './domain/dossier-code.ts';
import type { CurrentVersions, SubmitQueries } from './submit-queries.ts';
import type { WorkingCalendar } from '../calendar/domain/working-calendar.ts';

/** What the dossier use cases need from the platform; built once in module.ts. */
export interface DossierDeps {
  db: Db;
  /** The submission's single write, batched under load (group commit, ADR 0010). */
  submissions: SubmissionWriter;
  /** The province's working calendar (reference data, reloaded after a minute) for appointments. */
  workingCalendar: () => Promise<WorkingCalendar>;
  /** The submission's reads, prepared once. */
  submitQueries: SubmitQueries;
  /** The current version of each procedure, kept in memory (checked again by the submission's write). */
  currentVersions: CurrentVersions;
  provinceCode: string;
  /** PUBLIC_URL, for the QR code on slips and links in e-mails. */
  publicUrl: string;
  objectStore: ObjectStore;
  communes: CurrentCommunes;
  agencies: AgencyDirectory;
  notifications: NotificationDispatcher;
  codeFormat: DossierCodeFormat;
  limits: { maxBytes: number; maxPages: number; maxPixels: number };
  now: () => Date;
}
