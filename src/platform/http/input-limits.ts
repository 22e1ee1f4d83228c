import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Deepest nesting a request value may have. Form answers nest a few levels (a repeating group of
 * objects); thousands of levels only serve to exhaust the stack of whatever walks the value.
 */
export const maxInputDepth = 32;

/** What makes a request value unusable: a NUL character (PostgreSQL text and jsonb cannot hold one) or too deep a nesting. */
export interface InputProblem {
  path: string[];
  code: 'nul_character' | 'too_deep';
}

/** The first place a decoded request value breaks the input limits, or null. */
export function findInputProblem(value: unknown): InputProblem | null {
  return problemBelow(value, 0);
}

// The path is built on the way back up, so a clean value (every submission) allocates nothing.
function problemBelow(value: unknown, depth: number): InputProblem | null {
  if (typeof value === 'string') return value.includes('\u0000') ? { path: [], code: 'nul_character' } : null;
  // A raw body (a Buffer from a parser that keeps bytes) is not walked byte by byte.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  if (depth >= maxInputDepth) return { path: [], code: 'too_deep' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = problemBelow(value[i], depth + 1);
      if (problem) return { ...problem, path: [String(i), ...problem.path] };
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key.includes('\u0000')) return { path: [key], code: 'nul_character' };
    const problem = problemBelow(record[key], depth + 1);
    if (problem) return { ...problem, path: [key, ...problem.path] };
  }
  return null;
}

/**
 * Refuses, before any route validates or uses them, path parameters, query values and JSON bodies
 * that no route can store or walk safely: 400 VALIDATION_FAILED with the issue's place, as a zod
 * failure reports it. Installed on the root so every route, including plugins', is covered.
 */
export function installInputLimits(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const;
    for (const [part, value] of parts) {
      const problem = findInputProblem(value);
      if (problem) throw new AppError('VALIDATION_FAILED', { issues: [{ in: part, path: problem.path, code: problem.code }] });
    }
  });
}
