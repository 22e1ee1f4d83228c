import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (where package.json lives). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the shared reference data (units, national-portal samples) lives beside the project. */
export const sharedDataDir = path.resolve(projectRoot, '../shared/data');
