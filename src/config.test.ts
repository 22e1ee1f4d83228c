import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = { NODE_ENV: 'test', SESSION_SECRET: 'test-secret-0123456789abcdef0123456789abcdef' };

describe('loadConfig: performance settings', () => {
  it('defaults to a 30 s citizen-session cache, 10 database connections and 2 submission writers', () => {
    const config = loadConfig(base);
    expect(config.sessionCacheSeconds).toBe(30);
    expect(config.databasePoolSize).toBe(10);
    expect(config.submissionWriters).toBe(2);
  });

  it('reads SESSION_CACHE_SECONDS (0 turns the cache off), DATABASE_POOL_SIZE and SUBMISSION_WRITERS', () => {
    const config = loadConfig({ ...base, SESSION_CACHE_SECONDS: '0', DATABASE_POOL_SIZE: '4', SUBMISSION_WRITERS: '3' });
    expect(config.sessionCacheSeconds).toBe(0);
    expect(config.databasePoolSize).toBe(4);
    expect(config.submissionWriters).toBe(3);
  });

  it.each([
    ['SESSION_CACHE_SECONDS', '-1'],
    ['SESSION_CACHE_SECONDS', '3600'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'many'],
    ['SUBMISSION_WRITERS', '0'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});

describe('loadConfig: client address behind proxies (TRUST_PROXY)', () => {
  it('trusts X-Forwarded-For from a proxy on this machine by default; TRUST_PROXY names others or none', () => {
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'none' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8, loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', '10.0.0.0/33', 'nginx.local', '10.0.0.1,'])('refuses TRUST_PROXY=%s, naming it', (value) => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow('TRUST_PROXY');
  });
});
