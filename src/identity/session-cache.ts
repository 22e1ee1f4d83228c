import type { ActiveSession } from './sessions.ts';

export interface SessionCacheOptions {
  /** How long a resolved session is kept; 0 keeps nothing. */
  ttlMs: number;
  /** At most this many sessions; the oldest goes first. */
  maxEntries: number;
  /** Suspended until the revocation channel listens (a PostgreSQL server shared by several processes). */
  startSuspended: boolean;
  /** Monotonic milliseconds (tests move it); the session's own expiry uses the platform's clock. */
  clock?: () => number;
}

/**
 * Citizens' live sessions kept in memory for a few seconds, so that a signed-in citizen's requests do
 * not each read the session and the citizen: one query, about a tenth of a submission's CPU (npm run
 * bench). Only citizen sessions are kept: an officer's roles and deactivation take effect on the next
 * request. A kept session is given only before its own expiry.
 *
 * Revocation: a sign-out evicts the session here at once and, through PostgreSQL's NOTIFY, in every
 * other process (`session-revocations.ts`); while that channel is not listening the cache is suspended
 * and every request reads the database. A lookup that started before an eviction keeps nothing (the
 * `epoch` it read is stale), so a session signed out during a concurrent read is never kept.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: ActiveSession; keptUntil: number }>();
  readonly #options: SessionCacheOptions;
  readonly #clock: () => number;
  #isSuspended: boolean;
  #epoch = 0;

  constructor(options: SessionCacheOptions) {
    this.#options = options;
    this.#clock = options.clock ?? (() => performance.now());
    this.#isSuspended = options.startSuspended;
  }

  /** Changes at every eviction and suspension: read it before a lookup and hand it to `keep`. */
  get epoch(): number {
    return this.#epoch;
  }

  get isSuspended(): boolean {
    return this.#isSuspended;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The kept session for a token hash, if kept less than the TTL ago and not expired at `now`. */
  get(tokenHash: string, now: Date): ActiveSession | undefined {
    if (this.#isSuspended) return undefined;
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.#clock() < entry.keptUntil && now.getTime() < entry.session.expiresAt.getTime()) return entry.session;
    this.#entries.delete(tokenHash);
    return undefined;
  }

  /** Keeps a citizen's session read from the database, unless something was evicted since `epoch`. */
  keep(session: ActiveSession, epoch: number): void {
    if (this.#isSuspended || epoch !== this.#epoch || this.#options.ttlMs <= 0 || session.principal.kind !== 'citizen') return;
    this.#entries.delete(session.tokenHash);
    if (this.#entries.size >= this.#options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(session.tokenHash, { session, keptUntil: this.#clock() + this.#options.ttlMs });
  }

  /** Forgets one session (signed out here or in another process). */
  evict(tokenHash: string): void {
    this.#epoch++;
    this.#entries.delete(tokenHash);
  }

  /** Stops keeping and forgets everything: revocations may be missed (the channel is down). */
  suspend(): void {
    this.#epoch++;
    this.#isSuspended = true;
    this.#entries.clear();
  }

  /** Keeps sessions again once revocations are heard (starting empty: some may have been missed). */
  resume(): void {
    this.#epoch++;
    this.#entries.clear();
    this.#isSuspended = false;
  }
}
