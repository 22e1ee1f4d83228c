import type { AppConfig } from '../config.ts';
import type { Tx } from '../platform/db/client.ts';

/** Demo officers (one per role) and the sandbox citizens. Filled in by the identity work. */
export async function seedDemoIdentities(_tx: Tx, _config: AppConfig): Promise<void> {}

/** Lines printed at start: which demo accounts exist and where to click. */
export function describeDemoAccounts(): string[] {
  return [];
}
