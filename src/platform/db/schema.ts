// Every table of the platform, gathered for Drizzle (queries, migrations).
export * from '../../units/schema.ts';
export * from '../../identity/schema.ts';
export * from '../audit/schema.ts';
export * from '../../procedures/schema.ts';
export * from '../../dossiers/schema.ts';
export * from '../../documents/schema.ts';
export * from '../../indicators/schema.ts';
export * from '../../calendar/schema.ts';
export * from '../../feedback/schema.ts';
export * from '../../payments/schema.ts';
export * from '../../payments/sandbox-gateway/schema.ts';
export * from '../../notifications/schema.ts';
export * from '../http/schema.ts';
export * from '../../identity/sandbox/schema.ts';
