import type { Db } from '../platform/db/client.ts';
import type { ObjectStore } from '../platform/object-store/object-store.ts';
import type { NotificationDispatcher } from '../notifications/outbox.ts';
import type { AgencyDirectory } from '../units/agency-directory.ts';
import type { CurrentCommunes } from '../units/current-communes.ts';
import type { DossierCodeFormat } from './domain/dossier-code.ts';

/** What the dossier use cases need from the platform; built once in module.ts. */
export interface DossierDeps {
  db: Db;
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
