import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config.ts';

/**
 * The platform secret (session and CSRF tokens, encryption of TOTP secrets). Production must set
 * SESSION_SECRET; in demo mode one is generated once and kept in DATA_DIR so sessions survive restarts.
 */
export function resolvePlatformSecret(config: AppConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  if (!config.demoMode) throw new Error('SESSION_SECRET (at least 32 characters) must be set outside demo mode');
  const file = path.join(config.dataDir, 'platform-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
