import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = { NODE_ENV: 'test', SESSION_SECRET: 'test-secret-0123456789abcdef0123456789abcdef' };

describe('loadConfig: performance settings', () => {
  it('defaults to a 30 s citizen-session cache and 10 database connections', () => {
    const config = loadConfig(base);
    expect(config.sessionCacheSeconds).toBe(30);
    expect(config.databasePoolSize).toBe(10);
  });

  it('reads SESSION_CACHE_SECONDS (0 turns the cache off) and DATABASE_POOL_SIZE', () => {
    const config = loadConfig({ ...base, SESSION_CACHE_SECONDS: '0', DATABASE_POOL_SIZE: '4' });
    expect(config.sessionCacheSeconds).toBe(0);
    expect(config.databasePoolSize).toBe(4);
  });

  it.each([
    ['SESSION_CACHE_SECONDS', '-1'],
    ['SESSION_CACHE_SECONDS', '3600'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'many'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
