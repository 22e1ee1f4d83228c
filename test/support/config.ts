import path from 'node:path';
import os from 'node:os';
import { loadConfig, type AppConfig } from '../../src/config.ts';

/** Configuration for tests: demo mode, quiet logs, a fixed secret, no persistence outside temp dirs. */
export function testConfig(overrides: Partial<AppConfig>): AppConfig {
  return loadConfig(
    {
      NODE_ENV: 'test',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
      DATA_DIR: path.join(os.tmpdir(), 'tinhso-test-data'),
    },
    overrides,
  );
}
