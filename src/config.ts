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
  /** Where uploaded files live (filesystem object store); default DATA_DIR/objects. */
  OBJECT_STORE_DIR: z.string().optional(),
  /** Largest attachment accepted, in bytes (default 10 MB). */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Most pages a PDF attachment may have. */
  ATTACHMENT_MAX_PAGES: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Most pixels (width × height) an image attachment may have. */
  ATTACHMENT_MAX_PIXELS: z.coerce.number().int().min(1).max(1_000_000_000).default(40_000_000),
  /** Dossier code format (docs/dossier-codes.md), e.g. `{province}.{yymmdd}.{random6}`. */
  DOSSIER_CODE_FORMAT: z.string().default('{province}.{yymmdd}.{random6}'),
  /** Public dossier lookups allowed per client IP per minute. */
  PUBLIC_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example:587; unset in demo mode → sandbox (logged). */
  SMTP_URL: z.union([z.literal(''), z.string().url()]).optional(),
  /**
   * `after-commit` (default): the process that queued an e-mail sends it right after the commit.
   * `queue-only`: queued rows stay `pending` for a separate worker (job queue) to send.
   */
  NOTIFICATIONS_DISPATCH: z.enum(['after-commit', 'queue-only']).default('after-commit'),
  /** Sender of the platform's e-mail. */
  MAIL_FROM: z.string().default('Tỉnh số <no-reply@tinhso.local>'),
  /** Registers the bench-only baseline route (npm run bench). Never set in production. */
  BENCH: booleanString.optional(),
});

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  unitsDataDir: string;
  demoMode: boolean;
  sessionSecret: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; scopes: string };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  provinceCode: string;
  /** Secure cookies need HTTPS; on for any https PUBLIC_URL. */
  secureCookies: boolean;
  objectStoreDir: string;
  attachments: { maxBytes: number; maxPages: number; maxPixels: number };
  dossierCodeFormat: string;
  publicLookupPerMinute: number;
  /** smtpUrl undefined: the sandbox mailer in demo mode, none (notifications fail visibly) otherwise. */
  mail: { smtpUrl: string | undefined; from: string; dispatch: 'after-commit' | 'queue-only' };
  bench: boolean;
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
    objectStoreDir: path.resolve(e.OBJECT_STORE_DIR ?? path.join(e.DATA_DIR, 'objects')),
    attachments: { maxBytes: e.ATTACHMENT_MAX_BYTES, maxPages: e.ATTACHMENT_MAX_PAGES, maxPixels: e.ATTACHMENT_MAX_PIXELS },
    dossierCodeFormat: e.DOSSIER_CODE_FORMAT,
    publicLookupPerMinute: e.PUBLIC_LOOKUP_PER_MINUTE,
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM, dispatch: e.NOTIFICATIONS_DISPATCH },
    bench: e.BENCH ?? false,
    ...overrides,
  };
  return config;
}
