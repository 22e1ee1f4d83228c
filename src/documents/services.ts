import type { AppConfig } from '../config.ts';
import type { Db } from '../platform/db/client.ts';
import { FileSystemObjectStore } from '../platform/object-store/filesystem.ts';
import type { ObjectStore } from '../platform/object-store/object-store.ts';
import { SigningKeys } from './signing/keys.ts';

/** What the documents use cases need: the database, the agencies' keys, the object store and the clock. */
export interface DocumentServices {
  db: Db;
  keys: SigningKeys;
  store: ObjectStore;
  /** Origin the QR codes point at (PUBLIC_URL). */
  publicUrl: string;
  provinceCode: string;
  now: () => Date;
}

/** Wires the documents module from the configuration; reads the configured signing keys now. */
export function createDocumentServices(config: AppConfig, db: Db, now: () => Date): DocumentServices {
  return {
    db,
    keys: SigningKeys.fromConfig(config, db),
    store: new FileSystemObjectStore(config.objectStoreDir),
    publicUrl: config.publicUrl,
    provinceCode: config.provinceCode,
    now,
  };
}

/** The public verification page of a document, as its QR code encodes it. */
export function verificationPageUrl(publicUrl: string, documentId: string): string {
  return `${publicUrl}/verify/${documentId}`;
}
