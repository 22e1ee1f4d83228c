// The form module's public surface, shared by the server and the browser (no Node imports).
export * from './definition.ts';
export * from './identifiers.ts';
export * from './validate.ts';
