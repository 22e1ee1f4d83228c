import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot, sharedDataDir } from './platform/paths.ts';

const booleanString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Address ranges proxy-addr (Fastify's trustProxy) knows by name. */
const proxyPresets = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range (10.0.0.0/8, fd00::/8) or a preset name. */
function isProxyAddress(entry: string): boolean {
  if (proxyPresets.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY → Fastify's trustProxy: whose X-Forwarded-For to believe when taking a request's client
 * address (rate limits, audit rows, sessions, the payment gateway's client IP). `none`: clients
 * connect directly, the header is ignored; a number: that many proxy hops in front; otherwise a
 * comma-separated list of proxy addresses, CIDR ranges or presets (loopback, linklocal, uniquelocal).
 * Only the addresses a trusted proxy appended count, so a client cannot choose its own address by
 * sending the header itself.
 */
const trustProxySchema = z
  .string()
  .trim()
  .refine(
    (v) => v === 'none' || /^\d{1,2}$/.test(v) || v.split(',').every((entry) => isProxyAddress(entry.trim())),
    'none, a number of proxy hops, or a comma-separated list of proxy addresses, CIDR ranges or presets (loopback, linklocal, uniquelocal)',
  )
  .transform((v): false | number | string[] => {
    if (v === 'none') return false;
    if (/^\d{1,2}$/.test(v)) return Number(v) === 0 ? false : Number(v);
    return v.split(',').map((entry) => entry.trim());
  });

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
  /**
   * Agency signing keys: `<agencyCode>.p12` (PKCS#12) or `<agencyCode>.cert.pem` + `<agencyCode>.key.pem`,
   * plus optional `trust-anchors.pem` (ADR 0003). Required outside demo mode for agencies that sign.
   */
  SIGNING_KEYS_DIR: z.string().optional(),
  /** Passphrase of the PKCS#12 files and encrypted PEM keys in SIGNING_KEYS_DIR. */
  SIGNING_KEYS_PASSPHRASE: z.string().optional(),
  /** Payment gateway pay URL (signed redirect); defaults to the sandbox gateway in demo mode. */
  PAYMENT_GATEWAY_URL: z.string().url().optional(),
  /** The gateway's server-to-server transaction query (querydr) URL. */
  PAYMENT_GATEWAY_QUERY_URL: z.string().url().optional(),
  /** Merchant (terminal) code the gateway issued to the province (vnp_TmnCode). */
  PAYMENT_MERCHANT_CODE: z
    .string()
    .regex(/^[A-Za-z0-9]{1,20}$/)
    .optional(),
  /** The merchant's hash secret; in demo mode the sandbox's is derived from the platform secret. */
  PAYMENT_SECRET: z.string().min(16).optional(),
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
  /** Which reverse proxies' X-Forwarded-For to believe (default: one on this machine); see trustProxySchema. */
  TRUST_PROXY: trustProxySchema.default(['loopback']),
  /** Public dossier lookups allowed per client IP per minute. */
  PUBLIC_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example:587; unset in demo mode → sandbox (logged). */
  SMTP_URL: z.union([z.literal(''), z.string().url()]).optional(),
  /**
   * `after-commit` (default): the process that queued an e-mail sends it right after the commit.
   * `queue-only`: queued rows stay `pending` for a separate worker (job queue) to send.
   */
  NOTIFICATIONS_DISPATCH: z.enum(['after-commit', 'queue-only']).default('after-commit'),
  /** SMS adapter: `sandbox` logs messages instead of sending (default in demo mode); `none` fails every SMS visibly. */
  SMS_PROVIDER: z.enum(['sandbox', 'none']).optional(),
  /** Tries per notification before it is given up (the first one included). */
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  /** Wait after a notification's first failed try; it doubles after each further failure (capped at 1 h). */
  NOTIFICATION_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Sender of the platform's e-mail. */
  MAIL_FROM: z.string().default('Tỉnh số <no-reply@tinhso.local>'),
  /** Registers the bench-only baseline route (npm run bench). Never set in production. */
  BENCH: booleanString.optional(),
  /**
   * `in-process` (default): `npm start` also runs the recurring jobs (outbox, deadline alerts, rollups).
   * `off`: this process only serves requests; `npm run worker` runs the jobs (PostgreSQL server only).
   */
  JOBS: z.enum(['in-process', 'off']).default('in-process'),
  /** Seconds a citizen's session is kept in memory between requests (revoked at once on sign-out); 0 = off. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Connections each process keeps to a PostgreSQL server. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Submission writes each process runs at once; submissions arriving meanwhile wait and go together
   * in the next statement (group commit, ADR 0010).
   */
  SUBMISSION_WRITERS: z.coerce.number().int().min(1).max(64).default(2),
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
  signing: { keysDir: string | undefined; passphrase: string | undefined };
  /** Secure cookies need HTTPS; on for any https PUBLIC_URL. */
  secureCookies: boolean;
  objectStoreDir: string;
  attachments: { maxBytes: number; maxPages: number; maxPixels: number };
  dossierCodeFormat: string;
  publicLookupPerMinute: number;
  /** Whose X-Forwarded-For gives the client address (TRUST_PROXY): none, a hop count, or proxy addresses. */
  trustProxy: false | number | string[];
  /** smtpUrl undefined: the sandbox mailer in demo mode, none (notifications fail visibly) otherwise. */
  /** dispatch: default `after-commit` (see NOTIFICATIONS_DISPATCH). */
  mail: { smtpUrl: string | undefined; from: string; dispatch?: 'after-commit' | 'queue-only' };
  /** SMS adapter and the retry policy of the notification outbox. */
  notifications: { smsProvider: 'sandbox' | 'none'; maxAttempts: number; retryBaseSeconds: number };
  bench: boolean;
  /** Whether `npm start` runs the recurring jobs itself (see JOBS). */
  jobs: 'in-process' | 'off';
  /** Seconds a citizen's session is kept in memory (SessionCache); 0 = every request reads it. */
  sessionCacheSeconds: number;
  /** Connections each process keeps to a PostgreSQL server (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  /** Submission writes running at once per process (SUBMISSION_WRITERS); others wait and are batched. */
  submissionWriters: number;
  /** The online payment gateway; null when none is configured (payments then answer 503). */
  payment: PaymentConfig | null;
}

export interface PaymentConfig {
  payUrl: string;
  queryUrl: string;
  merchantCode: string;
  /** Unset for the sandbox: the payments module derives it from the platform secret. */
  secret: string | undefined;
  /** True when the platform's own sandbox gateway (/sandbox/payment-gateway) is the gateway. */
  isSandbox: boolean;
}

/** Path of the sandbox payment gateway mounted in demo mode. */
export const sandboxPaymentGatewayPath = '/sandbox/payment-gateway';

function paymentConfig(e: z.infer<typeof envSchema>, publicUrl: string, demoMode: boolean): PaymentConfig | null {
  if (e.PAYMENT_GATEWAY_URL) {
    if (!e.PAYMENT_GATEWAY_QUERY_URL || !e.PAYMENT_MERCHANT_CODE || !e.PAYMENT_SECRET)
      throw new Error('PAYMENT_GATEWAY_URL needs PAYMENT_GATEWAY_QUERY_URL, PAYMENT_MERCHANT_CODE and PAYMENT_SECRET');
    return {
      payUrl: e.PAYMENT_GATEWAY_URL,
      queryUrl: e.PAYMENT_GATEWAY_QUERY_URL,
      merchantCode: e.PAYMENT_MERCHANT_CODE,
      secret: e.PAYMENT_SECRET,
      isSandbox: false,
    };
  }
  if (!demoMode) return null;
  const base = `${publicUrl}${sandboxPaymentGatewayPath}`;
  return {
    payUrl: `${base}/pay`,
    queryUrl: `${base}/api/transaction`,
    merchantCode: e.PAYMENT_MERCHANT_CODE ?? 'TINHSO79',
    secret: e.PAYMENT_SECRET,
    isSandbox: true,
  };
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
    signing: { keysDir: e.SIGNING_KEYS_DIR ? path.resolve(e.SIGNING_KEYS_DIR) : undefined, passphrase: e.SIGNING_KEYS_PASSPHRASE },
    secureCookies: publicUrl.startsWith('https://'),
    payment: paymentConfig(e, publicUrl, demoMode),
    objectStoreDir: path.resolve(e.OBJECT_STORE_DIR ?? path.join(e.DATA_DIR, 'objects')),
    attachments: { maxBytes: e.ATTACHMENT_MAX_BYTES, maxPages: e.ATTACHMENT_MAX_PAGES, maxPixels: e.ATTACHMENT_MAX_PIXELS },
    dossierCodeFormat: e.DOSSIER_CODE_FORMAT,
    publicLookupPerMinute: e.PUBLIC_LOOKUP_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM, dispatch: e.NOTIFICATIONS_DISPATCH },
    notifications: {
      smsProvider: e.SMS_PROVIDER ?? (demoMode ? 'sandbox' : 'none'),
      maxAttempts: e.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseSeconds: e.NOTIFICATION_RETRY_BASE_SECONDS,
    },
    bench: e.BENCH ?? false,
    jobs: e.JOBS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    submissionWriters: e.SUBMISSION_WRITERS,
    ...overrides,
  };
  return config;
}
