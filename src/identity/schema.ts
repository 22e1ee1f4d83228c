import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** Officer roles, scoped to agencies or units (issue 2). */
export const officerRoles = ['reception', 'specialist', 'approver', 'unit_admin', 'leader', 'system_admin'] as const;
export type OfficerRole = (typeof officerRoles)[number];

/** Cán bộ, công chức — an officer account (username + argon2 password, optional TOTP). */
export const officers = pgTable('officers', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  /** TOTP secret, encrypted with the platform secret (never stored in plain text). */
  totpSecretEnc: text('totp_secret_enc'),
  isTotpEnabled: boolean('is_totp_enabled').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Highest TOTP time-step accepted, so a code cannot be replayed. */
  lastTotpStep: integer('last_totp_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A role an officer holds in one agency (or, for province-wide roles, a unit). */
export const officerRoleAssignments = pgTable(
  'officer_role_assignments',
  {
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    role: text('role', { enum: officerRoles }).notNull(),
    /** The agency the role applies to; null for a role scoped to a whole unit. */
    agencyCode: text('agency_code').notNull().default(''),
    /** The administrative unit the role covers (province or commune code). */
    unitCode: varchar('unit_code', { length: 5 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.role, t.agencyCode, t.unitCode] })],
);

/** Công dân — a citizen known through the national identity (VNeID or any OIDC provider). */
export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Issuer + subject of the identity provider: the stable key of the account. */
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** Số CCCD / định danh cá nhân, 12 digits. */
    idNumber: varchar('id_number', { length: 12 }).notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    /** Commune code of the permanent residence, current era. */
    addressUnitCode: varchar('address_unit_code', { length: 5 }),
    /** VNeID account level (2 = identity verified in person). */
    identityLevel: integer('identity_level'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('citizens_issuer_subject').on(t.issuer, t.subject), index('citizens_id_number_idx').on(t.idNumber)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256 hash. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    principalKind: text('principal_kind', { enum: ['citizen', 'officer'] }).notNull(),
    principalId: uuid('principal_id').notNull(),
    /** How the session was opened: 'vneid' (OIDC), 'password', 'password+totp'. */
    method: text('method').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_principal_idx').on(t.principalKind, t.principalId)],
);
