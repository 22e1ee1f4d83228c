import path from 'node:path';
import { z } from 'zod';
import { projectRoot, sharedDataDir } from './platform/paths.ts';

const booleanString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public origin of the platform, used for OIDC redirect URIs and QR links. */
  PUBLIC_URL: z.string().url().optional(),
  /** A PostgreSQL server; when unset the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(path.join(projectRoot, 'data')),
  UNITS_DATA_DIR: z.string().default(path.join(sharedDataDir, 'units')),
  /** The national portal's Decision 766 evaluation responses (samples) used by reconciliation. */
  NATIONAL_PORTAL_DATA_DIR: z.string().default(path.join(sharedDataDir, 'national-portal')),
  /** Demo mode mounts the sandbox VNeID provider and loads demo data into an empty database. */
  DEMO_MODE: booleanString.optional(),
  /** Secret for session/CSRF tokens; generated and kept under DATA_DIR in demo mode when unset. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Citizen identity provider (any standard OpenID Connect provider). Defaults to the sandbox. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().default('tinhso-web'),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid profile'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The province this deployment serves (distribution key). */
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default('79'),
});

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  unitsDataDir: string;
  nationalPortalDataDir: string;
  demoMode: boolean;
  sessionSecret: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; scopes: string };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  provinceCode: string;
  /** Secure cookies need HTTPS; on for any https PUBLIC_URL. */
  secureCookies: boolean;
}

/** Reads the configuration from environment variables (see docs/operations.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (overrides.publicUrl ?? e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const demoMode = e.DEMO_MODE ?? e.NODE_ENV !== 'production';
  const config: AppConfig = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.DATA_DIR),
    unitsDataDir: path.resolve(e.UNITS_DATA_DIR),
    nationalPortalDataDir: path.resolve(e.NATIONAL_PORTAL_DATA_DIR),
    demoMode,
    sessionSecret: e.SESSION_SECRET,
    oidc: {
      issuer: (e.OIDC_ISSUER ?? `${publicUrl}/sandbox/vneid`).replace(/\/$/, ''),
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
    },
    logLevel: e.LOG_LEVEL,
    provinceCode: e.PROVINCE_CODE,
    secureCookies: publicUrl.startsWith('https://'),
    ...overrides,
  };
  return config;
}
