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
