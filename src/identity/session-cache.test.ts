import { describe, expect, it } from 'vitest';
import type { CitizenPrincipal, OfficerPrincipal } from './principal.ts';
import { SessionCache } from './session-cache.ts';
import type { ActiveSession } from './sessions.ts';

const citizen: CitizenPrincipal = {
  kind: 'citizen',
  id: 'c-1',
  fullName: 'Nguyễn Văn An',
  idNumber: '079090001234',
  idNumberMasked: '079******234',
  birthDate: '1990-05-12',
  addressUnitCode: '26572',
  identityLevel: 2,
  email: null,
  phone: null,
};
const officer: OfficerPrincipal = { kind: 'officer', id: 'o-1', username: 'canbo', fullName: 'Cán bộ', roles: [], isTotpEnabled: false };
const now = new Date('2026-11-21T10:00:00Z');
const session = (tokenHash: string, principal: ActiveSession['principal'] = citizen, expiresAt = new Date('2026-11-21T12:00:00Z')) => ({
  tokenHash,
  method: 'vneid',
  expiresAt,
  principal,
});

/** A cache on a clock the test moves (milliseconds). */
function cacheAt(options: { ttlMs?: number; maxEntries?: number; startSuspended?: boolean } = {}) {
  let t = 0;
  const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 100, startSuspended: false, ...options, clock: () => t });
  return { cache, advance: (ms: number) => (t += ms) };
}

describe('SessionCache', () => {
  it('gives a kept citizen session until the TTL, then nothing', () => {
    const { cache, advance } = cacheAt();
    cache.keep(session('a'), cache.epoch);
    expect(cache.get('a', now)?.principal.id).toBe('c-1');
    advance(29_999);
    expect(cache.get('a', now)).toBeDefined();
    advance(1);
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never gives a session past its own expiry', () => {
    const { cache } = cacheAt();
    cache.keep(session('a', citizen, new Date('2026-11-21T10:00:05Z')), cache.epoch);
    expect(cache.get('a', new Date('2026-11-21T10:00:04Z'))).toBeDefined();
    expect(cache.get('a', new Date('2026-11-21T10:00:05Z'))).toBeUndefined();
  });

  it('keeps no officer session: roles and deactivation take effect on the next request', () => {
    const { cache } = cacheAt();
    cache.keep(session('o', officer), cache.epoch);
    expect(cache.get('o', now)).toBeUndefined();
  });

  it('forgets a session on eviction, and keeps nothing read before an eviction', () => {
    const { cache } = cacheAt();
    cache.keep(session('a'), cache.epoch);
    const before = cache.epoch;
    cache.evict('a');
    expect(cache.get('a', now)).toBeUndefined();
    // A lookup that began before the sign-out read the session while it still existed.
    cache.keep(session('a'), before);
    expect(cache.get('a', now)).toBeUndefined();
    cache.keep(session('a'), cache.epoch);
    expect(cache.get('a', now)).toBeDefined();
  });

  it('keeps nothing while suspended, and resumes empty', () => {
    const { cache } = cacheAt({ startSuspended: true });
    cache.keep(session('a'), cache.epoch);
    expect(cache.get('a', now)).toBeUndefined();
    cache.resume();
    cache.keep(session('a'), cache.epoch);
    expect(cache.get('a', now)).toBeDefined();
    cache.suspend();
    expect(cache.isSuspended).toBe(true);
    expect(cache.get('a', now)).toBeUndefined();
    cache.resume();
    expect(cache.get('a', now)).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const { cache } = cacheAt({ maxEntries: 2 });
    for (const hash of ['a', 'b', 'c']) cache.keep(session(hash), cache.epoch);
    expect(cache.size).toBe(2);
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('c', now)).toBeDefined();
  });

  it('keeps nothing with a TTL of 0', () => {
    const { cache } = cacheAt({ ttlMs: 0 });
    cache.keep(session('a'), cache.epoch);
    expect(cache.size).toBe(0);
  });
});
