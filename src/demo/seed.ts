import type { AppConfig } from '../config.ts';
import type { Db } from '../platform/db/client.ts';
import { agencies } from '../units/schema.ts';
import { seedDemoAgencies } from './agencies.ts';
import { seedDemoIdentities } from '../identity/demo.ts';

/** Loads the demo province (HCMC, 79): agencies, officers per role and sandbox citizens, once. */
export async function seedDemoDataIfEmpty(db: Db, config: AppConfig): Promise<boolean> {
  const existing = await db.select({ code: agencies.code }).from(agencies).limit(1);
  if (existing.length > 0) return false;
  await db.transaction(async (tx) => {
    await seedDemoAgencies(tx, config.provinceCode);
    await seedDemoIdentities(tx, config);
  });
  return true;
}
