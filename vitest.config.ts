import { defineConfig } from 'vitest/config';

// One suite, proven on both database backends: every *.db.test.ts runs once on embedded PGlite and
// once on a real PostgreSQL server the setup starts itself. Pure domain tests run once.
const dbTests = ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'];
const browserTests = ['test/browser/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...dbTests, ...browserTests, 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'pglite', include: dbTests, env: { TEST_DB: 'pglite' }, globalSetup: ['test/support/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'postgres', include: dbTests, env: { TEST_DB: 'postgres' }, globalSetup: ['test/support/global-setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browserTests,
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
