import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from the schema files (`npm run db:generate`) and applied at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './migrations',
});
