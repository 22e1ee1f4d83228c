import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number | null;
}

/**
 * The sandbox keeps its grants, codes and sessions in memory: it is a single-process test double,
 * restarts forget them, and that is fine for a sandbox.
 */
export function createSandboxStore(): (name: string) => Adapter {
  const entries = new Map<string, Entry>();
  const key = (model: string, id: string) => `${model}:${id}`;
  const live = (k: string): AdapterPayload | undefined => {
    const e = entries.get(k);
    if (!e) return undefined;
    if (e.expiresAt !== null && e.expiresAt <= Date.now()) {
      entries.delete(k);
      return undefined;
    }
    return e.payload;
  };
  const sweep = () => {
    const now = Date.now();
    for (const [k, e] of entries) if (e.expiresAt !== null && e.expiresAt <= now) entries.delete(k);
  };

  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      if (entries.size > 10_000) sweep();
      entries.set(key(model, id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
    },
    async find(id) {
      return live(key(model, id));
    },
    async findByUid(uid) {
      for (const [k, e] of entries) if (k.startsWith(`${model}:`) && e.payload.uid === uid) return live(k);
      return undefined;
    },
    async findByUserCode(userCode) {
      for (const [k, e] of entries) if (k.startsWith(`${model}:`) && e.payload.userCode === userCode) return live(k);
      return undefined;
    },
    async consume(id) {
      const e = entries.get(key(model, id));
      if (e) e.payload = { ...e.payload, consumed: Math.floor(Date.now() / 1000) };
    },
    async destroy(id) {
      entries.delete(key(model, id));
    },
    async revokeByGrantId(grantId) {
      for (const [k, e] of entries) if (e.payload.grantId === grantId) entries.delete(k);
    },
  });
}
