import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Database } from '../../platform/db/client.ts';

const live = '(expires_at IS NULL OR expires_at > now())';

/**
 * The sandbox keeps oidc-provider's records in the platform's database (`sandbox_oidc_entries`), so a
 * sign-in started on one app process finishes on any other, and a restart does not break one in
 * flight. Expired records are never answered; the identity purge job removes them.
 */
export function createSandboxStore(database: Database): (model: string) => Adapter {
  const run = <T extends Record<string, unknown>>(name: string, text: string, values: unknown[]) =>
    database.query<T>({ name: `sandbox-oidc.${name}`, text, values });
  const first = async (name: string, text: string, values: unknown[]): Promise<AdapterPayload | undefined> =>
    (await run<{ payload: AdapterPayload }>(name, text, values))[0]?.payload;

  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      await run(
        'upsert',
        `INSERT INTO sandbox_oidc_entries (model, id, payload, uid, user_code, grant_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int > 0 THEN now() + $7::int * interval '1 second' END)
         ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, uid = excluded.uid,
           user_code = excluded.user_code, grant_id = excluded.grant_id, expires_at = excluded.expires_at`,
        [model, id, JSON.stringify(payload), payload.uid ?? null, payload.userCode ?? null, payload.grantId ?? null, expiresIn ?? 0],
      );
    },
    find: (id) => first('find', `SELECT payload FROM sandbox_oidc_entries WHERE model = $1 AND id = $2 AND ${live}`, [model, id]),
    findByUid: (uid) =>
      first('find-by-uid', `SELECT payload FROM sandbox_oidc_entries WHERE model = $1 AND uid = $2 AND ${live} LIMIT 1`, [model, uid]),
    findByUserCode: (userCode) =>
      first('find-by-user-code', `SELECT payload FROM sandbox_oidc_entries WHERE model = $1 AND user_code = $2 AND ${live} LIMIT 1`, [
        model,
        userCode,
      ]),
    async consume(id) {
      await run(
        'consume',
        `UPDATE sandbox_oidc_entries SET payload = payload || jsonb_build_object('consumed', floor(extract(epoch FROM now()))::bigint)
         WHERE model = $1 AND id = $2`,
        [model, id],
      );
    },
    async destroy(id) {
      await run('destroy', 'DELETE FROM sandbox_oidc_entries WHERE model = $1 AND id = $2', [model, id]);
    },
    async revokeByGrantId(grantId) {
      await run('revoke', 'DELETE FROM sandbox_oidc_entries WHERE grant_id = $1', [grantId]);
    },
  });
}

/** Removes the sandbox's expired records; returns how many. */
export async function purgeExpiredSandboxEntries(database: Database): Promise<number> {
  const rows = await database.query<{ n: number }>({
    name: 'sandbox-oidc.purge',
    text: 'WITH gone AS (DELETE FROM sandbox_oidc_entries WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone',
    values: [],
  });
  return rows[0]?.n ?? 0;
}
