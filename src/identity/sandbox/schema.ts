import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The sandbox VNeID's own records (demo mode only): oidc-provider's interactions, sessions, grants,
 * codes and tokens, each a JSON payload of its model, kept until it expires. In the database so that
 * every app process of a deployment (and a restart) continues a sign-in another one started.
 */
export const sandboxOidcEntries = pgTable(
  'sandbox_oidc_entries',
  {
    /** oidc-provider's model, e.g. "Interaction", "Session", "AuthorizationCode". */
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    uid: text('uid'),
    userCode: text('user_code'),
    grantId: text('grant_id'),
    /** Null: kept until destroyed. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('sandbox_oidc_entries_uid_idx').on(t.model, t.uid),
    index('sandbox_oidc_entries_grant_idx').on(t.grantId),
  ],
);
